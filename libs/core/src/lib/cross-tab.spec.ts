import { BroadcastChannel as NodeBroadcastChannel } from 'node:worker_threads';
import { failure, useClientFixture } from '../test/client-fixture.js';
import { mintVisitorToken } from '@tiledesk-auth/testing/client';
import { host, pause, recordStates, until, widgetKeys } from '../test/widget-page.js';

// jsdom has no BroadcastChannel; Node's delivers between channels of one process like a browser's
// between the tabs of one origin.
(globalThis as Record<string, unknown>)['BroadcastChannel'] ??= NodeBroadcastChannel;

const fx = useClientFixture();
const token = (userId = 'ada') => mintVisitorToken(fx.project.id, fx.project.secret, { userId, expiresInSeconds: 600 });

/** Another tab of the same site: its own channel of the project's name (a channel never hears its own posts). */
function otherTab() {
  const heard: unknown[] = [];
  const tab = new BroadcastChannel('tiledesk-auth:' + fx.project.id);
  tab.onmessage = (event) => heard.push(event.data);
  return { heard, post: (data: unknown) => tab.postMessage(data), close: () => tab.close() };
}

describe('sign-out across the tabs of a site', () => {
  let tab: ReturnType<typeof otherTab>;
  beforeEach(() => (tab = otherTab()));
  afterEach(() => tab.close());

  it('signs out when another tab signs out: signed-out, not error, widget logged out, nothing posted back', async () => {
    const client = fx.make();
    await client.signIn(await token());
    const rec = recordStates(client);
    const logout = jest.spyOn(host.tiledesk as Record<string, () => unknown>, 'logout');
    tab.post('signed-out');
    await until('the sign-out from the other tab', () => client.getState().status === 'signed-out');
    expect(client.getState()).toEqual({ status: 'signed-out', user: null, error: null });
    expect(rec.statuses()).toEqual(['signed-out']);
    expect(logout).toHaveBeenCalledTimes(1);
    // Give a wrongly echoed message time to arrive: there must be none (no sign-out loop).
    await pause(50);
    expect(tab.heard).toEqual([]);
    expect(widgetKeys(fx.project.id).filter((k) => k.endsWith('_tiledeskToken'))).toEqual([]);
  });

  it('tells the other tabs once when it signs out itself', async () => {
    const client = fx.make();
    await client.signIn(await token());
    await client.signOut();
    await until('the message to the other tab', () => tab.heard.length > 0);
    await pause(50);
    expect(tab.heard).toEqual(['signed-out']);
  });

  it('tells nobody on a user switch, and a switch in another tab does not sign this one out', async () => {
    const client = fx.make();
    await client.signIn(await token('ada'));
    await client.signIn(await token('alan'));
    await pause(50);
    expect(tab.heard).toEqual([]);
    // What another tab's switch looks like from here: the widget's storage emptied and rewritten.
    const key = widgetKeys(fx.project.id).find((k) => k.endsWith('_tiledeskToken')) ?? '';
    window.dispatchEvent(new StorageEvent('storage', { key, oldValue: localStorage.getItem(key), newValue: null }));
    await pause(50);
    expect(client.getState().status).toBe('signed-in');
    expect(client.getState().user?.id).toBe(fx.project.id + '_alan');
  });

  it('ignores other messages, and the message while nobody is signed in here', async () => {
    const client = fx.make({ getToken: () => Promise.resolve(null) });
    tab.post('hello');
    expect(await client.signIn()).toBeNull();
    tab.post('signed-out');
    await pause(50);
    expect(client.getState().status).toBe('signed-out');
    expect(tab.heard).toEqual([]);
  });

  it('stops listening once destroyed', async () => {
    const client = fx.make();
    await client.signIn(await token());
    client.destroy();
    tab.post('signed-out');
    await pause(50);
    expect((await failure(client.signOut())) ?? 'resolved').toBe('resolved');
    expect(tab.heard).toEqual([]);
  });
});
