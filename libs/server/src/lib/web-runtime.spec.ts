import { jwtVerify } from 'jose';
import { PROJECT_ID, SECRET } from '../test-support/fixtures.js';
import type * as MintModule from './mint-tiledesk-token.js';
import type * as HmacModule from './hmac-sha256.js';
import { mintTiledeskToken as mintOnNode } from './mint-tiledesk-token.js';

/**
 * Loads the library as a Web-standard runtime (Workers, browsers' Web Crypto) sees it: no
 * node:crypto (process.getBuiltinModule) and no Buffer at module load.
 */
function loadWithoutNode(): { mint: typeof MintModule; hmac: typeof HmacModule } {
  const processLike = process as { getBuiltinModule?: unknown };
  const globals = globalThis as { Buffer?: unknown };
  const savedGetBuiltin = processLike.getBuiltinModule;
  const savedBuffer = globals.Buffer;
  let loaded: { mint: typeof MintModule; hmac: typeof HmacModule } | undefined;
  try {
    processLike.getBuiltinModule = undefined;
    globals.Buffer = undefined;
    jest.isolateModules(() => {
      loaded = { mint: jest.requireActual('./mint-tiledesk-token'), hmac: jest.requireActual('./hmac-sha256') };
    });
  } finally {
    processLike.getBuiltinModule = savedGetBuiltin;
    globals.Buffer = savedBuffer;
  }
  if (!loaded) throw new Error('modules did not load');
  return loaded;
}

describe('on a Web-standard runtime (no node:crypto, no Buffer)', () => {
  const { mint, hmac } = loadWithoutNode();
  const options = {
    projectId: PROJECT_ID,
    secret: SECRET,
    user: { id: 'zoë', email: 'zoe@example.com', firstname: 'Zoë ✓', attributes: { plan: 'pro' } },
    now: Date.UTC(2026, 0, 1),
  };

  it('signs with Web Crypto', () => {
    expect(hmac.hmacBackend()).toBe('web-crypto');
  });

  it('mints byte-for-byte the same token as the node:crypto path', async () => {
    const web = await mint.mintTiledeskToken(options);
    expect(web).toEqual(await mintOnNode(options));
    const { payload } = await jwtVerify(web.jwt, new TextEncoder().encode(SECRET), { currentDate: new Date(options.now) });
    expect(payload['firstname']).toBe('Zoë ✓');
  });

  it('refuses the sync path with crypto-unavailable', () => {
    expect(() => mint.mintTiledeskTokenSync(options)).toThrow(expect.objectContaining({ code: 'crypto-unavailable' }));
  });
});
