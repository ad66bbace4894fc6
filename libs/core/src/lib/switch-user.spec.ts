import { emulator, failure, useClientFixture } from '../test/client-fixture.js';
import { mintVisitorToken } from '@tiledesk-auth/testing/client';
import { host, pause, recordStates, until, widgetKeys } from '../test/widget-page.js';

const fx = useClientFixture();
const { make } = fx;
const token = (userId: string) =>
  mintVisitorToken(fx.project.id, fx.project.secret, { userId, expiresInSeconds: 600, claims: { firstname: userId, lastname: 'Test' } });
const onlineUsers = () => {
  const ids: (string | undefined)[] = [];
  const listener = (e: Event) => (e as CustomEvent).detail?.isLogged && ids.push((e as CustomEvent).detail.user_id);
  document.addEventListener('onAuthStateChanged', listener, true);
  return { ids, stop: () => document.removeEventListener('onAuthStateChanged', listener, true) };
};

describe('user switch and sign-out', () => {
  it('switches user: autoStart off, logout, storage cleared, then the new user', async () => {
    const client = make();
    await client.signIn(await token('ada'));
    localStorage.setItem('widget_sv6_' + fx.project.id + '_recipientId', 'ada-conversation');
    const api = host.tiledesk as Record<string, (...a: unknown[]) => unknown>;
    const setParameter = jest.spyOn(api, 'setParameter');
    const logout = jest.spyOn(api, 'logout');
    const rec = recordStates(client);
    const user = await client.signIn(await token('grace'));
    expect(user.id).toBe(fx.project.id + '_grace');
    expect(setParameter).toHaveBeenCalledWith({ key: 'autoStart', value: false });
    expect(logout).toHaveBeenCalledTimes(1);
    expect(setParameter.mock.invocationCallOrder[0]).toBeLessThan(logout.mock.invocationCallOrder[0]);
    expect(localStorage.getItem('widget_sv6_' + fx.project.id + '_recipientId')).toBeNull();
    expect(rec.statuses()).toEqual(['signing-in', 'signed-in']);
    expect(client.getState().user?.fullName).toBe('grace Test');
  });

  it('clears another visitor left in storage before signing in', async () => {
    const client = make();
    await client.load();
    localStorage.setItem('widget_sv6_' + fx.project.id + '_tiledeskToken', await token('alan'));
    localStorage.setItem('widget_sv6_' + fx.project.id + '_recipientId', 'alan-conversation');
    await client.signIn(await token('ada'));
    expect(localStorage.getItem('widget_sv6_' + fx.project.id + '_recipientId')).toBeNull();
  });

  it('lets the last call win: overlapping signIn(A) and signIn(B) end as B', async () => {
    const client = make();
    const seen = onlineUsers();
    const a = failure(client.signIn(await token('ada')));
    const b = client.signIn(await token('grace'));
    expect((await a)?.code).toBe('superseded');
    expect((await b).id).toBe(fx.project.id + '_grace');
    await pause(200);
    expect(client.getState().user?.id).toBe(fx.project.id + '_grace');
    expect(seen.ids.at(-1)).toBe(fx.project.id + '_grace');
    seen.stop();
  });

  it('lets the last call win after A already reached the widget', async () => {
    const client = make();
    await client.load();
    await emulator.delayNext(fx.project.id, 'createCustomToken', 300);
    const seen = onlineUsers();
    const a = failure(client.signIn(await token('ada')));
    await until('A at the API', async () => (await emulator.requests(fx.project.id)).some((r) => r.route === 'signinWithCustomToken'));
    const b = client.signIn(await token('grace'));
    expect((await a)?.code).toBe('superseded');
    expect((await b).id).toBe(fx.project.id + '_grace');
    await pause(500);
    expect(client.getState()).toMatchObject({ status: 'signed-in', user: { id: fx.project.id + '_grace' } });
    expect(seen.ids.at(-1)).toBe(fx.project.id + '_grace');
    seen.stop();
  });

  it('signOut while signing in: signIn rejects superseded, the visitor ends signed out', async () => {
    const client = make();
    await client.load();
    await emulator.delayNext(fx.project.id, 'createCustomToken', 300);
    const signing = failure(client.signIn(await token('ada')));
    await until('the sign-in at the API', async () =>
      (await emulator.requests(fx.project.id)).some((r) => r.route === 'signinWithCustomToken'),
    );
    await client.signOut();
    expect((await signing)?.code).toBe('superseded');
    expect(client.getState()).toEqual({ status: 'signed-out', user: null, error: null });
    // The abandoned sign-in's chat link comes up late; core undoes it.
    await pause(700);
    expect(client.getState().status).toBe('signed-out');
    expect(widgetKeys(fx.project.id)).toEqual([]);
  });

  it('signOut logs out, clears the project storage and is safe to repeat', async () => {
    const client = make();
    await client.signIn(await token('ada'));
    const rec = recordStates(client);
    await client.signOut();
    await client.signOut();
    expect(rec.statuses()).toEqual(['signed-out']);
    expect(widgetKeys(fx.project.id)).toEqual([]);
    const fresh = make();
    await fresh.signOut();
    expect(fresh.getState().status).toBe('signed-out');
  });

  it('signOut on a never-loaded client logs out a widget another client signed in', async () => {
    const a = make();
    await a.signIn(await token('ada'));
    const b = make();
    await b.signOut();
    expect(b.getState().status).toBe('signed-out');
    expect(widgetKeys(fx.project.id)).toEqual([]);
    await until('the widget to log out', () => a.getState().status === 'signed-out');
  });

  it('signOut on a never-loaded client logs out a visitor the page restored by itself', async () => {
    localStorage.setItem('widget_sv6_' + fx.project.id + '_tiledeskToken', await token('ada'));
    // The page's own snippet with autoStart: the widget restores the stored visitor without core.
    (window as unknown as Record<string, unknown>)['tiledeskSettings'] = { projectid: fx.project.id, autoStart: true };
    const snippet = document.createElement('script');
    snippet.id = 'tiledesk-jssdk';
    snippet.src = fx.project.widgetUrl;
    document.head.appendChild(snippet);
    const users = onlineUsers();
    await until('the launcher to run', () => host.Tiledesk);
    document.dispatchEvent(new Event('mousemove'));
    await until('the restored visitor', () => users.ids.length > 0);
    users.stop();
    const client = make();
    await client.signOut();
    expect(client.getState().status).toBe('signed-out');
    expect(widgetKeys(fx.project.id)).toEqual([]);
    // The widget itself is signed out: a fresh sign-in goes through the whole path again.
    const signedOut = await (host.tiledesk as Record<string, () => unknown>)['logout']();
    expect(signedOut).toBeUndefined();
  });

  it("does not hang when the widget's logout never settles", async () => {
    const client = make({ loadTimeoutMs: 800 });
    await client.signIn(await token('ada'));
    jest.spyOn(host.tiledesk as Record<string, () => unknown>, 'logout').mockReturnValue({ then: () => undefined });
    await client.signOut();
    expect(client.getState().status).toBe('signed-out');
    expect(widgetKeys(fx.project.id)).toEqual([]);
  });

  it('follows a logout done behind its back (trusts isLogged, not the stale user_id)', async () => {
    const client = make();
    await client.signIn(await token('ada'));
    await (host.tiledesk as Record<string, () => unknown>)['logout']();
    await until('signed-out', () => client.getState().status === 'signed-out');
    expect(client.getState().user).toBeNull();
  });
});
