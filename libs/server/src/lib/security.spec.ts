import type { IncomingMessage, ServerResponse } from 'node:http';
import { decodeJwt, SignJWT } from 'jose';
import { PROJECT_ID, SECRET } from '../test-support/fixtures.js';
import { explainTiledeskToken } from './explain-tiledesk-token.js';
import { assertTokenHandlerOptions } from './assert-token-handler-options.js';
import { createTokenHandler } from './fetch-token-handler.js';
import { mintTiledeskToken, mintTiledeskTokenSync, type MintTiledeskTokenOptions } from './mint-tiledesk-token.js';
import { createNodeTokenHandler } from './node-token-handler.js';
import { TiledeskTokenError } from './tiledesk-token-error.js';
import type { TokenHandlerLogger } from './token-logger.js';
import { createTokenResponder, type TokenHandlerOptions, type TokenResponseSpec } from './token-request.js';
import type { TiledeskVisitor } from './visitor.js';

/**
 * Each case is one attack on @tiledesk-auth/server and the answer it must get. The package mints
 * real Tiledesk visitor tokens inside its users' servers: whatever reaches a token is what
 * Tiledesk believes about a visitor.
 */

const NOW = Date.UTC(2026, 0, 1, 12, 0, 0);
const base: MintTiledeskTokenOptions = { projectId: PROJECT_ID, secret: SECRET, user: { id: 'ada' }, now: NOW };
const PREFIX = `${PROJECT_ID}_`;

/** Mints with input TypeScript would refuse, as JavaScript callers (and attackers' data) can. */
async function mint(options: unknown) {
  return mintTiledeskToken(options as MintTiledeskTokenOptions);
}

async function claimsOf(options: unknown): Promise<Record<string, unknown>> {
  return decodeJwt((await mint(options)).jwt);
}

/** The typed error a mint call must fail with (anything else, or success, fails the test). */
async function refusal(options: unknown): Promise<TiledeskTokenError> {
  const outcome: unknown = await mint(options).then(
    () => new Error('minted a token for hostile input'),
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(TiledeskTokenError);
  return outcome as TiledeskTokenError;
}

function thrownBy(create: () => unknown): TiledeskTokenError {
  try {
    create();
  } catch (error) {
    expect(error).toBeInstanceOf(TiledeskTokenError);
    return error as TiledeskTokenError;
  }
  throw new Error('did not throw');
}

function capturingLogger(): TokenHandlerLogger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (line) => lines.push(`info ${line}`),
    warn: (line) => lines.push(`warn ${line}`),
    error: (line) => lines.push(`error ${line}`),
  };
}

/** A control, format (zero-width, bidi, BOM) or separator character: what a log line must never carry raw. */
const CONTROL = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

const ADA: TiledeskVisitor = { id: 'ada', email: 'ada@example.com' };
const JSON_TYPE = { 'content-type': 'application/json' };

type Headers = Record<string, string>;

/** The handler core answering one request described by its headers; `tls`: an encrypted connection. */
async function answer(headers: Headers, options: Partial<TokenHandlerOptions<null>> = {}, tls = false): Promise<TokenResponseSpec> {
  const respond = createTokenResponder<null>({ projectId: PROJECT_ID, secret: SECRET, getUser: () => ADA, logger: {}, ...options }, 'test');
  const lower = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
  return respond({ method: 'POST', header: (name) => lower[name], tls, request: null });
}

describe('1. two app users can never become one Tiledesk visitor', () => {
  it('refuses an app id that already carries the project prefix (it would collide with "ada")', async () => {
    expect((await claimsOf(base))['_id']).toBe(`${PREFIX}ada`);
    const error = await refusal({ ...base, user: { id: `${PREFIX}ada` } });
    expect(error).toMatchObject({ code: 'invalid-user-id', field: 'user.id' });
    expect(error.message).toMatch(/userIdKind: 'tiledesk-id'/);
  });

  it('refuses the prefix in any letter case', async () => {
    const error = await refusal({ ...base, user: { id: `${PROJECT_ID.toUpperCase()}_ada` } });
    expect(error.code).toBe('invalid-user-id');
  });

  it('maps distinct app ids to distinct _ids (always "<projectId>_" + id)', async () => {
    const ids = ['ada', '_ada', 'ada_', `${PROJECT_ID}ada`, `x${PREFIX}ada`, `${PROJECT_ID.slice(1)}_ada`, 'Ada', 'ada ', '0', 42];
    const accepted = new Map<string, string | number>();
    for (const id of ids) {
      const outcome = await mint({ ...base, user: { id } }).then(
        ({ jwt }) => decodeJwt(jwt)['_id'] as string,
        (error: unknown) => error,
      );
      if (typeof outcome !== 'string') continue;
      expect(outcome).toBe(`${PREFIX}${id}`);
      expect(accepted.has(outcome)).toBe(false);
      accepted.set(outcome, id);
    }
    expect(accepted.size).toBe(ids.length - 1); // only the padded 'ada ' is refused
  });

  it("uses a full Tiledesk id as it is only when told so (userIdKind: 'tiledesk-id')", async () => {
    expect((await claimsOf({ ...base, user: { id: `${PREFIX}ada` }, userIdKind: 'tiledesk-id' }))['_id']).toBe(`${PREFIX}ada`);
    expect((await claimsOf({ ...base, user: { id: 'ada' }, userIdKind: 'app-user-id' }))['_id']).toBe(`${PREFIX}ada`);
  });

  it.each([
    ['an id without the prefix', 'ada'],
    ['only the prefix', PREFIX],
    ["another project's prefix", `65f0c0ffee0123456789ffff_ada`],
    ['a number', 42],
  ])("refuses, as a 'tiledesk-id', %s", async (_label, id) => {
    const error = await refusal({ ...base, user: { id }, userIdKind: 'tiledesk-id' });
    expect(error).toMatchObject({ code: 'invalid-user-id', field: 'user.id' });
  });

  it.each([['tiledesk'], [true], ['']])('refuses userIdKind %p', async (userIdKind) => {
    expect(await refusal({ ...base, userIdKind })).toMatchObject({ code: 'invalid-options', field: 'userIdKind' });
  });

  it('says in the README which ids are prefixed and how to pass a full Tiledesk id', async () => {
    const { readFile } = await import('node:fs/promises');
    const readme = await readFile(`${__dirname}/../../README.md`, 'utf8');
    expect(readme).toMatch(/userIdKind: 'tiledesk-id'/);
    expect(readme).toMatch(/always `"<projectId>_<user\.id>"`/);
  });

  it('the handlers refuse a prefixed app id by default and take userIdKind', async () => {
    const prefixed = { id: `${PREFIX}ada` };
    const refused = await answer(JSON_TYPE, { getUser: () => prefixed });
    expect(refused).toMatchObject({ status: 500, body: { error: 'invalid-user' } });
    const accepted = await answer(JSON_TYPE, { getUser: () => prefixed, userIdKind: 'tiledesk-id' });
    expect(accepted.status).toBe(200);
    const token = (accepted.body as { token: string }).token;
    expect(decodeJwt(token.slice(4))['_id']).toBe(`${PREFIX}ada`);
  });
});

