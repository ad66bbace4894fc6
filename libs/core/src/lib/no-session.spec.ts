import { emulator, useClientFixture } from '../test/client-fixture.js';
import { mintVisitorToken } from '@tiledesk-auth/testing/client';
import { host, recordStates, until, widgetKeys } from '../test/widget-page.js';

const fx = useClientFixture();
const token = (userId = 'ada', expiresIn = 600) =>
  mintVisitorToken(fx.project.id, fx.project.secret, { userId, expiresInSeconds: expiresIn });
const signIns = async () => (await emulator.requests(fx.project.id)).filter((r) => r.route === 'signinWithCustomToken');
const quietLogger = () => ({ warn: jest.fn(), error: jest.fn() });

describe('getToken() answering null: nobody is logged into the app', () => {
  it('ends signed-out, not error, and signIn() resolves null', async () => {
    const logger = quietLogger();
    const client = fx.make({ getToken: () => Promise.resolve(null), logger });
    const rec = recordStates(client);
    await expect(client.signIn()).resolves.toBeNull();
    expect(client.getState()).toEqual({ status: 'signed-out', user: null, error: null });
    expect(rec.statuses()).toEqual(['signing-in', 'signed-out']);
    // The widget still loaded (a later signIn() needs it), but nothing was sent to Tiledesk.
    expect(host.tiledesk).toBeDefined();
    expect(await signIns()).toEqual([]);
    expect(logger.error).not.toHaveBeenCalled();
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('signs the chat out when a refresh gets null, leaving nothing of the visitor in storage', async () => {
    let session = true;
    const getToken = jest.fn(() => (session ? token('ada', 2) : Promise.resolve(null)));
    const client = fx.make({ getToken, refreshMarginSeconds: 1 });
    await client.signIn();
    expect(widgetKeys(fx.project.id).some((k) => k.endsWith('_tiledeskToken'))).toBe(true);
    const logout = jest.spyOn(host.tiledesk as Record<string, () => unknown>, 'logout');
    const rec = recordStates(client);
    session = false; // the app's session ended elsewhere
    await until('the refresh to sign out', () => client.getState().status === 'signed-out', 6000);
    expect(client.getState()).toEqual({ status: 'signed-out', user: null, error: null });
    expect(rec.statuses()).toEqual(['signed-out']);
    expect(logout).toHaveBeenCalledTimes(1);
    expect(widgetKeys(fx.project.id)).toEqual([]);
    expect(getToken).toHaveBeenCalledTimes(2);
  });

  it('signs out a signed-in visitor when signIn() finds no session, and signs in again later', async () => {
    let next: string | null = await token('ada');
    const client = fx.make({ getToken: () => Promise.resolve(next) });
    await client.signIn();
    next = null;
    await expect(client.signIn()).resolves.toBeNull();
    expect(client.getState().status).toBe('signed-out');
    expect(widgetKeys(fx.project.id)).toEqual([]);
    next = await token('alan');
    expect((await client.signIn())?.id).toBe(fx.project.id + '_alan');
    expect(client.getState().status).toBe('signed-in');
  });

  it('still reports undefined (a fetcher that forgot to return) as token-fetch-failed', async () => {
    const client = fx.make({ getToken: () => Promise.resolve(undefined as unknown as null), logger: quietLogger() });
    await expect(client.signIn()).rejects.toMatchObject({
      code: 'token-fetch-failed',
      message: 'getToken() gave a undefined, not a string or null',
    });
    await client.ready;
  });
});
