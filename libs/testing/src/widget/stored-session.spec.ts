import { connectTiledeskEmulator, type EmulatedProject } from '../client';
import { loadWidget, recordEvents, resetPage, waitFor } from '../test-support/widget-page';

const emulator = connectTiledeskEmulator();
let project: EmulatedProject;

beforeAll(async () => {
  project = await emulator.createProject({ bootDelayMs: 0 });
});
afterEach(resetPage);

const tokenKey = () => `widget_sv6_${project.id}_tiledeskToken`;

async function requestsUntil(predicate: (routes: string[]) => boolean): Promise<string[]> {
  for (let i = 0; i < 200; i += 1) {
    const routes = (await emulator.requests(project.id)).map((r) => `${r.route}:${r.status}`);
    if (predicate(routes)) return routes;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('timed out waiting for the emulator requests');
}

describe('a token left in storage', () => {
  beforeEach(() => emulator.reset(project.id));

  it('is NOT used when autoStart is false', async () => {
    const token = await emulator.mintToken(project.id, { userId: 'stored' });
    localStorage.setItem(tokenKey(), token);
    const recorder = recordEvents();
    await loadWidget(project.widgetUrl, { projectid: project.id, autoStart: false });
    await requestsUntil((routes) => routes.includes('events:200'));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect((await emulator.requests(project.id)).some((r) => r.route === 'signinWithCustomToken')).toBe(false);
    expect(recorder.names()).not.toContain('onAuthStateChanged:online');
    recorder.stop();
  });

  it('is used when autoStart is true', async () => {
    const token = await emulator.mintToken(project.id, { userId: 'stored' });
    localStorage.setItem(tokenKey(), token);
    const recorder = recordEvents();
    await loadWidget(project.widgetUrl, { projectid: project.id, autoStart: true });
    await waitFor('online', () => recorder.names().includes('onAuthStateChanged:online'));
    expect(recorder.events.at(-1)?.detail['user_id']).toBe(`${project.id}_stored`);
    recorder.stop();
  });

  it('when expired, makes the launcher hide and dispose itself and stays in storage', async () => {
    const expired = await emulator.mintToken(project.id, { expiresInSeconds: -60 });
    localStorage.setItem(tokenKey(), expired);
    await loadWidget(project.widgetUrl, { projectid: project.id, autoStart: false });
    await requestsUntil((routes) => routes.includes('events:401'));
    await waitFor('container removed', () => document.getElementById('tiledesk-container') === null);
    expect(document.querySelector('chat-root')).not.toBeNull();
    expect(localStorage.getItem(tokenKey())).toBe(expired);
  });
});

describe('autoStart without a stored token', () => {
  it('signs in anonymously (why a queued sign-in races it: keep autoStart false)', async () => {
    const recorder = recordEvents();
    await loadWidget(project.widgetUrl, { projectid: project.id, autoStart: true });
    await waitFor('online', () => recorder.names().includes('onAuthStateChanged:online'));
    expect(String(recorder.events.at(-1)?.detail['user_id'])).toMatch(/^guest_/);
    recorder.stop();
  });

  it('only a real true enables it', async () => {
    const recorder = recordEvents();
    await loadWidget(project.widgetUrl, { projectid: project.id, autoStart: 'true' });
    await waitFor('offline', () => recorder.names().includes('onAuthStateChanged:offline'));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(recorder.names()).not.toContain('onAuthStateChanged:online');
    recorder.stop();
  });
});

describe('storage keys', () => {
  it('stores tiledeskToken (the whole "JWT ..." string) and currentUser under widget_sv6_<projectid>_', async () => {
    const recorder = recordEvents();
    const tiledesk = await loadWidget(project.widgetUrl, { projectid: project.id });
    const token = await emulator.mintToken(project.id, { userId: 'keys' });
    await Promise.resolve((tiledesk['signInWithCustomToken'] as (t: string) => PromiseLike<unknown>)(token));
    expect(localStorage.getItem(tokenKey())).toBe(token);
    expect(JSON.parse(localStorage.getItem(`widget_sv6_${project.id}_currentUser`) ?? '{}')).toMatchObject({ uid: `${project.id}_keys`, email: 'keys@example.test' });
    expect(document.cookie).toBe('');
    await waitFor('online', () => recorder.names().includes('onAuthStateChanged:online'));
    recorder.stop();
  });
});