describe('2. hostile objects: read once, own properties only, typed errors', () => {
  it('signs what it validated: a getter that grows after validation cannot smuggle 1.4 MB into the token', async () => {
    let reads = 0;
    const attributes = {
      get blob(): string {
        reads += 1;
        return reads > 2 ? 'x'.repeat(1_400_000) : 'small';
      },
    };
    const { jwt } = await mint({ ...base, user: { id: 'ada', attributes } });
    expect(reads).toBe(1);
    expect(jwt.length).toBeLessThan(1000);
    expect(decodeJwt(jwt)['attributes']).toEqual({ blob: 'small' });
  });

  it('ignores an array toJSON that answers differently each time (refused: not plain JSON)', async () => {
    let calls = 0;
    const list = Object.assign(['a'], {
      toJSON: () => {
        calls += 1;
        return calls > 1 ? 'x'.repeat(1_400_000) : ['a'];
      },
    });
    const error = await refusal({ ...base, user: { id: 'ada', attributes: { list } } });
    expect(error).toMatchObject({ code: 'invalid-attributes', field: 'user.attributes.list' });
    expect(calls).toBe(0);
  });

  it('ignores a toJSON on the attributes object itself (refused: a function is not JSON)', async () => {
    const attributes = { plan: 'pro', toJSON: () => ({ plan: 'x'.repeat(1_400_000) }) };
    expect(await refusal({ ...base, user: { id: 'ada', attributes } })).toMatchObject({
      code: 'invalid-attributes',
      field: 'user.attributes.toJSON',
    });
  });

  it('reads user.attributes once: a user getter that swaps the object after validation changes nothing', async () => {
    let reads = 0;
    const user = {
      id: 'ada',
      get attributes(): Record<string, string> {
        reads += 1;
        return reads > 1 ? { blob: 'x'.repeat(1_400_000) } : { plan: 'pro' };
      },
    };
    const { jwt } = await mint({ ...base, user });
    expect(reads).toBe(1);
    expect(decodeJwt(jwt)['attributes']).toEqual({ plan: 'pro' });
  });

  it('reads options.user once: a getter cannot show a clean user to the checks and a role to the signer', async () => {
    let reads = 0;
    const options = {
      projectId: PROJECT_ID,
      secret: SECRET,
      get user(): Record<string, string> {
        reads += 1;
        return reads > 1 ? { id: 'ada', role: 'owner' } : { id: 'ada' };
      },
    };
    const claims = await claimsOf(options);
    expect(reads).toBe(1);
    expect(claims['role']).toBeUndefined();
  });

  it('reads a Proxy user once per field, and signs what that read returned', async () => {
    const reads: string[] = [];
    let emails = 0;
    const user = new Proxy(
      { id: 'ada', email: 'ada@example.com' },
      {
        get(target, key) {
          reads.push(String(key));
          if (key !== 'email') return Reflect.get(target, key);
          emails += 1;
          return emails > 1 ? 'not an e-mail' : 'first@example.com';
        },
      },
    );
    const claims = await claimsOf({ ...base, user });
    expect(claims['email']).toBe('first@example.com');
    expect(reads.filter((key) => key === 'email')).toHaveLength(1);
  });

  it.each<[string, () => unknown, string, string]>([
    [
      'a throwing secret getter',
      () => ({
        ...base,
        get secret(): string {
          throw new Error(SECRET);
        },
      }),
      'invalid-secret',
      'secret',
    ],
    [
      'a throwing user getter',
      () => ({
        projectId: PROJECT_ID,
        secret: SECRET,
        get user(): never {
          throw new Error('boom');
        },
      }),
      'invalid-user',
      'user',
    ],
    [
      'a throwing id getter',
      () => ({
        ...base,
        user: {
          get id(): never {
            throw new TypeError('boom');
          },
        },
      }),
      'invalid-user-id',
      'user.id',
    ],
    [
      'a throwing email getter',
      () => ({
        ...base,
        user: userWithThrowingEmail(new Error('boom')),
      }),
      'invalid-email',
      'user.email',
    ],
    [
      'a throwing attribute getter',
      () => ({
        ...base,
        user: {
          id: 'a',
          attributes: {
            get plan(): never {
              throw new Error('boom');
            },
          },
        },
      }),
      'invalid-attributes',
      'user.attributes.plan',
    ],
    [
      'a throwing array item getter',
      () => ({
        ...base,
        user: {
          id: 'a',
          attributes: {
            list: Object.defineProperty([0], 0, {
              get: () => {
                throw new Error('boom');
              },
              enumerable: true,
            }),
          },
        },
      }),
      'invalid-attributes',
      'user.attributes.list[0]',
    ],
    ['a revoked Proxy as the user', () => ({ ...base, user: revokedProxy() }), 'invalid-user', 'user'],
    [
      'a Proxy whose ownKeys throws, as attributes',
      () => ({
        ...base,
        user: userWithThrowingAttributeKeys(new Error('boom')),
      }),
      'invalid-attributes',
      'user.attributes',
    ],
    [
      'a thrown non-Error',
      () => ({
        ...base,
        user: userWithThrowingEmail('boom as a string'),
      }),
      'invalid-email',
      'user.email',
    ],
    [
      'a forged TiledeskTokenError from a getter',
      () => ({
        ...base,
        user: userWithThrowingEmail(forgedError()),
      }),
      'invalid-email',
      'user.email',
    ],
    [
      'a forged TiledeskTokenError from a Proxy trap',
      () => ({
        ...base,
        user: new Proxy(
          { id: 'a' },
          {
            getPrototypeOf: () => {
              throw forgedError();
            },
          },
        ),
      }),
      'invalid-user',
      'user',
    ],
    [
      'a forged TiledeskTokenError from an attribute trap',
      () => ({
        ...base,
        user: userWithThrowingAttributeKeys(forgedError()),
      }),
      'invalid-attributes',
      'user.attributes',
    ],
    [
      'a revoked Proxy as the attributes',
      () => ({ ...base, user: { id: 'a', attributes: revokedProxy() } }),
      'invalid-attributes',
      'user.attributes',
    ],
    ['a revoked Proxy as the id', () => ({ ...base, user: { id: revokedProxy() } }), 'invalid-user-id', 'user.id'],
  ])('turns %s into a typed error naming the field, without the thrown text', async (_label, build, code, field) => {
    const error = await refusal(build());
    expect(error).toMatchObject({ code, field });
    expect(error.message).not.toContain(SECRET);
    expect(error.message).not.toMatch(/boom/);
  });

  it('is the same typed error from the sync path', () => {
    const error = thrownBy(() =>
      mintTiledeskTokenSync({
        ...base,
        user: userWithThrowingEmail(new Error('boom')),
      } as MintTiledeskTokenOptions),
    );
    expect(error).toMatchObject({ code: 'invalid-email', field: 'user.email' });
  });

  it.each([
    ['email', 'evil@example.com'],
    ['attributes', { admin: true }],
    ['role', 'owner'],
    ['firstname', 'Mallory'],
  ])('puts nothing inherited from a polluted Object.prototype (%s) into a token', async (key, value) => {
    const prototype = Object.prototype as Record<string, unknown>;
    prototype[key] = value;
    try {
      const claims = await claimsOf(base);
      expect(Object.keys(claims).sort()).toEqual(['_id', 'aud', 'exp', 'iat', 'sub']);
    } finally {
      delete prototype[key];
    }
  });

  it.each([
    ['userIdKind', 'tiledesk-id', { id: `${PREFIX}ada` }],
    ['expiresIn', 86_400, { id: 'ada' }],
  ])('ignores an option (%s) inherited from a polluted Object.prototype', async (key, value, user) => {
    const prototype = Object.prototype as Record<string, unknown>;
    prototype[key] = value;
    try {
      const outcome = await mint({ ...base, user }).then(
        ({ jwt }) => decodeJwt(jwt),
        (error: unknown) => error,
      );
      if (key === 'userIdKind') expect(outcome).toMatchObject({ code: 'invalid-user-id' });
      else expect((outcome as { exp: number }).exp).toBe(NOW / 1000 + 600);
    } finally {
      delete prototype[key];
    }
  });

  it.each([
    ['__proto__ (from parsed JSON)', '{"__proto__": {"role": "owner"}, "plan": "pro"}', 'user.attributes.__proto__'],
    ['constructor.prototype', '{"constructor": {"prototype": {"role": "owner"}}}', 'user.attributes.constructor'],
    ['a nested __proto__', '{"profile": {"__proto__": {"admin": true}}}', 'user.attributes.profile.__proto__'],
  ])('refuses an attribute key that pollutes prototypes where it is merged: %s', async (_label, json, field) => {
    const attributes = JSON.parse(json) as Record<string, unknown>;
    expect(await refusal({ ...base, user: { id: 'ada', attributes } })).toMatchObject({ code: 'invalid-attributes', field });
  });

  it('refuses a clock after the last instant a Date can hold', async () => {
    expect(await refusal({ ...base, now: 1e20 })).toMatchObject({ code: 'invalid-now', field: 'now' });
  });

  it('accepts prototype-free objects (Object.create(null)) as plain data', async () => {
    const user = Object.assign(Object.create(null) as Record<string, unknown>, { id: 'ada', email: 'ada@example.com' });
    expect((await claimsOf({ ...base, user }))['email']).toBe('ada@example.com');
  });

  it.each([
    [
      'a class instance as the user',
      {
        ...base,
        user: new (class User {
          id = 'ada';
        })(),
      },
      'invalid-user',
      'user',
    ],
    ['a sparse array', { ...base, user: { id: 'a', attributes: { list: withHole() } } }, 'invalid-attributes', 'user.attributes.list'],
    [
      'a subclassed array',
      { ...base, user: { id: 'a', attributes: { list: new (class Tags extends Array {})() } } },
      'invalid-attributes',
      'user.attributes.list',
    ],
    [
      'a huge sparse array (not read item by item)',
      { ...base, user: { id: 'a', attributes: { list: new Array(1e9) } } },
      'invalid-attributes',
      'user.attributes',
    ],
    [
      'an endless Proxy nesting',
      { ...base, user: { id: 'a', attributes: endlessNesting() } },
      'invalid-attributes',
      expect.stringMatching(/^user\.attributes/),
    ],
  ])('refuses %s', async (_label, options, code, field) => {
    expect(await refusal(options)).toMatchObject({ code, field });
  });

  it('describes a bad value in the message, cut short and escaped', async () => {
    const error = await refusal({ ...base, user: { id: 'a', email: `${'x'.repeat(8000)}\n@example.com` } });
    expect(error).toMatchObject({ code: 'invalid-email', field: 'user.email' });
    expect(error.message.length).toBeLessThan(200);
    expect(error.message).toMatch(/\(8013 characters\)/);
    const short = await refusal({ ...base, user: { id: 'a', email: 'not an e-mail' } });
    expect(short.message).toContain('"not an e-mail"');
  });
});

