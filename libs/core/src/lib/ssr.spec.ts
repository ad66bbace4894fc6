/**
 * @jest-environment node
 */
import { createTiledesk, createTiledeskSafely, TiledeskAuthError } from '../index.js';

const PID = '65f0c0ffee0123456789abcd';

describe('on a server (no window)', () => {
  it('imports and constructs without touching window or document', () => {
    expect(typeof (globalThis as Record<string, unknown>)['window']).toBe('undefined');
    const getToken = jest.fn(async () => 'JWT a.b.c');
    const client = createTiledesk({ projectId: PID, getToken });
    expect(client.projectId).toBe(PID);
    expect(client.getState()).toEqual({ status: 'idle', user: null, error: null });
    expect(getToken).not.toHaveBeenCalled();
  });

  it('makes every method a safe no-op and keeps the state idle', async () => {
    const client = createTiledesk({ projectId: PID });
    const listener = jest.fn();
    client.subscribe(listener)();
    await expect(client.load()).resolves.toBeUndefined();
    await expect(client.ready).resolves.toBeUndefined();
    await expect(client.signOut()).resolves.toBeUndefined();
    const off = client.on('onOpen', jest.fn());
    off();
    client.show();
    client.hide();
    client.open();
    client.close();
    client.setAttribute('plan', 'pro');
    client.destroy();
    expect(client.getState().status).toBe('idle');
    expect(listener).not.toHaveBeenCalled();
  });

  it('rejects signIn with not-in-browser', async () => {
    const client = createTiledesk({ projectId: PID });
    const error = await client.signIn('JWT a.b.c').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TiledeskAuthError);
    expect((error as TiledeskAuthError).code).toBe('not-in-browser');
  });

  it('still validates options, which is pure', () => {
    expect(() => createTiledesk({ projectId: 'nope' })).toThrow(/projectId/);
  });

  it('gives adapters the same inert client, and the same invalid-options error as in a browser', async () => {
    expect(createTiledeskSafely({ projectId: PID }).getState().status).toBe('idle');
    const bad = createTiledeskSafely({ projectId: 'abc', logger: { warn: jest.fn(), error: jest.fn() } });
    expect(bad.getState()).toMatchObject({ status: 'error', error: { code: 'invalid-options' } });
    await expect(bad.signIn()).rejects.toBe(bad.getState().error);
  });
});
