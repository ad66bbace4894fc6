import { type JWTPayload, SignJWT } from 'jose';
import jsonwebtoken from 'jsonwebtoken';
import { OTHER_PROJECT_ID, PROJECT_ID, SECRET } from '../test-support/fixtures.js';
import { explainTiledeskToken, type TiledeskTokenExplanation } from './explain-tiledesk-token.js';
import { mintTiledeskToken } from './mint-tiledesk-token.js';
import { TiledeskTokenError } from './tiledesk-token-error.js';

const options = { projectId: PROJECT_ID, secret: SECRET };
const good = {
  _id: `${PROJECT_ID}_ada`,
  sub: 'userexternal',
  aud: `https://tiledesk.com/projects/${PROJECT_ID}`,
  email: 'ada@example.com',
};

/** Signs arbitrary claims with jsonwebtoken, the library the Tiledesk server uses. */
function sign(claims: object, secret = SECRET, algorithm: jsonwebtoken.Algorithm = 'HS256'): string {
  return `JWT ${jsonwebtoken.sign(claims, secret, { algorithm, expiresIn: 600 })}`;
}

function codes(result: TiledeskTokenExplanation): string[] {
  return result.problems.map((p) => p.code);
}

describe('explainTiledeskToken', () => {
  it('finds nothing wrong with a minted token', async () => {
    const { token } = await mintTiledeskToken({ ...options, user: { id: 'ada', email: 'ada@example.com' } });
    const result = await explainTiledeskToken(token, options);
    expect(result).toMatchObject({ ok: true, problems: [] });
    expect(result.claims?.['_id']).toBe(`${PROJECT_ID}_ada`);
  });

  it('accepts HS384 and HS512, as Tiledesk does', async () => {
    for (const algorithm of ['HS384', 'HS512'] as const) {
      expect((await explainTiledeskToken(sign(good, SECRET, algorithm), options)).ok).toBe(true);
    }
  });

  it('warns about a missing email but still says ok', async () => {
    const { token } = await mintTiledeskToken({ ...options, user: { id: 'ada' } });
    const result = await explainTiledeskToken(token, options);
    expect(result.ok).toBe(true);
    expect(result.problems).toEqual([expect.objectContaining({ code: 'email-missing', severity: 'warning' })]);
  });

  it.each([
    ['a bare JWT', (jwt: string) => jwt, 'missing-scheme'],
    ['Bearer', (jwt: string) => `Bearer ${jwt}`, 'wrong-scheme'],
    ['two spaces', (jwt: string) => `JWT  ${jwt}`, 'scheme-spacing'],
  ])('reports %s', async (_label, shape, code) => {
    const { jwt } = await mintTiledeskToken({ ...options, user: { id: 'ada', email: 'a@b.co' } });
    const result = await explainTiledeskToken(shape(jwt), options);
    expect(result.ok).toBe(false);
    expect(codes(result)).toEqual([code]);
  });

  it('warns about a lower-case scheme, which Tiledesk accepts but echoes back as sent', async () => {
    const { jwt } = await mintTiledeskToken({ ...options, user: { id: 'ada', email: 'a@b.co' } });
    const result = await explainTiledeskToken(`jwt ${jwt}`, options);
    expect(result.ok).toBe(true);
    expect(result.problems).toEqual([expect.objectContaining({ code: 'scheme-case', severity: 'warning' })]);
  });

  it('reads an array aud by its first entry and ignores path segments after the project id', async () => {
    const aud = `https://tiledesk.com/projects/${PROJECT_ID}`;
    expect(codes(await explainTiledeskToken(sign({ ...good, aud: [aud] }), options))).toEqual([]);
    expect(codes(await explainTiledeskToken(sign({ ...good, aud: `${aud}/widget` }), options))).toEqual([]);
    expect(
      codes(await explainTiledeskToken(sign({ ...good, aud: [`https://tiledesk.com/projects/${OTHER_PROJECT_ID}`] }), options)),
    ).toEqual(['audience-other-project']);
  });

  it('reports an iat that is not a number', async () => {
    // jsonwebtoken refuses to sign this; jose writes any claims it is given.
    const jwt = await new SignJWT({ ...good, iat: 'now' } as unknown as JWTPayload)
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode(SECRET));
    const result = await explainTiledeskToken(`JWT ${jwt}`, options);
    expect(result.ok).toBe(false);
    expect(codes(result)).toEqual(['issued-at-invalid']);
  });

  it('reports a string that is not a JWT', async () => {
    const result = await explainTiledeskToken('JWT not.a.jwt', options);
    expect(result).toMatchObject({ ok: false });
    expect(codes(result)).toEqual(['malformed']);
    expect(result.claims).toBeUndefined();
  });

  it('reports a non-string', async () => {
    expect(codes(await explainTiledeskToken(42, options))).toEqual(['not-a-string']);
  });

  it('reports a token signed with another secret', async () => {
    const result = await explainTiledeskToken(sign(good, 'another-secret-of-enough-length'), options);
    expect(codes(result)).toEqual(['bad-signature']);
    expect(result.problems[0].message).toMatch(/regenerated/);
  });

  it('reports a disallowed algorithm (none)', async () => {
    const unsigned = jsonwebtoken.sign(good, null, { algorithm: 'none' });
    expect(codes(await explainTiledeskToken(`JWT ${unsigned}`, options))).toContain('algorithm-not-allowed');
  });

  it.each([
    ['no aud', { ...good, aud: undefined }, 'audience-missing'],
    ['aud not a URL', { ...good, aud: 'projects/x' }, 'audience-not-url'],
    ['aud not /projects/', { ...good, aud: 'https://tiledesk.com/apps/x' }, 'audience-wrong-path'],
    ['aud for another project', { ...good, aud: `https://tiledesk.com/projects/${OTHER_PROJECT_ID}` }, 'audience-other-project'],
  ])('reports %s', async (_label, claims, code) => {
    expect(codes(await explainTiledeskToken(sign(claims), options))).toEqual([code]);
  });

  it('ignores the aud host, as Tiledesk does', async () => {
    const result = await explainTiledeskToken(sign({ ...good, aud: `https://self-hosted.example/projects/${PROJECT_ID}` }), options);
    expect(result.ok).toBe(true);
  });

  it('reports an expired token, without clock tolerance', async () => {
    const now = Date.now();
    const { token, expiresAt } = await mintTiledeskToken({ ...options, user: { id: 'a', email: 'a@b.co' }, expiresIn: 60, now });
    expect((await explainTiledeskToken(token, { ...options, now: expiresAt - 1000 })).ok).toBe(true);
    const result = await explainTiledeskToken(token, { ...options, now: expiresAt });
    expect(codes(result)).toEqual(['expired']);
  });

  it('reports a token not valid yet (nbf in the future)', async () => {
    const jwt = await new SignJWT(good)
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime('10m')
      .setNotBefore('5m')
      .sign(new TextEncoder().encode(SECRET));
    expect(codes(await explainTiledeskToken(`JWT ${jwt}`, options))).toEqual(['not-yet-valid']);
  });

  it('warns about a token without exp', async () => {
    const jwt = jsonwebtoken.sign(good, SECRET);
    const result = await explainTiledeskToken(`JWT ${jwt}`, options);
    expect(result.ok).toBe(true);
    expect(codes(result)).toEqual(['no-expiry']);
  });

  it.each([
    ['no _id', { ...good, _id: undefined }, 'id-missing', false],
    ['_id without the project prefix', { ...good, _id: 'ada' }, 'id-not-prefixed', true],
    ['sub not userexternal', { ...good, sub: 'user' }, 'subject-not-userexternal', false],
    ['a role', { ...good, role: 'owner' }, 'role-present', false],
  ])('reports %s', async (_label, claims, code, ok) => {
    const result = await explainTiledeskToken(sign(claims), options);
    expect(codes(result)).toEqual([code]);
    expect(result.ok).toBe(ok);
  });

  it('lists several problems at once', async () => {
    const result = await explainTiledeskToken(
      `Bearer ${jsonwebtoken.sign({ role: 'agent' }, 'wrong-secret-long-enough', { expiresIn: 60 })}`,
      options,
    );
    expect(codes(result)).toEqual(
      expect.arrayContaining([
        'wrong-scheme',
        'audience-missing',
        'bad-signature',
        'id-missing',
        'subject-not-userexternal',
        'role-present',
      ]),
    );
  });

  it('never repeats the token or the secret in its messages', async () => {
    const token = sign({ ...good, role: 'owner', aud: undefined }, 'wrong-secret-long-enough');
    const text = JSON.stringify((await explainTiledeskToken(token, options)).problems);
    expect(text).not.toContain(token.slice(4));
    expect(text).not.toContain(SECRET);
  });

  it('throws a typed error for a bad clock value instead of judging an expired token valid', async () => {
    const { token } = await mintTiledeskToken({ ...options, user: { id: 'a', email: 'a@b.co' }, expiresIn: 60, now: 0 });
    await expect(explainTiledeskToken(token, { ...options, now: Number.NaN })).rejects.toMatchObject({
      code: 'invalid-now',
      field: 'options.now',
    });
  });

  it('throws a typed error for a bad project id or secret', async () => {
    await expect(explainTiledeskToken('JWT x', { projectId: 'x', secret: SECRET })).rejects.toBeInstanceOf(TiledeskTokenError);
    await expect(explainTiledeskToken('JWT x', { projectId: PROJECT_ID, secret: '' })).rejects.toMatchObject({
      code: 'invalid-secret',
      field: 'options.secret',
    });
  });
});