describe('3. control, zero-width and bidi characters', () => {
  const hidden = [
    ['U+202E RIGHT-TO-LEFT OVERRIDE', '\u202E'],
    ['U+202A LEFT-TO-RIGHT EMBEDDING', '\u202A'],
    ['U+200B ZERO WIDTH SPACE', '\u200B'],
    ['U+200E LEFT-TO-RIGHT MARK', '\u200E'],
    ['U+2066 LEFT-TO-RIGHT ISOLATE', '\u2066'],
    ['U+2067 RIGHT-TO-LEFT ISOLATE', '\u2067'],
    ['U+2068 FIRST STRONG ISOLATE', '\u2068'],
    ['U+2069 POP DIRECTIONAL ISOLATE', '\u2069'],
    ['U+FEFF BYTE ORDER MARK', '\uFEFF'],
    ['U+0000 NUL', '\u0000'],
    ['U+001B ESCAPE', '\u001B'],
    ['U+007F DELETE', '\u007F'],
    ['U+0085 NEXT LINE (C1)', '\u0085'],
    ['U+009B CONTROL SEQUENCE INTRODUCER (C1)', '\u009B'],
    ['U+2028 LINE SEPARATOR', '\u2028'],
    ['U+E0041 TAG LATIN CAPITAL LETTER A', '\u{E0041}'],
    ['a lone surrogate', '\uD800'],
  ];

  it.each(hidden)('refuses %s in an id', async (_label, character) => {
    const error = await refusal({ ...base, user: { id: `ad${character}a` } });
    expect(error).toMatchObject({ code: 'invalid-user-id', field: 'user.id' });
    expect(error.message).toMatch(/U\+[0-9A-F]{4,5}/);
    expect(error.message).not.toContain(character);
  });

  it.each(hidden)('refuses %s in an e-mail', async (_label, character) => {
    const error = await refusal({ ...base, user: { id: 'a', email: `ada${character}@example.com` } });
    expect(error).toMatchObject({ code: 'invalid-email', field: 'user.email' });
  });

  it.each(hidden)('removes %s from a first and last name', async (_label, character) => {
    const claims = await claimsOf({ ...base, user: { id: 'a', firstname: `Ad${character}a`, lastname: `${character}Lovelace` } });
    expect(claims['firstname']).toBe(/[\n\u0085\u2028]/.test(character) ? 'Ad a' : 'Ada');
    expect(claims['lastname']).toBe('Lovelace');
  });

  it('turns tabs and line breaks in names into spaces', async () => {
    const claims = await claimsOf({ ...base, user: { id: 'a', firstname: 'Ada\tAugusta', lastname: 'King\r\nLovelace' } });
    expect(claims).toMatchObject({ firstname: 'Ada Augusta', lastname: 'King  Lovelace' });
  });

  it('keeps the zero-width joiners of emoji and Persian names', async () => {
    const claims = await claimsOf({ ...base, user: { id: 'a', firstname: 'Zoë \u{1F469}\u200D\u{1F4BB}', lastname: 'نیک\u200Cنام' } });
    expect(claims).toMatchObject({ firstname: 'Zoë \u{1F469}\u200D\u{1F4BB}', lastname: 'نیک\u200Cنام' });
  });

  it('refuses a name made only of hidden characters', async () => {
    expect(await refusal({ ...base, user: { id: 'a', firstname: '\u202E\u200B\u2066' } })).toMatchObject({
      code: 'invalid-name',
      field: 'user.firstname',
    });
  });

  it('carries attributes as given (JSON escapes controls; an agent UI shows them as text)', async () => {
    const claims = await claimsOf({ ...base, user: { id: 'a', attributes: { note: 'line 1\nline 2 \u202E' } } });
    expect(claims['attributes']).toEqual({ note: 'line 1\nline 2 \u202E' });
  });
});

