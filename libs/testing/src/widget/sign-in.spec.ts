import { connectTiledeskEmulator, type EmulatedProject } from '../client';
import { loadWidget, page, recordEvents, resetPage, waitFor } from '../test-support/widget-page';

const emulator = connectTiledeskEmulator();
let project: EmulatedProject;

beforeAll(async () => {
  project = await emulator.createProject({ bootDelayMs: 0 });
});
afterEach(resetPage);

describe('signInWithCustomToken', () => {
  it('resolves with the user before online fires, then fires onInit and online with the JWT _id', async () => {
    const recorder = recordEvents();
    const tiledesk = await loadWidget(project.widgetUrl, { projectid: project.id, autoStart: false });
    await waitFor('the startup offline', () => recorder.names().includes('onAuthStateChanged:offline'));
    const token = await emulator.mintToken(project.id, { userId: 'ada' });

    let namesWhenResolved: string[] = [];
    const user = (await (tiledesk['signInWithCustomToken'] as (t: string) => PromiseLike<Record<string, unknown>>)(token).then((u) => {
      namesWhenResolved = recorder.names();
      return u;
    })) as Record<string, unknown>;

    expect(user).toEqual({
      uid: `${project.id}_ada`,
      email: 'ada@example.test',
      firstname: 'ada',
      lastname: 'Visitor',
      fullname: 'ada Visitor',
      avatar: 'AV',
      color: expect.stringMatching(/^#[0-9a-f]{6}$/i),
    });
    expect(namesWhenResolved).not.toContain('onAuthStateChanged:online');
    await waitFor('online', () => recorder.names().includes('onAuthStateChanged:online'));
    expect(recorder.names()).toEqual(['onLoadParams', 'onBeforeInit', 'onAuthStateChanged:offline', 'onInit', 'onAuthStateChanged:online']);
    const online = recorder.events[4].detail;
    expect(online['isLogged']).toBe(true);
    expect(online['user_id']).toBe(`${project.id}_ada`);
    expect(localStorage.getItem(`widget_sv6_${project.id}_tiledeskToken`)).toBe(token);
    expect(page.document.getElementById('tiledesk-emulator-user')?.textContent).toBe('Signed in as ada@example.test');
    recorder.stop();
  });
});

type Api = Record<string, unknown> & { on(name: string, fn: (event: Event) => void): void };
const call = <T = unknown>(tiledesk: Api, name: string, arg?: unknown): T => (tiledesk[name] as (a?: unknown) => T)(arg);
const tokenKey = () => `widget_sv6_${project.id}_tiledeskToken`;

async function signedIn(userId: string) {
  const recorder = recordEvents();
  const tiledesk = (await loadWidget(project.widgetUrl, { projectid: project.id })) as Api;
  await waitFor('startup offline', () => recorder.names().includes('onAuthStateChanged:offline'));
  const token = await emulator.mintToken(project.id, { userId });
  await Promise.resolve(call<PromiseLike<unknown>>(tiledesk, 'signInWithCustomToken', token));
  await waitFor('online', () => recorder.names().includes('onAuthStateChanged:online'));
  return { tiledesk, recorder, token };
}

describe('sign-in failures', () => {
  it('on 401 rejects, removes the stored token and fires no event when nobody was signed in', async () => {
    const recorder = recordEvents();
    const tiledesk = (await loadWidget(project.widgetUrl, { projectid: project.id })) as Api;
    await waitFor('startup offline', () => recorder.names().includes('onAuthStateChanged:offline'));
    const expired = await emulator.mintToken(project.id, { expiresInSeconds: -10 });
    localStorage.setItem(tokenKey(), expired);
    await expect(Promise.resolve(call<PromiseLike<unknown>>(tiledesk, 'signInWithCustomToken', expired))).rejects.toThrow(/401/);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(localStorage.getItem(tokenKey())).toBeNull();
    expect(recorder.names()).toEqual(['onLoadParams', 'onBeforeInit', 'onAuthStateChanged:offline']);
    recorder.stop();
  });

  it('rejects on an injected fault of the sign-in route', async () => {
    const tiledesk = (await loadWidget(project.widgetUrl, { projectid: project.id })) as Api;
    await emulator.failNext(project.id, 'signinWithCustomToken', { status: 503 });
    const token = await emulator.mintToken(project.id);
    await expect(Promise.resolve(call<PromiseLike<unknown>>(tiledesk, 'signInWithCustomToken', token))).rejects.toThrow(/503/);
  });

  it('half-succeeds when the chat link never comes up: resolved, no online, logout() is undefined and leaves the token', async () => {
    const recorder = recordEvents();
    const tiledesk = (await loadWidget(project.widgetUrl, { projectid: project.id })) as Api;
    await waitFor('startup offline', () => recorder.names().includes('onAuthStateChanged:offline'));
    await emulator.failNext(project.id, 'createCustomToken', { status: 500 });
    const token = await emulator.mintToken(project.id, { userId: 'half' });
    await expect(Promise.resolve(call<PromiseLike<unknown>>(tiledesk, 'signInWithCustomToken', token))).resolves.toMatchObject({
      uid: `${project.id}_half`,
    });
    for (
      let i = 0;
      i < 100 && !(await emulator.requests(project.id)).some((r) => r.route === 'createCustomToken' && r.status === 500);
      i += 1
    ) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(recorder.names()).toEqual(['onLoadParams', 'onBeforeInit', 'onAuthStateChanged:offline']);
    expect(call(tiledesk, 'logout')).toBeUndefined();
    expect(localStorage.getItem(tokenKey())).toBe(token);
    expect(recorder.names()).toHaveLength(3);
    recorder.stop();
  });
});

describe('logout', () => {
  it('returns undefined when nobody is signed in', async () => {
    const tiledesk = (await loadWidget(project.widgetUrl, { projectid: project.id })) as Api;
    expect(call(tiledesk, 'logout')).toBeUndefined();
  });

  it('fires offline twice with the previous user_id, clears the storage, hides the container and resolves true', async () => {
    const { tiledesk, recorder } = await signedIn('grace');
    localStorage.setItem('unrelated', 'kept');
    const before = recorder.events.length;
    const result = call<PromiseLike<unknown>>(tiledesk, 'logout');
    expect(typeof result?.then).toBe('function');
    await expect(Promise.resolve(result)).resolves.toBe(true);
    const after = recorder.events.slice(before);
    expect(after.map((e) => [e.detail['event'], e.detail['isLogged'], e.detail['user_id']])).toEqual([
      ['offline', false, `${project.id}_grace`],
      ['offline', false, `${project.id}_grace`],
    ]);
    expect(Object.keys(localStorage).filter((key) => key.startsWith(`widget_sv6_${project.id}_`))).toEqual([]);
    expect(localStorage.getItem('unrelated')).toBe('kept');
    expect((document.getElementById('tiledesk-container') as HTMLElement).style.display).toBe('none');
    recorder.stop();
  });
});

describe('the chat connection', () => {
  it('reconnects after dropChatConnections: onInit and online fire again, once per outage', async () => {
    const { recorder } = await signedIn('alan');
    const before = recorder.events.length;
    await emulator.dropChatConnections(project.id);
    await waitFor('online again', () => recorder.names().slice(before).includes('onAuthStateChanged:online'));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(recorder.names().slice(before)).toEqual(['onInit', 'onAuthStateChanged:online']);
    expect(recorder.events.at(-1)?.detail['user_id']).toBe(`${project.id}_alan`);
    recorder.stop();
  });
});

describe('signInAnonymous and open', () => {
  it('signs in a guest', async () => {
    const recorder = recordEvents();
    const tiledesk = (await loadWidget(project.widgetUrl, { projectid: project.id })) as Api;
    const user = await Promise.resolve(call<PromiseLike<Record<string, unknown>>>(tiledesk, 'signInAnonymous'));
    expect(String(user['uid'])).toMatch(/^guest_/);
    await waitFor('online', () => recorder.names().includes('onAuthStateChanged:online'));
    expect(recorder.events.at(-1)?.detail['user_id']).toBe(user['uid']);
    recorder.stop();
  });

  it('open() is a toggle returning undefined, and starts an anonymous sign-in when signed out', async () => {
    const recorder = recordEvents();
    const tiledesk = (await loadWidget(project.widgetUrl, { projectid: project.id })) as Api;
    expect(call(tiledesk, 'open')).toBeUndefined();
    call(tiledesk, 'open');
    call(tiledesk, 'open');
    expect(recorder.names().filter((n) => n === 'onOpen' || n === 'onClose')).toEqual(['onOpen', 'onClose', 'onOpen']);
    await waitFor('anonymous online', () => recorder.names().includes('onAuthStateChanged:online'));
    const signIns = (await emulator.requests(project.id)).filter((r) => r.path === '/api/auth/signinAnonymously');
    expect(signIns.length).toBeGreaterThanOrEqual(1);
    call(tiledesk, 'close');
    expect(recorder.names().at(-1)).toBe('onClose');
    expect((document.getElementById('tiledesk-emulator-panel') as HTMLElement).style.display).toBe('none');
    recorder.stop();
  });
});

describe('switching users and racing sign-ins', () => {
  it('switches users with logout() then a new sign-in, and never fires onLoggedIn/onLoggedOut', async () => {
    const { tiledesk, recorder } = await signedIn('ada');
    await Promise.resolve(call<PromiseLike<unknown>>(tiledesk, 'logout'));
    const before = recorder.events.length;
    const grace = await emulator.mintToken(project.id, { userId: 'grace' });
    await Promise.resolve(call<PromiseLike<unknown>>(tiledesk, 'signInWithCustomToken', grace));
    await waitFor('grace online', () => recorder.names().slice(before).includes('onAuthStateChanged:online'));
    expect(recorder.events.at(-1)?.detail['user_id']).toBe(`${project.id}_grace`);
    expect(recorder.names()).not.toContain('onLoggedIn');
    expect(recorder.names()).not.toContain('onLoggedOut');
    recorder.stop();
  });

  it('does not guard a queued sign-in against autoStart: both sign-ins go out', async () => {
    const racer = await emulator.createProject({ bootDelayMs: 0 });
    const token = await emulator.mintToken(racer.id, { userId: 'queued' });
    const recorder = recordEvents();
    await loadWidget(racer.widgetUrl, { projectid: racer.id, autoStart: true }, (Tiledesk) => Tiledesk('signInWithCustomToken', token));
    await waitFor('online', () => recorder.names().includes('onAuthStateChanged:online'));
    let paths: string[] = [];
    for (
      let i = 0;
      i < 100 && !(paths.includes('/api/auth/signinWithCustomToken') && paths.includes('/api/auth/signinAnonymously'));
      i += 1
    ) {
      paths = (await emulator.requests(racer.id)).map((r) => r.path);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(paths).toEqual(expect.arrayContaining(['/api/auth/signinWithCustomToken', '/api/auth/signinAnonymously']));
    recorder.stop();
  });
});
