import { emulator, useClientFixture } from '../test/client-fixture.js';
import { mintVisitorToken } from '@tiledesk-auth/testing/client';
import { host, launcherVisible, until } from '../test/widget-page.js';

// The emulated widget shows and hides as the real one: show() while the setting startHidden is
// true only clears it, and a visitor coming online marks the widget shown without touching the
// page's container. `launcherVisible()` reads both.
const fx = useClientFixture();
const { make } = fx;
const token = (userId = 'ada', expiresIn = 600) =>
  mintVisitorToken(fx.project.id, fx.project.secret, { userId, expiresInSeconds: expiresIn });

describe('launcher visibility', () => {
  it('with the default options: hidden while signed out, visible after the first sign-in, and again after a switch', async () => {
    const client = make();
    await client.load();
    expect(launcherVisible()).toBe(false);
    await client.signIn(await token());
    expect(launcherVisible()).toBe(true);
    await client.signOut();
    expect(launcherVisible()).toBe(false);
    await client.signIn(await token('grace'));
    expect(launcherVisible()).toBe(true);
    await client.signIn(await token('alan'));
    expect(launcherVisible()).toBe(true);
  });

  it('stays visible through a refresh and a chat reconnect (both report online again)', async () => {
    const client = make({ getToken: () => token('ada', 3), refreshMarginSeconds: 2 });
    await client.signIn();
    const inits = jest.fn();
    client.on('onInit', inits);
    await until('the refresh to come online', () => inits.mock.calls.length >= 1, 5000);
    expect(launcherVisible()).toBe(true);
    await emulator.dropChatConnections(fx.project.id);
    await until('the reconnect', () => inits.mock.calls.length >= 2, 5000);
    expect(launcherVisible()).toBe(true);
  });

  it('hides after a refused token', async () => {
    const client = make();
    await client.signIn(await token());
    await emulator.failNext(fx.project.id, 'signinWithCustomToken', { status: 401 });
    await client.signIn(await token()).catch(() => undefined);
    expect(client.getState().status).toBe('error');
    expect(launcherVisible()).toBe(false);
  });

  it('showWhen "always": visible from boot, also signed out', async () => {
    const client = make({ showWhen: 'always' });
    await client.load();
    expect(launcherVisible()).toBe(true);
    await client.signIn(await token());
    await client.signOut();
    expect(launcherVisible()).toBe(true);
  });

  it('showWhen "never": hidden when signed in, until the host calls show(); hide() hides', async () => {
    const client = make({ showWhen: 'never' });
    await client.signIn(await token());
    expect(launcherVisible()).toBe(false);
    client.show();
    expect(launcherVisible()).toBe(true);
    client.hide();
    expect(launcherVisible()).toBe(false);
  });

  it("a host's settings.startHidden: true keeps it hidden after sign-in until the host's one show()", async () => {
    const client = make({ settings: { startHidden: true } });
    await client.signIn(await token());
    expect(launcherVisible()).toBe(false);
    client.show();
    expect(launcherVisible()).toBe(true);
    // From then on the policy applies as usual.
    await client.signOut();
    expect(launcherVisible()).toBe(false);
    await client.signIn(await token('grace'));
    expect(launcherVisible()).toBe(true);
  });

  it('a host\'s settings.startHidden: true with showWhen "always": hidden at boot until show()', async () => {
    const client = make({ showWhen: 'always', settings: { startHidden: true } });
    await client.load();
    expect(launcherVisible()).toBe(false);
    client.show();
    expect(launcherVisible()).toBe(true);
  });

  it('applies a show() asked for before boot, at boot', async () => {
    const client = make();
    client.show();
    await client.load();
    expect(launcherVisible()).toBe(true);
  });

  it('shows a widget the page booted itself with startHidden: true', async () => {
    // The page's own snippet, before any client: core cannot know the widget's startHidden.
    Object.assign(window, { tiledeskSettings: { projectid: fx.project.id, startHidden: true } });
    const snippet = document.createElement('script');
    snippet.id = 'tiledesk-jssdk';
    snippet.src = fx.project.widgetUrl;
    document.head.appendChild(snippet);
    await until('the launcher to run', () => host.Tiledesk);
    document.dispatchEvent(new Event('mousemove'));
    await until('the boot', () => host.Tiledesk && !host.Tiledesk.q);
    const client = make();
    await client.signIn(await token());
    expect(launcherVisible()).toBe(true);
  });

  it('applies the policy again when the widget rebuilds itself (reInit), also with no status change', async () => {
    const client = make();
    await client.load();
    const auth = jest.fn();
    client.on('onAuthStateChanged', auth);
    host.tiledesk?.reInit();
    await until('the rebuilt widget to report', () => auth.mock.calls.length > 0);
    expect(client.getState().status).toBe('signed-out');
    expect(launcherVisible()).toBe(false);
    await client.signIn(await token());
    expect(launcherVisible()).toBe(true);
  });

  it('the last client out hides the launcher', async () => {
    const first = make({ showWhen: 'always' });
    const second = make({ showWhen: 'always' });
    await first.load();
    await second.load();
    first.destroy();
    expect(launcherVisible()).toBe(true);
    second.destroy();
    expect(launcherVisible()).toBe(false);
  });
});
