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
  const stored = (name: string) => localStorage.getItem(`widget_sv6_${project.id}_${name}`);
  const projectKeys = () =>
    Object.keys(localStorage)
      .filter((key) => key.startsWith(`widget_sv6_${project.id}_`))
      .sort();
  type Api = Record<string, unknown>;
  const call = <T = unknown>(tiledesk: Api, name: string, arg?: unknown): T => (tiledesk[name] as (a?: unknown) => T)(arg);

  it('stores isOpen "false", size "min" and the visitor attributes (with the default department) on every load, signed in or not', async () => {
    document.title = 'Pricing';
    const recorder = recordEvents();
    await loadWidget(project.widgetUrl, { projectid: project.id, customAttributes: { plan: 'pro' } });
    await waitFor('offline', () => recorder.names().includes('onAuthStateChanged:offline'));
    expect(projectKeys()).toEqual([
      `widget_sv6_${project.id}_attributes`,
      `widget_sv6_${project.id}_isOpen`,
      `widget_sv6_${project.id}_size`,
    ]);
    expect(stored('isOpen')).toBe('false');
    expect(stored('size')).toBe('min');
    const attributes = JSON.parse(stored('attributes') ?? 'null') as Record<string, unknown>;
    // The default department of the project's settings comes first, as in the widget.
    expect(Object.keys(attributes)).toEqual([
      'departmentId',
      'departmentName',
      'client',
      'sourcePage',
      'sourceTitle',
      'projectId',
      'widgetVer',
      'payload',
    ]);
    expect(attributes).toEqual({
      departmentId: `${project.id}-default-department`,
      departmentName: 'Default Department',
      client: navigator.userAgent,
      sourcePage: location.href,
      sourceTitle: 'Pricing',
      projectId: project.id,
      widgetVer: 'v.5.2.3',
      payload: { plan: 'pro' },
    });
    document.title = '';
    recorder.stop();
  });

  it('on sign-in stores tiledeskToken (the whole "JWT ..." string) and currentUser (the widget\'s user); online, the attributes name the visitor', async () => {
    const recorder = recordEvents();
    const tiledesk = await loadWidget(project.widgetUrl, { projectid: project.id });
    const token = await emulator.mintToken(project.id, { userId: 'keys' });
    await Promise.resolve(call<PromiseLike<unknown>>(tiledesk, 'signInWithCustomToken', token));
    expect(stored('tiledeskToken')).toBe(token);
    // Key order and all: the widget stores JSON.stringify of its user model.
    expect(stored('currentUser')).toBe(
      JSON.stringify({
        uid: `${project.id}_keys`,
        email: 'keys@example.test',
        firstname: 'keys',
        lastname: 'Visitor',
        fullname: 'keys Visitor',
        avatar: 'KV',
        color: '#65aadd',
      }),
    );
    expect(document.cookie).toBe('');
    await waitFor('online', () => recorder.names().includes('onAuthStateChanged:online'));
    expect(JSON.parse(stored('attributes') ?? 'null')).toMatchObject({
      requester_id: `${project.id}_keys`,
      userEmail: 'keys@example.test',
      userFullname: 'keys Visitor',
      payload: [],
    });
    recorder.stop();
  });

  it('open() and close() store isOpen "true" / "false"; startConversation stores recipientId, which a sign-in with another token removes', async () => {
    const recorder = recordEvents();
    const tiledesk = await loadWidget(project.widgetUrl, { projectid: project.id });
    const first = await emulator.mintToken(project.id, { userId: 'panel' });
    await Promise.resolve(call<PromiseLike<unknown>>(tiledesk, 'signInWithCustomToken', first));
    await waitFor('online', () => recorder.names().includes('onAuthStateChanged:online'));
    call(tiledesk, 'open');
    expect(stored('isOpen')).toBe('true');
    call(tiledesk, 'close');
    expect(stored('isOpen')).toBe('false');
    call(tiledesk, 'startConversation');
    expect(stored('recipientId')).toMatch(/^support-group-/);
    await Promise.resolve(call<PromiseLike<unknown>>(tiledesk, 'signInWithCustomToken', first));
    expect(stored('recipientId')).not.toBeNull();
    const second = await emulator.mintToken(project.id, { userId: 'panel', expiresInSeconds: 120 });
    await Promise.resolve(call<PromiseLike<unknown>>(tiledesk, 'signInWithCustomToken', second));
    expect(stored('recipientId')).toBeNull();
    recorder.stop();
  });

  it('logout clears every key of the project, those stored at boot included', async () => {
    const recorder = recordEvents();
    const tiledesk = await loadWidget(project.widgetUrl, { projectid: project.id });
    const token = await emulator.mintToken(project.id, { userId: 'gone' });
    await Promise.resolve(call<PromiseLike<unknown>>(tiledesk, 'signInWithCustomToken', token));
    await waitFor('online', () => recorder.names().includes('onAuthStateChanged:online'));
    call(tiledesk, 'open');
    expect(projectKeys()).toEqual(
      ['attributes', 'currentUser', 'isOpen', 'size', 'tiledeskToken'].map((name) => `widget_sv6_${project.id}_${name}`),
    );
    await Promise.resolve(call<PromiseLike<unknown>>(tiledesk, 'logout'));
    expect(projectKeys()).toEqual([]);
    recorder.stop();
  });
});