describe('4. the origin check compares whole origins', () => {
  const https = (host: string) => `https://${host}`;
  const allowedOrigins = ['https://app.example.com'];

  it.each<[string, Headers, boolean, number]>([
    ['its own https origin over TLS', { host: 'example.com', origin: https('example.com') }, true, 200],
    ['an http page calling an https endpoint (TLS)', { host: 'example.com', origin: 'http://example.com' }, true, 403],
    [
      'an http page when a proxy says https (X-Forwarded-Proto)',
      { host: 'example.com', origin: 'http://example.com', 'x-forwarded-proto': 'https' },
      false,
      403,
    ],
    [
      'an http page when a proxy says https (Forwarded)',
      { host: 'example.com', origin: 'http://example.com', forwarded: 'for=1.2.3.4;proto=https' },
      false,
      403,
    ],
    ['an https page behind a TLS proxy that says nothing', { host: 'example.com', origin: https('example.com') }, false, 200],
    ['an http page on a plain http server (development)', { host: '127.0.0.1:4300', origin: 'http://127.0.0.1:4300' }, false, 200],
    ['another port', { host: 'example.com', origin: https('example.com:8443') }, true, 403],
    ['the default port written out in Host', { host: 'example.com:443', origin: https('example.com') }, true, 200],
    ['Host in another letter case', { host: 'EXAMPLE.com', origin: https('example.com') }, true, 200],
    ['a look-alike suffix', { host: 'example.com', origin: https('example.com.evil.com') }, true, 403],
    ['a look-alike prefix', { host: 'example.com', origin: https('evilexample.com') }, true, 403],
    ['another site', { host: 'example.com', origin: https('evil.com') }, true, 403],
    ['a null Origin (sandboxed frame, file: page)', { host: 'example.com', origin: 'null' }, true, 403],
    ['an Origin with credentials', { host: 'example.com', origin: 'https://example.com@evil.com' }, true, 403],
    ['an Origin with a path', { host: 'example.com', origin: 'https://example.com/' }, true, 403],
    ['an empty Origin', { host: 'example.com', origin: '' }, true, 403],
    ['a non-http Origin', { host: 'example.com', origin: 'chrome-extension://abcdef' }, true, 403],
    ['a Host with credentials, to make the Origin match', { host: 'example.com@evil.com', origin: https('evil.com') }, true, 403],
    ['no Host at all', { origin: https('example.com') }, true, 403],
    ['an allowed origin', { host: 'example.com', origin: 'https://app.example.com', 'sec-fetch-site': 'same-site' }, true, 200],
    ['the allowed host over http', { host: 'example.com', origin: 'http://app.example.com', 'sec-fetch-site': 'cross-site' }, true, 403],
    [
      'the allowed host on another port',
      { host: 'example.com', origin: 'https://app.example.com:444', 'sec-fetch-site': 'cross-site' },
      true,
      403,
    ],
    [
      'a look-alike of the allowed origin',
      { host: 'example.com', origin: 'https://app.example.com.evil.com', 'sec-fetch-site': 'cross-site' },
      true,
      403,
    ],
    ['no Origin, Sec-Fetch-Site cross-site', { host: 'example.com', 'sec-fetch-site': 'cross-site' }, true, 403],
    ['no Origin, Sec-Fetch-Site same-site', { host: 'example.com', 'sec-fetch-site': 'same-site' }, true, 403],
    ['no Origin, Sec-Fetch-Site none (typed in the address bar)', { host: 'example.com', 'sec-fetch-site': 'none' }, true, 200],
    ['no Origin and no Sec-Fetch-Site (a server-side client, not a browser)', { host: 'example.com' }, true, 200],
    [
      'its own origin marked cross-site by the browser',
      { host: 'example.com', origin: https('example.com'), 'sec-fetch-site': 'cross-site' },
      true,
      403,
    ],
  ])('%s', async (_label, headers, tls, status) => {
    const spec = await answer({ ...JSON_TYPE, ...headers }, { allowedOrigins }, tls);
    expect(spec.status).toBe(status);
    if (status === 403) expect(spec.body).toMatchObject({ error: 'cross-site-request' });
  });

  it.each<[string, string | undefined]>([
    ['a form post (text/plain)', 'text/plain'],
    ['a urlencoded form', 'application/x-www-form-urlencoded'],
    ['a multipart form', 'multipart/form-data; boundary=x'],
    ['JSON hidden in a parameter', 'text/plain; application/json'],
    ['a near miss', 'application/jsonp'],
    ['no content type', undefined],
  ])('still refuses %s (CSRF: simple requests cannot set a JSON type)', async (_label, contentType) => {
    const spec = await answer({ host: 'example.com', ...(contentType ? { 'content-type': contentType } : {}) });
    expect(spec).toMatchObject({ status: 403, body: { error: 'cross-site-request' } });
  });

  it('accepts JSON with a charset', async () => {
    expect((await answer({ host: 'example.com', 'content-type': 'Application/JSON; charset=utf-8' })).status).toBe(200);
  });

  it('every answer is no-store JSON without CORS headers', async () => {
    for (const spec of [await answer(JSON_TYPE), await answer({ origin: 'https://evil.com', ...JSON_TYPE })]) {
      expect(spec.headers['Cache-Control']).toBe('no-store');
      expect(Object.keys(spec.headers).filter((name) => /^access-control-/i.test(name))).toEqual([]);
    }
  });

  it('the Fetch handler takes https from the request URL', async () => {
    const handler = createTokenHandler({ projectId: PROJECT_ID, secret: SECRET, getUser: () => ADA, logger: {} });
    const post = (origin: string) =>
      handler(new Request('https://example.com/api/tiledesk-token', { method: 'POST', headers: { ...JSON_TYPE, origin } }));
    expect((await post('https://example.com')).status).toBe(200);
    expect((await post('http://example.com')).status).toBe(403);
  });

  it('the Node handler takes https from a TLS socket', async () => {
    const handler = createNodeTokenHandler({ projectId: PROJECT_ID, secret: SECRET, getUser: () => ADA, logger: {} });
    const statusFor = async (origin: string, encrypted: boolean) => {
      let status = 0;
      const req = {
        method: 'POST',
        headers: { host: 'example.com', origin, ...JSON_TYPE },
        socket: { encrypted },
      } as unknown as IncomingMessage;
      const res = { writeHead: (code: number) => (status = code), end: () => undefined } as unknown as ServerResponse;
      await handler(req, res);
      return status;
    };
    expect(await statusFor('http://example.com', true)).toBe(403);
    expect(await statusFor('https://example.com', true)).toBe(200);
    expect(await statusFor('http://example.com', false)).toBe(200);
  });

  it.each([
    ['with a path', 'https://app.example.com/login'],
    ['with a query', 'https://app.example.com?x=1'],
    ['without a scheme', 'app.example.com'],
    ['with another scheme', 'ftp://app.example.com'],
    ['null', 'null'],
    ['with credentials', 'https://user@app.example.com'],
  ])('refuses an allowedOrigins entry %s', (_label, entry) => {
    const error = thrownBy(() =>
      assertTokenHandlerOptions({ projectId: PROJECT_ID, secret: SECRET, getUser: () => ADA, allowedOrigins: [entry] }),
    );
    expect(error).toMatchObject({ code: 'invalid-handler-options', field: 'allowedOrigins' });
  });

  it('normalises allowedOrigins entries (case, default port, trailing slash)', async () => {
    const spec = await answer(
      { ...JSON_TYPE, host: 'example.com', origin: 'https://app.example.com', 'sec-fetch-site': 'cross-site' },
      { allowedOrigins: ['HTTPS://App.Example.com:443/'] },
      true,
    );
    expect(spec.status).toBe(200);
  });
});

