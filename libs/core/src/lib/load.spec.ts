import { emulator, useClientFixture } from '../test/client-fixture.js';
import { mintVisitorToken } from '@tiledesk-auth/testing/client';
import { container, host, pause, recordStates, until } from '../test/widget-page.js';
import { TiledeskAuthError } from './tiledesk-auth-error.js';

const fx = useClientFixture();
const { make } = fx;

describe('loading the widget', () => {
  it('injects settings, stub and script#tiledesk-jssdk, forces the early boot, ends signed-out', async () => {
    const client = make({ settings: { lang: 'it', autoStart: true } });
    const rec = recordStates(client);
    expect(client.getState().status).toBe('idle');
    expect(document.getElementById('tiledesk-jssdk')).toBeNull();
    await client.load();
    const script = document.getElementById('tiledesk-jssdk') as HTMLScriptElement;
    expect(script.src).toBe(fx.project.widgetUrl);
    expect(host.tiledeskSettings).toMatchObject({ projectid: fx.project.id, autoStart: false, lang: 'it' });
    // No startHidden of core's own: it would make the widget swallow the next show().
    expect(host.tiledeskSettings).not.toHaveProperty('startHidden');
    expect(host.tiledesk).toBeDefined();
    expect(typeof (window as unknown as Record<string, unknown>)['tileDeskAsyncInit']).toBe('undefined');
    expect(rec.statuses()).toEqual(['loading', 'signed-out']);
    // showWhen 'signed-in': nobody is signed in, so the launcher stays hidden.
    expect(container()?.style.display).toBe('none');
  });

  it('does not force the boot when bootImmediately is false', async () => {
    const spy = jest.spyOn(document, 'dispatchEvent');
    const client = make({ bootImmediately: false, loadTimeoutMs: 400 });
    const error = await client.load().catch((e: unknown) => e);
    expect(spy.mock.calls.some(([e]) => e.type === 'mousemove')).toBe(false);
    expect((error as TiledeskAuthError).code).toBe('timeout');
    expect(client.getState().status).toBe('error');
    expect(client.getState().error?.code).toBe('timeout');
    spy.mockRestore();
    // Let this page's launcher boot now, so it cannot boot into the next test's page.
    document.dispatchEvent(new Event('mousemove'));
    await until('the late boot', () => host.tiledesk);
  });

  it('adds the script once per page: a second client for the same project reuses it', async () => {
    const a = make();
    await a.load();
    const b = make();
    await b.load();
    expect(document.querySelectorAll('#tiledesk-jssdk')).toHaveLength(1);
    expect(document.querySelectorAll('chat-root')).toHaveLength(1);
    expect(b.getState().status).toBe('signed-out');
  });

  it('adopts a widget the page booted itself with the documented snippet', async () => {
    (window as unknown as Record<string, unknown>)['tiledeskSettings'] = { projectid: fx.project.id };
    const snippet = document.createElement('script');
    snippet.id = 'tiledesk-jssdk';
    snippet.src = fx.project.widgetUrl;
    document.head.appendChild(snippet);
    await until('the launcher to run', () => host.Tiledesk);
    document.dispatchEvent(new Event('mousemove'));
    await until('the boot', () => host.Tiledesk && !host.Tiledesk.q);
    const client = make();
    await client.load();
    expect(document.querySelectorAll('#tiledesk-jssdk')).toHaveLength(1);
    expect(client.getState().status).toBe('signed-out');
    await client.signIn(await mintVisitorToken(fx.project.id, fx.project.secret, { userId: 'ada' }));
    expect(client.getState().status).toBe('signed-in');
  });

  it('refuses a second project on the same page with project-mismatch', async () => {
    await make().load();
    const other = make({ projectId: 'abcdefabcdefabcdefabcdef' });
    const error = await other.load().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TiledeskAuthError);
    expect((error as TiledeskAuthError).code).toBe('project-mismatch');
    expect((error as TiledeskAuthError).message).toContain(fx.project.id);
    expect(other.getState().error?.code).toBe('project-mismatch');
  });

  it('reports script-load-failed when launch.js cannot be fetched, and removes the dead script', async () => {
    // jsdom reports the 404 on the console; keep the output clean.
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const client = make({ widgetUrl: emulator.url + '/missing/launch.js' });
    const token = await mintVisitorToken(fx.project.id, fx.project.secret, { userId: 'ada' });
    const error = await client.signIn(token).catch((e: unknown) => e);
    expect((error as TiledeskAuthError).code).toBe('script-load-failed');
    expect(client.getState()).toMatchObject({ status: 'error', user: null });
    expect(document.getElementById('tiledesk-jssdk')).toBeNull();
    quiet.mockRestore();
  });

  it('is inert when constructed: no DOM listener until load, signIn or on() (React StrictMode drops clients)', async () => {
    const added = jest.spyOn(document, 'addEventListener');
    const client = make();
    client.subscribe(() => undefined);
    expect(added).not.toHaveBeenCalled();
    client.destroy();
    expect(added).not.toHaveBeenCalled();
    added.mockRestore();
    // Constructed and thrown away: a widget event still reaches nothing of it.
    const b = make();
    const rec = recordStates(b);
    await b.load();
    expect(rec.statuses()).toEqual(['loading', 'signed-out']);
  });

  it('signs a returning visitor in after the shared secret was rotated (scenario 9b)', async () => {
    const rotated = await emulator.createProject({ bootDelayMs: 60000 });
    const key = 'widget_sv6_' + rotated.id + '_tiledeskToken';
    // Last visit's token, still valid by exp, but signed with the secret the project has since replaced.
    localStorage.setItem(key, await mintVisitorToken(rotated.id, rotated.secret, { userId: 'ada', expiresInSeconds: 3600 }));
    const secret = await emulator.rotateSecret(rotated.id);
    const client = make({ projectId: rotated.id, widgetUrl: rotated.widgetUrl, loadTimeoutMs: 4000 });
    const user = await client.signIn(await mintVisitorToken(rotated.id, secret, { userId: 'ada', expiresInSeconds: 600 }));
    expect(user.id).toBe(rotated.id + '_ada');
    expect(client.getState()).toMatchObject({ status: 'signed-in', error: null });
    expect(container()).not.toBeNull();
  });

  it('removes an expired stored token before boot, so the launcher does not dispose itself', async () => {
    const key = 'widget_sv6_' + fx.project.id + '_tiledeskToken';
    localStorage.setItem(key, await mintVisitorToken(fx.project.id, fx.project.secret, { userId: 'ada', expiresInSeconds: -60 }));
    localStorage.setItem('widget_sv6_' + fx.project.id + '_isOpen', 'false');
    await make().load();
    expect(localStorage.getItem(key)).toBeNull();
    expect(localStorage.getItem('widget_sv6_' + fx.project.id + '_isOpen')).toBe('false');
    // Give the launcher the time it would take to post /events and dispose itself.
    await pause(300);
    const events = (await emulator.requests(fx.project.id)).filter((r) => r.route === 'events');
    expect(events).toHaveLength(0);
    expect(container()).not.toBeNull();
  });

  it('is destroyable mid-load: ready and pending calls reject with destroyed, no state after', async () => {
    await emulator.configureProject(fx.project.id, { latencyMs: 300 });
    try {
      const getToken = jest.fn(() => mintVisitorToken(fx.project.id, fx.project.secret, { userId: 'ada' }));
      const client = make({ getToken });
      const signing = client.signIn().catch((e: unknown) => e);
      const ready = client.ready.catch((e: unknown) => e);
      const rec = recordStates(client);
      client.destroy();
      expect(((await signing) as TiledeskAuthError).code).toBe('destroyed');
      expect(((await ready) as TiledeskAuthError).code).toBe('destroyed');
      await until('the widget to boot anyway', () => host.tiledesk);
      await until('the startup offline', () => host.Tiledesk && !host.Tiledesk.q);
      expect(rec.states).toEqual([]);
      expect(client.getState().status).toBe('signing-in');
      expect(((await client.signIn().catch((e: unknown) => e)) as TiledeskAuthError).code).toBe('destroyed');
      client.destroy();
    } finally {
      await emulator.configureProject(fx.project.id, { latencyMs: 0 });
    }
  });
});
