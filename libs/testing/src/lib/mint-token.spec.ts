/**
 * @jest-environment node
 */
import { decodeProtectedHeader, jwtVerify } from 'jose';
import { EmulatorError } from './emulator-error';
import { mintVisitorToken } from './mint-token';

const secret = '5d0f3c7e-2b1a-4c9d-8e7f-6a5b4c3d2e1f';
const key = new TextEncoder().encode(secret);

describe('mintVisitorToken (node:crypto HMAC, checked by jose as the emulator checks it)', () => {
  it.each(['HS256', 'HS384', 'HS512'] as const)('signs a %s token jose verifies with the same secret', async (algorithm) => {
    const jwt = (await mintVisitorToken('p1', secret, { userId: 'ada', algorithm, expiresInSeconds: 60 })).slice('JWT '.length);
    const { payload } = await jwtVerify(jwt, key, { algorithms: [algorithm] });
    expect(decodeProtectedHeader(jwt)).toEqual({ alg: algorithm, typ: 'JWT' });
    expect(payload).toMatchObject({
      _id: 'p1_ada',
      sub: 'userexternal',
      aud: 'https://tiledesk.com/projects/p1',
      email: 'ada@example.test',
    });
    expect(payload.exp).toBe((payload.iat ?? 0) + 60);
  });

  it('answers "JWT <jwt>" whose signature fails under another secret', async () => {
    const token = await mintVisitorToken('p1', secret);
    expect(token.startsWith('JWT ')).toBe(true);
    await expect(jwtVerify(token.slice('JWT '.length), new TextEncoder().encode('another-secret'))).rejects.toThrow(/signature/);
  });

  it('leaves out a claim set to undefined and refuses an unknown algorithm', async () => {
    const jwt = (await mintVisitorToken('p1', secret, { claims: { _id: undefined } })).slice('JWT '.length);
    expect((await jwtVerify(jwt, key)).payload).not.toHaveProperty('_id');
    await expect(mintVisitorToken('p1', secret, { algorithm: 'RS256' as 'HS256' })).rejects.toBeInstanceOf(EmulatorError);
  });
});