describe('5. logs and error messages', () => {
  function loggedResponder(logger: TokenHandlerLogger, clock = { now: 0 }, getUser: () => TiledeskVisitor | null = () => ADA) {
    const respond = createTokenResponder<null>({ projectId: PROJECT_ID, secret: SECRET, getUser, logger }, 'test', {
      logLimits: { linesPerWindow: 10, windowMs: 60_000, now: () => clock.now },
    });
    return (headers: Headers) => respond({ method: 'POST', header: (name) => headers[name], tls: true, request: null });
  }

  it('cuts an 8 KB Origin to a short, escaped quote in the log line and in the answer', async () => {
    const logger = capturingLogger();
    const origin = `https://${'a'.repeat(8000)}.com`;
    const spec = await loggedResponder(logger)({ host: 'example.com', origin, ...JSON_TYPE });
    expect(spec.status).toBe(403);
    expect(logger.lines).toHaveLength(1);
    expect(logger.lines[0].length).toBeLessThan(500);
    expect((spec.body as { message: string }).message.length).toBeLessThan(500);
    expect(logger.lines[0]).toMatch(/\(8012 characters\)/);
  });

  it('escapes control and bidi characters an attacker puts in a header', async () => {
    const logger = capturingLogger();
    await loggedResponder(logger)({ host: 'example.com', 'sec-fetch-site': 'cross\u202E\n2026 INFO token issued for admin', ...JSON_TYPE });
    expect(logger.lines).toHaveLength(1);
    expect(logger.lines[0]).not.toMatch(CONTROL);
    expect(logger.lines[0]).toContain('\\u000A');
    expect(logger.lines[0]).toContain('\\u202E');
  });

  it("cuts and escapes getUser()'s error message (it may quote a cookie)", async () => {
    const logger = capturingLogger();
    const failing = () => {
      throw new Error(`bad cookie ${'c'.repeat(8000)}\r\nFAKE LINE`);
    };
    await loggedResponder(logger, { now: 0 }, failing)({ host: 'example.com', ...JSON_TYPE });
    expect(logger.lines).toHaveLength(1);
    expect(logger.lines[0].length).toBeLessThan(600);
    expect(logger.lines[0]).not.toMatch(CONTROL);
  });

  it('quotes an attacker-chosen user id in the line logged for an issued token', async () => {
    const logger = capturingLogger();
    const id = `mallory" admin="yes ${'x'.repeat(230)}`;
    await loggedResponder(logger, { now: 0 }, () => ({ id }))({ host: 'example.com', ...JSON_TYPE });
    expect(logger.lines).toHaveLength(1);
    expect(logger.lines[0]).toMatch(/^info Tiledesk token issued for user "mallory\\" admin=\\"yes x+…" \(250 characters\), expires/);
  });

  it('escapes a hostile user id quoted in the refusal line', async () => {
    const logger = capturingLogger();
    const spec = await loggedResponder(logger, { now: 0 }, () => ({ id: 'mallory\n2026 INFO token issued for admin' }))({
      host: 'example.com',
      ...JSON_TYPE,
    });
    expect(spec).toMatchObject({ status: 500, body: { error: 'invalid-user' } });
    expect(logger.lines).toHaveLength(1);
    expect(logger.lines[0]).not.toMatch(CONTROL);
    expect(logger.lines[0]).toContain('U+000A');
  });

  it('rate-limits repeated refusals: 10 lines a minute per kind, then one count', async () => {
    const logger = capturingLogger();
    const clock = { now: 0 };
    const post = loggedResponder(logger, clock);
    for (let index = 0; index < 50; index += 1) await post({ host: 'example.com', origin: 'https://evil.com', ...JSON_TYPE });
    expect(logger.lines).toHaveLength(11);
    expect(logger.lines[10]).toMatch(/too many cross-site-request refusals/);
    clock.now = 60_000;
    await post({ host: 'example.com', origin: 'https://evil.com', ...JSON_TYPE });
    expect(logger.lines[11]).toMatch(/40 more cross-site-request refusals were not logged/);
    expect(logger.lines[12]).toMatch(/refused: the request comes from another origin/);
  });

  it('counts each kind of refusal apart, and never limits issued lines', async () => {
    const logger = capturingLogger();
    const post = loggedResponder(logger);
    for (let index = 0; index < 20; index += 1) await post({ host: 'example.com', origin: 'https://evil.com', ...JSON_TYPE });
    for (let index = 0; index < 15; index += 1) await post({ host: 'example.com', ...JSON_TYPE });
    expect(logger.lines.filter((line) => line.startsWith('warn'))).toHaveLength(11);
    expect(logger.lines.filter((line) => line.startsWith('info'))).toHaveLength(15);
  });

  it('answers even when the logger throws', async () => {
    const throwing: TokenHandlerLogger = {
      warn: () => {
        throw new Error('log sink down');
      },
      info: () => {
        throw new Error('log sink down');
      },
    };
    const post = loggedResponder(throwing);
    expect((await post({ host: 'example.com', origin: 'https://evil.com', ...JSON_TYPE })).status).toBe(403);
    expect((await post({ host: 'example.com', ...JSON_TYPE })).status).toBe(200);
  });

  const MALFORMED_SECRET = 'my-own-secret-not-a-uuid';

  it.each<[string, unknown]>([
    ['a UUID secret passed as the project id', { ...base, projectId: SECRET }],
    ['a non-UUID secret passed as the project id', { ...base, projectId: MALFORMED_SECRET }],
    ['a short secret', { ...base, secret: 'short-secret' }],
    ['the secret as expiresIn', { ...base, secret: MALFORMED_SECRET, expiresIn: MALFORMED_SECRET }],
    ['the secret as now', { ...base, secret: MALFORMED_SECRET, now: MALFORMED_SECRET }],
    ['the secret as user.id (padded)', { ...base, secret: MALFORMED_SECRET, user: { id: ` ${MALFORMED_SECRET}` } }],
    ['the secret as user.email', { ...base, secret: MALFORMED_SECRET, user: { id: 'a', email: MALFORMED_SECRET } }],
    [
      'the secret as user.firstname',
      { ...base, secret: MALFORMED_SECRET, user: { id: 'a', firstname: ` ${MALFORMED_SECRET}`.repeat(20) } },
    ],
    ['a UUID secret as user.email', { ...base, user: { id: 'a', email: SECRET } }],
    ['the secret as userIdKind', { ...base, secret: MALFORMED_SECRET, userIdKind: MALFORMED_SECRET }],
    ['a prefixed id holding the secret', { ...base, secret: MALFORMED_SECRET, user: { id: `${PREFIX}${MALFORMED_SECRET}` } }],
  ])('never shows a secret in an error message: %s', async (_label, options) => {
    const error = await refusal(options);
    expect(error.message).not.toContain(SECRET);
    expect(error.message).not.toContain(MALFORMED_SECRET);
    expect(error.message).not.toContain('short-secret');
  });

  it.each<[string, Record<string, unknown>]>([
    ['swapped project id and secret', { projectId: MALFORMED_SECRET, secret: PROJECT_ID }],
    ['the secret in allowedOrigins', { projectId: PROJECT_ID, secret: MALFORMED_SECRET, allowedOrigins: [MALFORMED_SECRET] }],
    ['the secret as expiresIn', { projectId: PROJECT_ID, secret: MALFORMED_SECRET, expiresIn: MALFORMED_SECRET }],
  ])('never shows a secret in a handler options error, thrown or logged: %s', async (_label, options) => {
    const full = { getUser: () => null, ...options } as unknown as TokenHandlerOptions<Request>;
    const error = thrownBy(() => assertTokenHandlerOptions(full));
    expect(error.message).not.toContain(MALFORMED_SECRET);
    const logger = capturingLogger();
    const response = await createTokenHandler({ ...full, logger })(tokenRequest());
    expect(response.status).toBe(500);
    expect(logger.lines).toHaveLength(1);
    expect(logger.lines[0]).toContain(`option ${error.field}`);
    expect(logger.lines[0]).not.toContain(MALFORMED_SECRET);
  });

  it('never logs the secret, even when getUser() throws it', async () => {
    const logger = capturingLogger();
    await loggedResponder(logger, { now: 0 }, () => {
      throw new Error(`could not decrypt with ${SECRET}`);
    })({ host: 'example.com', ...JSON_TYPE });
    expect(logger.lines.join('\n')).not.toContain(SECRET);
  });
});

