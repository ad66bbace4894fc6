import { connectTiledeskEmulator, type EmulatedProject } from '../client';
import { loadWidget, recordEvents, resetPage, settle, waitFor } from '../test-support/widget-page';
import { RECONNECT_PERIOD_MS } from './chat-connection';

const emulator = connectTiledeskEmulator();
let project: EmulatedProject;

beforeAll(async () => {
  project = await emulator.createProject({ bootDelayMs: 0 });
});
beforeEach(() => emulator.reset(project.id));
afterEach(() => {
  resetPage();
  jest.restoreAllMocks();
});

type Api = Record<string, unknown>;
const call = <T = unknown>(tiledesk: Api, name: string, arg?: unknown): T => (tiledesk[name] as (a?: unknown) => T)(arg);
const signIn = (tiledesk: Api, token: string) => Promise.resolve(call<PromiseLike<unknown>>(tiledesk, 'signInWithCustomToken', token));
const projectKeys = () => Object.keys(localStorage).filter((key) => key.startsWith(`widget_sv6_${project.id}_`));

async function signedIn(userId: string, settings: Record<string, unknown> = {}) {
  const recorder = recordEvents();
  const tiledesk = await loadWidget(project.widgetUrl, { projectid: project.id, ...settings });
  await waitFor('startup offline', () => recorder.names().includes('onAuthStateChanged:offline'));
  const token = await emulator.mintToken(project.id, { userId });
  await signIn(tiledesk, token);
  await waitFor('online', () => recorder.names().includes('onAuthStateChanged:online'));
  return { tiledesk, recorder, token };
}

/** The emulator's log for this project, once `ready` holds for it (the widget's calls are asynchronous). */
async function requestsWhen(ready: (paths: string[]) => boolean): Promise<string[]> {
  for (let i = 0; i < 200; i += 1) {
    const paths = (await emulator.requests(project.id)).map((request) => `${request.path}:${request.status}`);
    if (ready(paths)) return paths;
    await settle(20);
  }
  throw new Error('timed out waiting for the emulator requests');
}
const count = (paths: string[], path: string) => paths.filter((entry) => entry.startsWith(`${path}:`)).length;

describe('a refresh: the same visitor signs in again with a fresh token', () => {
  it('repeats createCustomToken, the chat connection and /events, and fires onInit + online again with no offline between', async () => {
    const { tiledesk, recorder } = await signedIn('ada');
    const before = await requestsWhen((paths) => count(paths, `/api/${project.id}/events`) >= 1);
    const since = recorder.events.length;
    const fresh = await emulator.mintToken(project.id, { userId: 'ada', expiresInSeconds: 900 });

    await expect(signIn(tiledesk, fresh)).resolves.toMatchObject({ uid: `${project.id}_ada` });
    await waitFor('online again', () => recorder.names().slice(since).includes('onAuthStateChanged:online'));
    const after = await requestsWhen((paths) => count(paths, `/api/${project.id}/events`) > count(before, `/api/${project.id}/events`));

    expect(recorder.names().slice(since)).toEqual(['onInit', 'onAuthStateChanged:online']);
    expect(recorder.events.at(-1)?.detail).toMatchObject({ isLogged: true, user_id: `${project.id}_ada` });
    expect(count(after, '/api/chat21/native/auth/createCustomToken')).toBe(count(before, '/api/chat21/native/auth/createCustomToken') + 1);
    expect(count(after, '/api/chat21/connect')).toBe(count(before, '/api/chat21/connect') + 1);
    expect(localStorage.getItem(`widget_sv6_${project.id}_tiledeskToken`)).toBe(fresh);
    recorder.stop();
  });
});

