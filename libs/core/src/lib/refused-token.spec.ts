import { emulator, failure, useClientFixture } from '../test/client-fixture.js';
import { mintVisitorToken } from '@tiledesk-auth/testing/client';
import { host, launcherVisible, pause, recordStates, widgetKeys } from '../test/widget-page.js';

const fx = useClientFixture();
const { make } = fx;
const token = (userId = 'ada') => mintVisitorToken(fx.project.id, fx.project.secret, { userId, expiresInSeconds: 600 });
type WidgetMethod = (...args: unknown[]) => unknown;
const api = () => host.tiledesk as unknown as Record<string, WidgetMethod>;

/** Counts the widget's logout() calls from now on. */
function countLogouts(): () => number {
  const widget = api();
  const original = widget['logout'];
  let calls = 0;
  widget['logout'] = (...args: unknown[]) => {
    calls += 1;
    return original(...args);
  };
  return () => calls;
}

describe('a token refused for the signed-in visitor', () => {
  it("leaves the widget's own sign-out alone: no second logout(), one state change to error", async () => {
    const client = make();
    await client.signIn(await token());
    const logouts = countLogouts();
    const offlines = jest.fn();
    client.on('onAuthStateChanged', (detail) => !detail.isLogged && offlines());
    const rec = recordStates(client);
    await emulator.failNext(fx.project.id, 'signinWithCustomToken', { status: 401 });
    const error = await failure(client.signIn(await token()));
    expect(error?.code).toBe('token-rejected');
    await pause(100);
    expect(offlines).toHaveBeenCalledTimes(2);
    expect(logouts()).toBe(0);
    expect(rec.statuses()).toEqual(['error']);
    expect(widgetKeys(fx.project.id)).toEqual([]);
  });

  it('waits for a widget that signs itself out just after rejecting, without logging it out again', async () => {
    const client = make();
    await client.signIn(await token());
    const widget = api();
    const logout = widget['logout'];
    // The sign-out comes a moment after the rejection (its chat link closes asynchronously).
    widget['signInWithCustomToken'] = () => {
      setTimeout(() => logout(), 50);
      return Promise.reject(new Error('401'));
    };
    const logouts = countLogouts();
    const rec = recordStates(client);
    expect((await failure(client.signIn(await token())))?.code).toBe('token-rejected');
    expect(logouts()).toBe(0);
    expect(rec.statuses()).toEqual(['error']);
    expect(widgetKeys(fx.project.id)).toEqual([]);
  });

  it('logs out a widget that kept the visitor after rejecting, and clears its storage', async () => {
    const client = make();
    await client.signIn(await token());
    api()['signInWithCustomToken'] = () => Promise.reject(new Error('401'));
    const logouts = countLogouts();
    const rec = recordStates(client);
    expect((await failure(client.signIn(await token())))?.code).toBe('token-rejected');
    expect(logouts()).toBe(1);
    expect(rec.statuses()).toEqual(['error']);
    expect(widgetKeys(fx.project.id)).toEqual([]);
    expect(launcherVisible()).toBe(false);
  });
});