describe('5b. explainTiledeskToken on hostile tokens', () => {
  const key = new TextEncoder().encode(SECRET);
  const sign = async (claims: Record<string, unknown>, header: Record<string, unknown> = {}) =>
    `JWT ${await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', ...header }).sign(key)}`;

  it('does not decode a 10 MB token', async () => {
    const result = await explainTiledeskToken(`JWT ${'a'.repeat(10_000_000)}`, { projectId: PROJECT_ID, secret: SECRET });
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([expect.objectContaining({ code: 'malformed' })]);
    expect(result.problems[0].message.length).toBeLessThan(200);
  });

  it.each<[string, () => Promise<string>]>([
    ['an 8 KB scheme', async () => `${'J'.repeat(8000)} ${(await sign({ sub: 'userexternal' })).slice(4)}`],
    ['an 8 KB aud path with line breaks', () => sign({ aud: `https://x/${'p\n'.repeat(4000)}`, sub: 'userexternal', _id: 'a' })],
    [
      'an 8 KB sub with bidi overrides',
      () => sign({ sub: '\u202E'.repeat(8000), aud: `https://tiledesk.com/projects/${PROJECT_ID}`, _id: 'a' }),
    ],
    ['an 8 KB other project id', () => sign({ aud: `https://tiledesk.com/projects/${'f'.repeat(8000)}`, sub: 'userexternal', _id: 'a' })],
  ])('keeps its messages short and escaped for %s', async (_label, token) => {
    const result = await explainTiledeskToken(await token(), { projectId: PROJECT_ID, secret: SECRET });
    for (const problem of result.problems) {
      expect(problem.message.length).toBeLessThan(400);
      expect(problem.message).not.toMatch(CONTROL);
    }
  });

  it('never repeats the secret a token carries in a claim it quotes', async () => {
    const token = await sign({ aud: `https://x/${SECRET}`, sub: SECRET, _id: 'a' });
    const result = await explainTiledeskToken(token, { projectId: PROJECT_ID, secret: SECRET });
    expect(result.problems.length).toBeGreaterThan(0);
    expect(result.problems.map((problem) => problem.message).join('\n')).not.toContain(SECRET);
  });

  it('reads its options once, own properties only', async () => {
    let reads = 0;
    const options = {
      projectId: PROJECT_ID,
      get secret(): string {
        reads += 1;
        return reads > 1 ? 'another-secret-entirely-xx' : SECRET;
      },
    };
    const result = await explainTiledeskToken(
      await sign({ aud: `https://tiledesk.com/projects/${PROJECT_ID}`, sub: 'userexternal', _id: `${PREFIX}a` }),
      options,
    );
    expect(reads).toBe(1);
    expect(result.problems.map((problem) => problem.code)).not.toContain('bad-signature');
  });
});