describe('a logout() while a refresh is still connecting the chat', () => {
  it("logs the real widget's null-user TypeError from its connect handler, fires no online and stores nothing of the visitor", async () => {
    const { tiledesk, recorder } = await signedIn('ada');
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    // The refresh's answer comes at once; its chat token only later, which leaves time for a logout.
    await emulator.delayNext(project.id, 'createCustomToken', 300);
    const since = recorder.events.length;
    await signIn(tiledesk, await emulator.mintToken(project.id, { userId: 'ada', expiresInSeconds: 900 }));
    await Promise.resolve(call<PromiseLike<unknown>>(tiledesk, 'logout'));
    await waitFor('the null-user error of the connect handler', () => errors.mock.calls.length > 0);
    expect(String(errors.mock.calls[0]?.[1])).toBe("TypeError: Cannot read properties of null (reading 'uid')");
    expect(recorder.names().slice(since)).toEqual(['onAuthStateChanged:offline', 'onAuthStateChanged:offline']);
    expect(projectKeys()).toEqual([]);
    recorder.stop();
  });
});

describe('another visitor signs in without logout()', () => {
  it('fires onInit + online of the new visitor, with no offline between, and stores the new user', async () => {
    const { tiledesk, recorder } = await signedIn('ada');
    const since = recorder.events.length;
    const grace = await emulator.mintToken(project.id, { userId: 'grace' });
    await expect(signIn(tiledesk, grace)).resolves.toMatchObject({ uid: `${project.id}_grace` });
    await waitFor('grace online', () => recorder.names().slice(since).includes('onAuthStateChanged:online'));
    expect(recorder.names().slice(since)).toEqual(['onInit', 'onAuthStateChanged:online']);
    expect(recorder.events.at(-1)?.detail['user_id']).toBe(`${project.id}_grace`);
    expect(JSON.parse(localStorage.getItem(`widget_sv6_${project.id}_currentUser`) ?? '{}')).toMatchObject({ uid: `${project.id}_grace` });
    recorder.stop();
  });
});

describe('a refused token while someone is signed in', () => {
  it.each([
    ['a 401 (expired token)', { expiresInSeconds: -10 }, undefined],
    ['any other failure (a 503)', {}, 503],
  ])(
    '%s: the widget signs itself out (storage cleared at once), the Promise rejects, then offline fires twice and the container is hidden',
    async (_what, claims, faultStatus) => {
      const { tiledesk, recorder } = await signedIn('ada');
      const since = recorder.events.length;
      if (faultStatus !== undefined) await emulator.failNext(project.id, 'signinWithCustomToken', { status: faultStatus });
      const refused = await emulator.mintToken(project.id, { userId: 'ada', ...claims });

      let seenAtRejection: string[] = [];
      let keysAtRejection: string[] = [];
      const outcome = await signIn(tiledesk, refused).then(
        () => 'resolved',
        (error: { status?: number }) => {
          seenAtRejection = recorder.names().slice(since);
          keysAtRejection = projectKeys();
          return `rejected ${String(error.status)}`;
        },
      );

      expect(outcome).toBe(`rejected ${faultStatus ?? 401}`);
      // Observed on the real build: the chat link closes after the rejection, and the events follow.
      expect(seenAtRejection).toEqual([]);
      await waitFor('two offline events', () => recorder.names().slice(since).length === 2);
      expect(recorder.names().slice(since)).toEqual(['onAuthStateChanged:offline', 'onAuthStateChanged:offline']);
      expect(recorder.events.slice(since).map((e) => [e.detail['isLogged'], e.detail['user_id']])).toEqual([
        [false, `${project.id}_ada`],
        [false, `${project.id}_ada`],
      ]);
      expect(keysAtRejection).toEqual([]);
      expect((document.getElementById('tiledesk-container') as HTMLElement).style.display).toBe('none');
      expect(call(tiledesk, 'logout')).toBeUndefined();
      recorder.stop();
    },
  );

  it('a 401 while nobody is signed in removes only tiledeskToken and currentUser, and fires nothing', async () => {
    const recorder = recordEvents();
    const tiledesk = await loadWidget(project.widgetUrl, { projectid: project.id });
    await waitFor('startup offline', () => recorder.names().includes('onAuthStateChanged:offline'));
    localStorage.setItem(`widget_sv6_${project.id}_currentUser`, '{}');
    const expired = await emulator.mintToken(project.id, { expiresInSeconds: -10 });
    await expect(signIn(tiledesk, expired)).rejects.toMatchObject({
      status: 401,
      url: expect.stringMatching(/\/api\/auth\/signinWithCustomToken$/),
    });
    expect(projectKeys().sort()).toEqual([
      `widget_sv6_${project.id}_attributes`,
      `widget_sv6_${project.id}_isOpen`,
      `widget_sv6_${project.id}_size`,
    ]);
    expect(recorder.names()).toEqual(['onLoadParams', 'onBeforeInit', 'onAuthStateChanged:offline']);
    recorder.stop();
  });
});

