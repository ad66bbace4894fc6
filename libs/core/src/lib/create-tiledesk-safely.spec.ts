import { createTiledeskSafely } from './create-tiledesk-safely.js';
import { createTiledesk } from './create-tiledesk.js';
import { fail } from './fail.js';
import type { TiledeskOptions } from './options.js';
import { TiledeskAuthError } from './tiledesk-auth-error.js';

const PID = '65f0c0ffee0123456789abcd';
const logger = () => ({ warn: jest.fn(), error: jest.fn() });

describe('createTiledeskSafely', () => {
  afterEach(() => jest.restoreAllMocks());

  it('gives a client in error for a bad projectId, naming the option and the value, and never throws', async () => {
    expect(() => createTiledesk({ projectId: 'abc' })).toThrow(TiledeskAuthError);
    const log = logger();
    const client = createTiledeskSafely({ projectId: 'abc', logger: log });
    const { status, error } = client.getState();
    expect(status).toBe('error');
    expect(error).toBeInstanceOf(TiledeskAuthError);
    expect(error?.code).toBe('invalid-options');
    expect(error?.message).toBe('createTiledesk(): projectId must be 24 hex characters, got "abc"');
    expect(client.projectId).toBe('abc');
    // Nothing of the widget is put on the page.
    expect(document.getElementById('tiledesk-jssdk')).toBeNull();
    await expect(client.ready).rejects.toBe(error);
    await expect(client.signOut()).resolves.toBeUndefined();
    expect(() => (client.show(), client.open(), client.on('onOpen', jest.fn())(), client.subscribe(jest.fn())())).not.toThrow();
    expect(log.error).not.toHaveBeenCalled();
  });

  it('reports the problem once, when first started, through the logger', async () => {
    const log = logger();
    const client = createTiledeskSafely({ projectId: '', logger: log });
    await expect(client.load()).rejects.toMatchObject({ code: 'invalid-options' });
    await expect(client.signIn()).rejects.toMatchObject({ code: 'invalid-options' });
    await expect(client.load()).rejects.toMatchObject({ code: 'invalid-options' });
    expect(log.error).toHaveBeenCalledTimes(1);
    expect(log.error).toHaveBeenCalledWith(
      'tiledesk: the chat is off: createTiledesk(): projectId must be 24 hex characters, got ""',
      client.getState().error,
    );
  });

  it('reports to console.error when there is no valid logger (the logger may be the bad option)', async () => {
    const consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const client = createTiledeskSafely({ projectId: PID, logger: { warn: jest.fn() } as unknown as TiledeskOptions['logger'] });
    await client.load().catch(() => undefined);
    expect(consoleError).toHaveBeenCalledTimes(1);
    expect(String(consoleError.mock.calls[0]?.[0])).toContain('logger must be an object with warn() and error(), got an object');
    const noOptions = createTiledeskSafely(undefined as unknown as TiledeskOptions);
    expect(noOptions.getState().error?.message).toContain('options must be an object, got undefined');
    expect(noOptions.projectId).toBe('');
  });

  it('never echoes a getToken value (a token passed by mistake must not reach a log)', () => {
    const client = createTiledeskSafely({ projectId: PID, getToken: 'JWT secret.token.here' as unknown as TiledeskOptions['getToken'] });
    expect(client.getState().error?.message).toBe('createTiledesk(): getToken must be a function, got a string');
  });

  it("turns an adapter's own problem into the same error state", () => {
    const problem = fail('invalid-options', 'provideTiledesk(): autoSignIn needs getToken, got true.');
    const client = createTiledeskSafely({ projectId: PID }, { problem });
    expect(client.getState()).toEqual({ status: 'error', user: null, error: problem });
  });

  it("uses the given factory in a browser, and core's inert client when the framework says server", async () => {
    const made = createTiledesk({ projectId: PID });
    const create = jest.fn(() => made);
    expect(createTiledeskSafely({ projectId: PID }, { create })).toBe(made);
    const inert = createTiledeskSafely({ projectId: PID }, { server: true, create });
    expect(create).toHaveBeenCalledTimes(1);
    expect(inert.getState().status).toBe('idle');
    await expect(inert.load()).resolves.toBeUndefined();
    await expect(inert.signIn('JWT a.b.c')).rejects.toMatchObject({ code: 'not-in-browser' });
    expect(document.getElementById('tiledesk-jssdk')).toBeNull();
    // The rule still validates on the server: the same options fail the same way everywhere.
    expect(createTiledeskSafely({ projectId: 'abc' }, { server: true }).getState().error?.code).toBe('invalid-options');
    made.destroy();
  });

  it('lets errors that are not its own through (a factory bug is not an option problem)', () => {
    const bug = new TypeError('factory bug');
    expect(() =>
      createTiledeskSafely(
        { projectId: PID },
        {
          create: () => {
            throw bug;
          },
        },
      ),
    ).toThrow(bug);
  });
});