describe('6. handler options are checked at the first request (or by assertTokenHandlerOptions), with typed, clear errors', () => {
  const good = { projectId: PROJECT_ID, secret: SECRET, getUser: () => null };
  const firstAnswers = [
    [
      'createTokenHandler',
      async (options: unknown) => (await createTokenHandler(options as TokenHandlerOptions<Request>)(tokenRequest())).status,
    ],
    [
      'createNodeTokenHandler',
      async (options: unknown) => nodeStatus(createNodeTokenHandler(options as TokenHandlerOptions<IncomingMessage>)),
    ],
  ] as const;

  const mistakes: [string, unknown, string, string][] = [
    ['no options', undefined, 'invalid-handler-options', 'options'],
    ['a string', 'projectId', 'invalid-handler-options', 'options'],
    ['an array', [good], 'invalid-handler-options', 'options'],
    ['a typo (allowedOrigin)', { ...good, allowedOrigin: ['https://app.example.com'] }, 'unknown-field', 'allowedOrigin'],
    [
      'a throwing secret getter',
      {
        ...good,
        get secret(): never {
          throw new Error('vault down');
        },
      },
      'invalid-secret',
      'secret',
    ],
    ['allowedOrigins as a string', { ...good, allowedOrigins: 'https://app.example.com' }, 'invalid-handler-options', 'allowedOrigins'],
    ['allowedOrigins with a number', { ...good, allowedOrigins: [42] }, 'invalid-handler-options', 'allowedOrigins'],
    ['allowedOrigins as a revoked Proxy', { ...good, allowedOrigins: revokedProxy() }, 'invalid-handler-options', 'allowedOrigins'],
    ['logger as a string', { ...good, logger: 'console' }, 'invalid-handler-options', 'logger'],
    ['logger.warn not a function', { ...good, logger: { warn: 'yes' } }, 'invalid-handler-options', 'logger'],
    ['a bad userIdKind', { ...good, userIdKind: 'full' }, 'invalid-handler-options', 'userIdKind'],
    ['getUser missing', { projectId: PROJECT_ID, secret: SECRET }, 'invalid-handler-options', 'getUser'],
  ];

  it.each(mistakes)('assertTokenHandlerOptions refuses %s', (_label, options, code, field) => {
    const error = thrownBy(() => assertTokenHandlerOptions(options as TokenHandlerOptions<Request>));
    expect(error).toMatchObject({ code, field });
    // Wrappers (the token server) rename the option by replacing the message's first word.
    expect(error.message.startsWith(`${field} `)).toBe(true);
    if (field === 'options') expect(error.message).toContain('assertTokenHandlerOptions()');
  });

  describe.each(firstAnswers)('%s', (creator, firstAnswer) => {
    it.each(mistakes)('is created with %s, then answers 500 and logs the option on every request', async (_label, options, code, field) => {
      const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
      try {
        const ownLogger = capturingLogger();
        // A valid logger of the caller's gets the line; without one (or with a bad one), the console does.
        const withLogger =
          typeof options === 'object' && options !== null && !Array.isArray(options) && !('logger' in options) && field !== 'secret'
            ? { ...options, logger: ownLogger }
            : options;
        expect(await firstAnswer(withLogger)).toBe(500);
        expect(await firstAnswer(withLogger)).toBe(500);
        const lines = withLogger === options ? errors.mock.calls.map((call) => String(call[0])) : ownLogger.lines;
        expect(lines).toHaveLength(2);
        expect(lines[0]).toContain(`${creator}() is misconfigured (${code}, option ${field}): ${field} `);
        expect(lines[0]).not.toContain(SECRET);
      } finally {
        errors.mockRestore();
      }
    });

    it('accepts a class-instance logger (pino, winston)', async () => {
      class Logger {
        lines: string[] = [];
        warn(line: string) {
          this.lines.push(line);
        }
      }
      expect(() => assertTokenHandlerOptions({ ...good, logger: new Logger() })).not.toThrow();
      expect(await firstAnswer({ ...good, logger: new Logger() })).toBe(401);
    });
  });
});