describe('a dropped chat connection', () => {
  it(`fires nothing on the drop, reconnects after ${RECONNECT_PERIOD_MS} ms, then fires onInit + online once`, async () => {
    const { recorder } = await signedIn('alan');
    const since = recorder.events.length;
    const connectsBefore = count(await requestsWhen(() => true), '/api/chat21/connect');
    const timers = jest.spyOn(window, 'setTimeout');

    await emulator.dropChatConnections(project.id);
    await waitFor('online again', () => recorder.names().slice(since).includes('onAuthStateChanged:online'));
    // Until here only the widget waited longer than this spec's 10 ms polls.
    const widgetWaits = timers.mock.calls.map(([, ms]) => ms).filter((ms) => ms !== undefined && ms > 10);
    timers.mockRestore();
    await settle(100);

    expect(recorder.names().slice(since)).toEqual(['onInit', 'onAuthStateChanged:online']);
    // The only wait the widget scheduled for its reconnect is the MQTT client's reconnect period.
    expect(widgetWaits).toEqual([RECONNECT_PERIOD_MS]);
    expect(count(await requestsWhen(() => true), '/api/chat21/connect')).toBe(connectsBefore + 1);
    recorder.stop();
  });
});

describe('other sign-in paths of the real widget', () => {
  it('open() while not logged in signs in with the stored token, not anonymously', async () => {
    const token = await emulator.mintToken(project.id, { userId: 'stored' });
    localStorage.setItem(`widget_sv6_${project.id}_tiledeskToken`, token);
    const recorder = recordEvents();
    const tiledesk = await loadWidget(project.widgetUrl, { projectid: project.id, autoStart: false });
    await waitFor('startup offline', () => recorder.names().includes('onAuthStateChanged:offline'));
    call(tiledesk, 'open');
    await waitFor('online', () => recorder.names().includes('onAuthStateChanged:online'));
    expect(recorder.events.at(-1)?.detail['user_id']).toBe(`${project.id}_stored`);
    const paths = await requestsWhen(() => true);
    expect(count(paths, '/api/auth/signinWithCustomToken')).toBe(1);
    expect(count(paths, '/api/auth/signinAnonymously')).toBe(0);
    recorder.stop();
  });

  it('logout() while autoStart is on signs a guest in right after the two offline events', async () => {
    const { tiledesk, recorder } = await signedIn('ada');
    call(tiledesk, 'setParameter', { key: 'autoStart', value: true });
    const since = recorder.events.length;
    await Promise.resolve(call<PromiseLike<unknown>>(tiledesk, 'logout'));
    await waitFor('guest online', () => recorder.names().slice(since).includes('onAuthStateChanged:online'));
    expect(recorder.names().slice(since)).toEqual([
      'onAuthStateChanged:offline',
      'onAuthStateChanged:offline',
      'onInit',
      'onAuthStateChanged:online',
    ]);
    expect(String(recorder.events.at(-1)?.detail['user_id'])).toMatch(/^guest_/);
    recorder.stop();
  });

  it('calls a queued onBeforeInit listener once with the event', async () => {
    const seen: unknown[] = [];
    const recorder = recordEvents();
    await loadWidget(project.widgetUrl, { projectid: project.id }, (Tiledesk) =>
      Tiledesk('onBeforeInit', (event: Event) => seen.push((event as CustomEvent).detail)),
    );
    await waitFor('startup offline', () => recorder.names().includes('onAuthStateChanged:offline'));
    expect(seen).toHaveLength(1);
    expect(seen[0]).toHaveProperty('global');
    recorder.stop();
  });
});
