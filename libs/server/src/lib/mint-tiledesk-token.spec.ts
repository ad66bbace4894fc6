import { createHmac } from 'node:crypto';
import { decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import jsonwebtoken from 'jsonwebtoken';
import { OTHER_PROJECT_ID, PROJECT_ID, SECRET } from '../test-support/fixtures.js';
import { mintTiledeskToken, mintTiledeskTokenSync, type MintTiledeskTokenOptions } from './mint-tiledesk-token.js';
import { TiledeskTokenError } from './tiledesk-token-error.js';

const NOW = Date.UTC(2026, 0, 1, 12, 0, 0);
const base: MintTiledeskTokenOptions = { projectId: PROJECT_ID, secret: SECRET, user: { id: 'ada' }, now: NOW };

/** Calls mint with input TypeScript would refuse, as JavaScript callers can. */
function mintUnchecked(options: unknown) {
  return mintTiledeskToken(options as MintTiledeskTokenOptions);
}

async function rejection(options: unknown): Promise<TiledeskTokenError> {
  const error: unknown = await mintUnchecked(options).then(
    () => new Error('minted a token for bad input'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TiledeskTokenError);
  return error as TiledeskTokenError;
}

describe('mintTiledeskToken: claims', () => {
  it('returns "JWT <jwt>", the bare jwt and expiresAt in epoch milliseconds', async () => {
    const minted = await mintTiledeskToken(base);
    expect(minted.token).toBe(`JWT ${minted.jwt}`);
    expect(minted.jwt.split('.')).toHaveLength(3);
    expect(minted.expiresAt).toBe(NOW + 600_000);
  });

  it('writes the HS256 JWT header', async () => {
    const { jwt } = await mintTiledeskToken(base);
    expect(decodeProtectedHeader(jwt)).toEqual({ alg: 'HS256', typ: 'JWT' });
  });

  it('prefixes _id with the project id', async () => {
    expect(decodeJwt((await mintTiledeskToken(base)).jwt)['_id']).toBe(`${PROJECT_ID}_ada`);
  });

  it('accepts a numeric user id', async () => {
    const { jwt } = await mintTiledeskToken({ ...base, user: { id: 42 } });
    expect(decodeJwt(jwt)['_id']).toBe(`${PROJECT_ID}_42`);
  });

  it('sets sub to userexternal and aud to the project URL', async () => {
    const claims = decodeJwt((await mintTiledeskToken(base)).jwt);
    expect(claims.sub).toBe('userexternal');
    expect(claims.aud).toBe(`https://tiledesk.com/projects/${PROJECT_ID}`);
  });

  it('sets iat to now and exp 10 minutes later by default', async () => {
    const claims = decodeJwt((await mintTiledeskToken(base)).jwt);
    expect(claims.iat).toBe(NOW / 1000);
    expect(claims.exp).toBe(NOW / 1000 + 600);
  });

  it('honours expiresIn up to 24 hours', async () => {
    const claims = decodeJwt((await mintTiledeskToken({ ...base, expiresIn: 86_400 })).jwt);
    expect(claims.exp).toBe(NOW / 1000 + 86_400);
  });

  it('copies email, firstname, lastname and attributes', async () => {
    const attributes = { plan: 'pro', seats: 3, tags: ['a', 'b'], nested: { ok: true, none: null } };
    const claims = decodeJwt(
      (
        await mintTiledeskToken({
          ...base,
          user: { id: 'ada', email: 'ada@example.com', firstname: 'Ada', lastname: 'Lovelace', attributes },
        })
      ).jwt,
    );
    expect(claims).toEqual({
      _id: `${PROJECT_ID}_ada`,
      sub: 'userexternal',
      aud: `https://tiledesk.com/projects/${PROJECT_ID}`,
      email: 'ada@example.com',
      firstname: 'Ada',
      lastname: 'Lovelace',
      attributes,
      iat: NOW / 1000,
      exp: NOW / 1000 + 600,
    });
  });

  it('carries no claim beyond the visitor ones (no role, no nbf)', async () => {
    const claims = decodeJwt((await mintTiledeskToken(base)).jwt);
    expect(Object.keys(claims).sort()).toEqual(['_id', 'aud', 'exp', 'iat', 'sub']);
  });

  it('encodes non-ASCII names as UTF-8', async () => {
    const { jwt } = await mintTiledeskToken({ ...base, user: { id: 'zoë', firstname: 'Zoë 👩‍💻' } });
    expect(decodeJwt(jwt)['firstname']).toBe('Zoë 👩‍💻');
    expect(decodeJwt(jwt)['_id']).toBe(`${PROJECT_ID}_zoë`);
  });
});

describe('mintTiledeskToken: independent verification', () => {
  const users = [
    { id: 'ada' },
    { id: 'grace', email: 'grace@example.com', firstname: 'Grace', lastname: 'Hopper' },
    { id: 7, attributes: { vip: true, note: 'ünïcödé ✓' } },
  ];

  it.each(users)('jose verifies the token for %j with the secret as UTF-8 bytes', async (user) => {
    const { jwt } = await mintTiledeskToken({ projectId: PROJECT_ID, secret: SECRET, user });
    const { payload, protectedHeader } = await jwtVerify(jwt, new TextEncoder().encode(SECRET), {
      algorithms: ['HS256'],
      audience: `https://tiledesk.com/projects/${PROJECT_ID}`,
      subject: 'userexternal',
    });
    expect(protectedHeader.alg).toBe('HS256');
    expect(payload['_id']).toBe(`${PROJECT_ID}_${user.id}`);
  });

  it.each(users)('jsonwebtoken (what tiledesk-server uses) verifies the token for %j', async (user) => {
    const { jwt } = await mintTiledeskToken({ projectId: PROJECT_ID, secret: SECRET, user });
    const payload = jsonwebtoken.verify(jwt, SECRET, { algorithms: ['HS256'] }) as jsonwebtoken.JwtPayload;
    expect(payload['_id']).toBe(`${PROJECT_ID}_${user.id}`);
    expect(payload.sub).toBe('userexternal');
  });

  it('signature is HMAC-SHA256 of header.payload with the secret text', async () => {
    const { jwt } = await mintTiledeskToken(base);
    const [header, payload, signature] = jwt.split('.');
    expect(signature).toBe(createHmac('sha256', SECRET).update(`${header}.${payload}`).digest('base64url'));
  });

  it('fails verification with another secret', async () => {
    const { jwt } = await mintTiledeskToken(base);
    expect(() => jsonwebtoken.verify(jwt, `${SECRET}x`, { ignoreExpiration: true })).toThrow(/invalid signature/);
  });

  it('mintTiledeskTokenSync produces the same token as the async path', async () => {
    expect(mintTiledeskTokenSync(base)).toEqual(await mintTiledeskToken(base));
  });
});

describe('mintTiledeskToken: bad input is refused before signing', () => {
  it.each([
    ['missing', undefined],
    ['too short', '65f0c0ffee0123456789abc'],
    ['not hex', '65f0c0ffee0123456789abcz'],
    ['a number', 123],
  ])('project id %s', async (_label, projectId) => {
    const error = await rejection({ ...base, projectId });
    expect(error.code).toBe('invalid-project-id');
    expect(error.field).toBe('projectId');
  });

  it('never repeats a shared secret passed as the project id', async () => {
    const error = await rejection({ ...base, projectId: SECRET });
    expect(error.code).toBe('invalid-project-id');
    expect(error.message).not.toContain(SECRET);
    expect(error.message).toMatch(/swapped/);
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['blank', '   '],
    ['short', 'short-secret'],
  ])('secret %s', async (_label, secret) => {
    const error = await rejection({ ...base, secret });
    expect(error.code).toBe('invalid-secret');
    expect(error.field).toBe('secret');
  });

  it('never puts the secret into the error message', async () => {
    const error = await rejection({ ...base, secret: 'tooShortSecret' });
    expect(error.message).not.toContain('tooShortSecret');
  });

  it.each([
    ['missing user', undefined, 'invalid-user', 'user'],
    ['user not an object', 'ada', 'invalid-user', 'user'],
    ['user an array', ['ada'], 'invalid-user', 'user'],
    ['missing id', {}, 'invalid-user-id', 'user.id'],
    ['empty id', { id: '' }, 'invalid-user-id', 'user.id'],
    ['blank id', { id: '  ' }, 'invalid-user-id', 'user.id'],
    ['padded id', { id: ' ada' }, 'invalid-user-id', 'user.id'],
    ['fractional id', { id: 1.5 }, 'invalid-user-id', 'user.id'],
    ['object id', { id: { value: 1 } }, 'invalid-user-id', 'user.id'],
    ['id that is only the prefix', { id: `${PROJECT_ID}_` }, 'invalid-user-id', 'user.id'],
    ['very long id', { id: 'x'.repeat(300) }, 'invalid-user-id', 'user.id'],
    ['email without @', { id: 'a', email: 'ada.example.com' }, 'invalid-email', 'user.email'],
    ['email with space', { id: 'a', email: 'ada @example.com' }, 'invalid-email', 'user.email'],
    ['email not a string', { id: 'a', email: 42 }, 'invalid-email', 'user.email'],
    ['empty firstname', { id: 'a', firstname: '' }, 'invalid-name', 'user.firstname'],
    ['lastname not a string', { id: 'a', lastname: ['L'] }, 'invalid-name', 'user.lastname'],
    ['attributes an array', { id: 'a', attributes: [1] }, 'invalid-attributes', 'user.attributes'],
    ['attributes a string', { id: 'a', attributes: '{}' }, 'invalid-attributes', 'user.attributes'],
    ['attribute a function', { id: 'a', attributes: { f: () => 1 } }, 'invalid-attributes', 'user.attributes.f'],
    ['attribute undefined', { id: 'a', attributes: { u: undefined } }, 'invalid-attributes', 'user.attributes.u'],
    ['attribute NaN', { id: 'a', attributes: { n: Number.NaN } }, 'invalid-attributes', 'user.attributes.n'],
    ['attribute bigint', { id: 'a', attributes: { b: BigInt(1) } }, 'invalid-attributes', 'user.attributes.b'],
    ['attribute a Date', { id: 'a', attributes: { d: new Date(0) } }, 'invalid-attributes', 'user.attributes.d'],
    ['nested bad attribute', { id: 'a', attributes: { list: [1, { x: Infinity }] } }, 'invalid-attributes', 'user.attributes.list[1].x'],
    ['attributes too large', { id: 'a', attributes: { blob: 'x'.repeat(5000) } }, 'invalid-attributes', 'user.attributes'],
    ['unknown user field', { id: 'a', nickname: 'A' }, 'unknown-field', 'user.nickname'],
  ])('%s', async (_label, user, code, field) => {
    const error = await rejection({ ...base, user });
    expect(error.code).toBe(code);
    expect(error.field).toBe(field);
  });

  it('refuses attributes that refer back to themselves', async () => {
    const attributes: Record<string, unknown> = {};
    attributes['self'] = attributes;
    const error = await rejection({ ...base, user: { id: 'a', attributes } });
    expect(error.code).toBe('invalid-attributes');
    expect(error.message).toMatch(/refers back to itself/);
  });

  it.each([0, -1, 1.5, 86_401, Number.NaN, '600'])('expiresIn %p', async (expiresIn) => {
    const error = await rejection({ ...base, expiresIn });
    expect(error.code).toBe('invalid-expires-in');
    expect(error.field).toBe('expiresIn');
  });

  it.each(['role', 'sub', 'aud', '_id', 'exp', 'iat', 'nbf'])('reserved claim %s on the user', async (claim) => {
    const error = await rejection({ ...base, user: { id: 'a', [claim]: 'x' } });
    expect(error.code).toBe('reserved-claim');
    expect(error.field).toBe(`user.${claim}`);
  });

  it.each(['role', 'aud', 'sub'])('reserved claim %s next to the options', async (claim) => {
    const error = await rejection({ ...base, [claim]: 'owner' });
    expect(error.code).toBe('reserved-claim');
    expect(error.field).toBe(claim);
  });

  it('says why a role is dangerous', async () => {
    const error = await rejection({ ...base, user: { id: 'a', role: 'owner' } });
    expect(error.message).toMatch(/privileged/);
  });

  it('has no way to set a foreign aud: the audience always names the given project', async () => {
    const { jwt } = await mintTiledeskToken({ ...base, projectId: OTHER_PROJECT_ID });
    expect(decodeJwt(jwt).aud).toBe(`https://tiledesk.com/projects/${OTHER_PROJECT_ID}`);
    expect((await rejection({ ...base, user: { id: 'a', aud: 'https://evil.example/projects/x' } })).code).toBe('reserved-claim');
  });

  it('refuses a bad clock value', async () => {
    const error = await rejection({ ...base, now: Number.NaN });
    expect(error).toMatchObject({ code: 'invalid-now', field: 'now' });
  });

  it('mintTiledeskTokenSync throws the same typed errors', () => {
    expect(() => mintTiledeskTokenSync({ ...base, projectId: 'nope' })).toThrow(TiledeskTokenError);
  });
});
