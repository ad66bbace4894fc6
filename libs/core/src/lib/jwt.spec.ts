import { mintVisitorToken } from '@tiledesk-auth/testing/client';
import { parseToken, readPayload } from './jwt.js';
import { TiledeskAuthError } from './tiledesk-auth-error.js';

const PID = '65f0c0ffee0123456789abcd';
const AUD = 'https://tiledesk.com/projects/' + PID;
const SECRET = 'a3b1c2d4-0000-4000-8000-000000000000';
const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
const fake = (payload: object) => b64({ alg: 'HS256' }) + '.' + b64(payload) + '.c2ln';

const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof TiledeskAuthError ? e.code + ': ' + e.message : 'not a TiledeskAuthError';
  }
  return 'did not throw';
};

describe('parseToken', () => {
  it('accepts "JWT <jwt>" and sends it back verbatim', async () => {
    const token = await mintVisitorToken(PID, SECRET, {
      userId: 'ada',
      expiresInSeconds: 600,
      claims: { email: 'ada@example.com', firstname: 'Ada', lastname: 'Lovelace' },
    });
    const parsed = parseToken(token, PID);
    expect(parsed.header).toBe(token);
    expect(parsed.user).toEqual({
      id: PID + '_ada',
      email: 'ada@example.com',
      firstname: 'Ada',
      lastname: 'Lovelace',
      fullName: 'Ada Lovelace',
    });
    expect(parsed.exp).toBe(readPayload(token)?.['exp']);
    expect(Object.isFrozen(parsed.user)).toBe(true);
  });

  it('adds the "JWT " prefix to a bare JWT and trims a trailing newline', async () => {
    const token = await mintVisitorToken(PID, SECRET, { userId: 'ada' });
    expect(parseToken(token.slice(4) + '\n', PID).header).toBe(token);
  });

  it('keeps only string user fields and prefers a fullName claim', () => {
    const raw = fake({ _id: PID + '_x', sub: 'userexternal', aud: AUD, fullName: 'Dr X', email: 42 });
    expect(parseToken(raw, PID).user).toEqual({ id: PID + '_x', fullName: 'Dr X' });
    expect(parseToken(raw, PID).exp).toBeUndefined();
  });

  it('decodes UTF-8 names', () => {
    const raw = fake({ _id: 'é', sub: 'userexternal', aud: 'https://tiledesk.com/projects/' + PID, firstname: 'Zoë', lastname: '渡辺' });
    expect(parseToken(raw, PID).user.fullName).toBe('Zoë 渡辺');
  });

  it.each([
    ['a number', 42, 'must be a JWT'],
    ['an empty string', '', 'must be a JWT'],
    ['a Bearer token', 'Bearer a.b.c', 'must be a JWT'],
    ['a lower-case scheme', 'jwt a.b.c', 'must be a JWT'],
    ['two spaces', 'JWT  a.b.c', 'must be a JWT'],
    ['two segments', 'a.b', 'must be a JWT'],
    ['a non-JSON payload', 'a.bm90IGpzb24.c', 'has no "_id" (or its payload is not base64url JSON)'],
    ['a JSON array payload', 'a.' + b64([1]) + '.c', 'has no "_id" (or its payload'],
  ])('rejects %s', (_, raw, why) => {
    expect(code(() => parseToken(raw, PID))).toContain('invalid-token: Token ' + why);
  });

  it.each([
    ['no _id', { sub: 'userexternal', aud: AUD }, '"_id"'],
    ['a wrong sub', { _id: 'x', sub: 'user', aud: AUD }, '"sub"'],
    ['a role', { _id: 'x', sub: 'userexternal', aud: AUD, role: 'agent' }, '"role"'],
    ['no aud', { _id: 'x', sub: 'userexternal' }, '"aud"'],
    ['another project', { _id: 'x', sub: 'userexternal', aud: 'https://tiledesk.com/projects/65f0c0ffee0123456789abce' }, '"aud"'],
    ['a past exp', { _id: 'x', sub: 'userexternal', aud: AUD, exp: 1 }, 'expired'],
    // Tiledesk parses aud as a URL (500 when it is not one) and reads the project from its path's
    // first two segments (any other path: the global secret, a 401).
    ['an aud that is not a URL', { _id: 'x', sub: 'userexternal', aud: '/projects/' + PID }, '"aud"'],
    [
      'an aud whose path does not start with /projects/',
      { _id: 'x', sub: 'userexternal', aud: 'https://tiledesk.com/api/projects/' + PID },
      '"aud"',
    ],
  ])('rejects a payload with %s, naming the claim', (_, payload, claim) => {
    expect(code(() => parseToken(fake(payload), PID))).toMatch(new RegExp('^invalid-token: .*' + claim));
  });

  it('accepts any host and extra path segments after /projects/<id>, as Tiledesk does', () => {
    for (const aud of [
      'https://self-hosted.example/projects/' + PID,
      'https://tiledesk.com/projects/' + PID + '/extra',
      ['https://tiledesk.com/projects/' + PID],
    ]) {
      expect(parseToken(fake({ _id: PID + '_x', sub: 'userexternal', aud }), PID).user.id).toBe(PID + '_x');
    }
  });
});

describe('readPayload', () => {
  it('returns undefined for anything that is not a JWT', () => {
    expect(readPayload('nope')).toBeUndefined();
    expect(readPayload('JWT a.@@.c')).toBeUndefined();
  });
});