/** A same-origin JSON POST to a Fetch handler. */
function tokenRequest(): Request {
  return new Request('http://example.com/api/tiledesk-token', { method: 'POST', headers: JSON_TYPE });
}

/** The status a Node handler writes for a same-origin JSON POST. */
async function nodeStatus(handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>): Promise<number> {
  let status = 0;
  const req = { method: 'POST', headers: { host: 'example.com', ...JSON_TYPE }, socket: {} } as unknown as IncomingMessage;
  const res = { writeHead: (code: number) => (status = code), end: () => undefined } as unknown as ServerResponse;
  await handler(req, res);
  return status;
}

function withHole(): number[] {
  const list = [1, 2, 3];
  delete list[1];
  return list;
}

/** What a hostile getter would throw to pass its own words off as the library's. */
/** A user whose e-mail getter throws `thrown` (an input that fails while it is read). */
function userWithThrowingEmail(thrown: unknown): { id: string; email: string } {
  return {
    id: 'a',
    get email(): never {
      throw thrown;
    },
  };
}

/** A user whose attributes throw `thrown` when their keys are listed (a Proxy's ownKeys trap). */
function userWithThrowingAttributeKeys(thrown: unknown): { id: string; attributes: object } {
  return {
    id: 'a',
    attributes: new Proxy(
      {},
      {
        ownKeys: () => {
          throw thrown;
        },
      },
    ),
  };
}

function forgedError(): TiledeskTokenError {
  return new TiledeskTokenError('invalid-email', 'user.email', `boom\n${'forged '.repeat(1000)}`);
}

function revokedProxy(): object {
  const { proxy, revoke } = Proxy.revocable({ id: 'ada' }, {});
  revoke();
  return proxy;
}

/** Every property read returns a fresh object one level deeper, forever. */
function endlessNesting(): object {
  const handler: ProxyHandler<object> = {
    ownKeys: () => ['next'],
    getOwnPropertyDescriptor: () => ({ value: new Proxy({}, handler), enumerable: true, configurable: true, writable: true }),
  };
  return new Proxy({}, handler);
}
