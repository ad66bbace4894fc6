import { emulator, failure, useClientFixture } from '../test/client-fixture.js';
import { mintVisitorToken } from '@tiledesk-auth/testing/client';
import { host, launcherVisible, pause, recordStates, until, widgetKeys } from '../test/widget-page.js';
import { TiledeskAuthError } from './tiledesk-auth-error.js';

const fx = useClientFixture();
const { make } = fx;
const token = (userId = 'ada', expiresIn = 600) =>
  mintVisitorToken(fx.project.id, fx.project.secret, {
    userId,
    expiresInSeconds: expiresIn,
    claims: { email: userId + '@example.com', firstname: 'Ada', lastname: 'Lovelace' },
  });
const signIns = async () => (await emulator.requests(fx.project.id)).filter((r) => r.route === 'signinWithCustomToken');

describe('signIn', () => {
  it('fetches the token and loads the script in parallel, then reports the user from the token', async () => {
    let release!: (t: string) => void;
    const getToken = jest.fn(() => new Promise<string>((r) => (release = r)));
    const client = make({ getToken });
    const rec = recordStates(client);
    const signing = client.signIn();
    // Both started at once: the token request is still pending while the widget boots.
    expect(getToken).toHaveBeenCalledTimes(1);
    expect(document.getElementById('tiledesk-jssdk')).not.toBeNull();
    await until('the widget to boot while the token is pending', () => host.Tiledesk && !host.Tiledesk.q);
    expect(client.getState().status).toBe('signing-in');
    release(await token());
    const user = await signing;
    expect(user).toEqual({
      id: fx.project.id + '_ada',
      email: 'ada@example.com',
      firstname: 'Ada',
      lastname: 'Lovelace',
      fullName: 'Ada Lovelace',
    });
    expect(rec.statuses()).toEqual(['signing-in', 'signed-in']);
    expect(client.getState().user).toBe(user);
    // Serialisable: nothing of the widget's `global` (which holds window) leaked in.
    expect(JSON.parse(JSON.stringify(client.getState()))).toEqual({ status: 'signed-in', user, error: null });
    expect(launcherVisible()).toBe(true);
  });

  it('signs in as the widget drains its queue, before its first auth event, when the token is already there', async () => {
    const order: string[] = [];
    const onBeforeInit = () => {
      const widget = host.tiledesk as Record<string, (t: string) => unknown>;
      const signInWithCustomToken = widget['signInWithCustomToken'];
      widget['signInWithCustomToken'] = (header) => (order.push('signInWithCustomToken'), signInWithCustomToken(header));
    };
    const onAuthStateChanged = (event: Event) => order.push((event as CustomEvent<{ event: string }>).detail.event);
    // Capture listeners on document see the widget's events before core's, registered later.
    document.addEventListener('onBeforeInit', onBeforeInit, true);
    document.addEventListener('onAuthStateChanged', onAuthStateChanged, true);
    try {
      const full = await token();
      const client = make({ getToken: () => Promise.resolve(full) });
      await client.signIn();
      expect(order).toEqual(['signInWithCustomToken', 'offline', 'online']);
    } finally {
      document.removeEventListener('onBeforeInit', onBeforeInit, true);
      document.removeEventListener('onAuthStateChanged', onAuthStateChanged, true);
    }
  });

  it('accepts a bare JWT and sends exactly "JWT <jwt>"', async () => {
    const full = await token();
    const client = make();
    await client.load();
    const spy = jest.spyOn(host.tiledesk as Record<string, (t: string) => unknown>, 'signInWithCustomToken');
    await client.signIn(full.slice(4));
    expect(spy).toHaveBeenCalledWith(full);
    expect(localStorage.getItem('widget_sv6_' + fx.project.id + '_tiledeskToken')).toBe(full);
  });

  it('rejects a malformed token before any network call', async () => {
    const client = make();
    const error = await failure(client.signIn('Bearer nope'));
    expect(error?.code).toBe('invalid-token');
    expect(client.getState()).toEqual({ status: 'error', user: null, error });
    expect(document.getElementById('tiledesk-jssdk')).toBeNull();
    // Only this test's own calls count: the previous test's widget may still be disconnecting its
    // chat link (route 'other') or reporting its sign-out (route 'events').
    expect((await emulator.requests(fx.project.id)).filter((r) => r.route === 'widget' || r.route === 'signinWithCustomToken')).toEqual([]);
  });

  it('reports token-fetch-failed when getToken rejects or returns a non-string', async () => {
    const cause = new Error('503');
    const client = make({ getToken: () => Promise.reject(cause) });
    const error = await failure(client.signIn());
    expect(error).toBeInstanceOf(TiledeskAuthError);
    expect(error?.code).toBe('token-fetch-failed');
    expect(error?.cause).toBe(cause);
    expect(client.getState().error).toBe(error);
    const other = make({ getToken: () => Promise.resolve({ token: 'x' } as unknown as string) });
    expect((await failure(other.signIn()))?.message).toContain('gave a object');
    // The widget loaded in parallel all the same; let it finish before the page is reset.
    await client.ready;
  });

  it('needs a token or getToken', async () => {
    const error = await failure(make().signIn());
    expect(error?.code).toBe('invalid-options');
    expect(error?.message).toContain('getToken');
  });

  it('reports token-rejected when Tiledesk refuses the token (wrong secret)', async () => {
    const client = make();
    const bad = await mintVisitorToken(fx.project.id, 'not-the-secret', { userId: 'ada' });
    const error = await failure(client.signIn(bad));
    expect(error?.code).toBe('token-rejected');
    expect(client.getState().status).toBe('error');
    expect((await signIns()).map((r) => r.status)).toEqual([401]);
  });

  it('times out when the chat never connects, and clears the half-done session from storage', async () => {
    const client = make({ loadTimeoutMs: 1500 });
    await client.load();
    await emulator.delayNext(fx.project.id, 'createCustomToken', 4000);
    const error = await failure(client.signIn(await token()));
    expect(error?.code).toBe('timeout');
    expect(client.getState().status).toBe('error');
    expect(widgetKeys(fx.project.id)).toEqual([]);
  });

  it('ignores repeated online events (chat reconnects): no new state', async () => {
    const client = make();
    await client.signIn(await token());
    const rec = recordStates(client);
    const inits = jest.fn();
    client.on('onInit', inits);
    await emulator.dropChatConnections(fx.project.id);
    await until('the reconnect', () => inits.mock.calls.length > 0);
    await pause(50);
    expect(rec.states).toEqual([]);
  });

  it('refreshes the token before exp without changing state', async () => {
    const getToken = jest.fn(() => token('ada', 3));
    const client = make({ getToken, refreshMarginSeconds: 2 });
    await client.signIn();
    const rec = recordStates(client);
    // The widget reports a same-visitor sign-in again: onInit, then online (no offline between).
    const onlines = jest.fn();
    client.on('onAuthStateChanged', (detail) => detail.isLogged && onlines());
    const exp = JSON.parse(atob((localStorage.getItem('widget_sv6_' + fx.project.id + '_tiledeskToken') ?? '').split('.')[1]))[
      'exp'
    ] as number;
    await until('a refresh', () => getToken.mock.calls.length >= 2, 5000);
    await until('the refreshed token in storage', async () => (await signIns()).length >= 2);
    await until('the widget online again after the refresh', () => onlines.mock.calls.length > 0);
    await pause(50);
    const refreshed = (await signIns())[1];
    expect(refreshed.status).toBe(200);
    expect(refreshed.startedAt).toBeLessThan(exp * 1000);
    expect(rec.states).toEqual([]);
    expect(client.getState().status).toBe('signed-in');
  });

  it('ends in error token-rejected when a refresh token is refused: no status in between, nothing of the visitor in storage', async () => {
    const getToken = jest.fn(() => token('ada', 3));
    const client = make({ getToken, refreshMarginSeconds: 2 });
    await client.signIn();
    expect(widgetKeys(fx.project.id)).not.toEqual([]);
    const rec = recordStates(client);
    await emulator.failNext(fx.project.id, 'signinWithCustomToken', { status: 401 });
    await until('the refused refresh', () => client.getState().status === 'error', 5000);
    await pause(100);
    expect(rec.statuses()).toEqual(['error']);
    expect(client.getState().error?.code).toBe('token-rejected');
    expect(widgetKeys(fx.project.id)).toEqual([]);
    expect(launcherVisible()).toBe(false);
  });

  it('ends in error token-rejected when signIn() for the signed-in visitor is refused', async () => {
    const client = make();
    await client.signIn(await token());
    const rec = recordStates(client);
    await emulator.failNext(fx.project.id, 'signinWithCustomToken', { status: 401 });
    expect((await failure(client.signIn(await token())))?.code).toBe('token-rejected');
    await pause(100);
    expect(rec.statuses()).toEqual(['error']);
    expect(widgetKeys(fx.project.id)).toEqual([]);
  });

  it('retries a failed refresh fetch with backoff, without leaving signed-in', async () => {
    let calls = 0;
    const getToken = jest.fn(() => (++calls === 2 ? Promise.reject(new Error('flaky')) : token('ada', 4)));
    const warn = jest.fn();
    const client = make({ getToken, refreshMarginSeconds: 3, logger: { warn, error: jest.fn() } });
    await client.signIn();
    const rec = recordStates(client);
    await until('the retry', () => getToken.mock.calls.length >= 3, 6000);
    await until('the retried sign-in', async () => (await signIns()).length >= 2);
    expect(warn).toHaveBeenCalledWith('tiledesk: token refresh failed: getToken() failed', expect.any(TiledeskAuthError));
    expect(rec.states).toEqual([]);
  });

  it.each(['signOut', 'destroy'] as const)('stops refreshing on %s', async (method) => {
    const getToken = jest.fn(() => token('ada', 2));
    const client = make({ getToken, refreshMarginSeconds: 1 });
    await client.signIn();
    await client[method]();
    // Past the moment the refresh was due (1 s before exp, at most half of 2 s).
    await pause(1500);
    expect(getToken).toHaveBeenCalledTimes(1);
  });
});
