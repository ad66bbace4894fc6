import { EmulatorError } from './emulator-error';
import type { MintTokenOptions } from './types';

const ALGORITHMS = ['HS256', 'HS384', 'HS512'] as const;

/**
 * Signs a visitor token shaped as the Tiledesk docs specify (`_id`, `sub`, `aud`, `email`) and returns it as
 * the widget wants it: `"JWT <jwt>"`. Claims in `options.claims` override the defaults; a claim set
 * to `undefined` is left out (to test a missing `_id`, say).
 *
 * @example
 * ```ts
 * const token = await mintVisitorToken('p1', secret, { userId: 'ada', expiresInSeconds: 300 });
 * ```
 */
export async function mintVisitorToken(projectId: string, secret: string, options: MintTokenOptions = {}): Promise<string> {
  const userId = options.userId ?? 'visitor';
  const algorithm = options.algorithm ?? 'HS256';
  if (!ALGORITHMS.includes(algorithm)) {
    throw new EmulatorError('invalid-argument', `algorithm must be one of ${ALGORITHMS.join(', ')}; got ${JSON.stringify(algorithm)}`);
  }
  if (options.expiresInSeconds !== undefined && !Number.isFinite(options.expiresInSeconds)) {
    throw new EmulatorError('invalid-argument', `expiresInSeconds must be a finite number; got ${JSON.stringify(options.expiresInSeconds)}`);
  }
  if (options.claims !== undefined && (typeof options.claims !== 'object' || options.claims === null || Array.isArray(options.claims))) {
    throw new EmulatorError('invalid-argument', 'claims must be an object');
  }
  const now = Math.floor(Date.now() / 1000);
  const payload: Record<string, unknown> = {
    _id: `${projectId}_${userId}`,
    sub: 'userexternal',
    aud: `https://tiledesk.com/projects/${projectId}`,
    email: `${userId}@example.test`,
    firstname: userId,
    lastname: 'Visitor',
    iat: now,
    ...(options.expiresInSeconds === undefined ? {} : { exp: now + Math.round(options.expiresInSeconds) }),
    ...options.claims,
  };
  for (const key of Object.keys(payload)) if (payload[key] === undefined) delete payload[key];
  // Loaded on first use, not with the entry point: `@tiledesk-auth/testing/client` re-exports this
  // function, and a Jest suite that never mints must not need jose (an ES module) transformed.
  const { SignJWT } = await import('jose');
  const jwt = await new SignJWT(payload).setProtectedHeader({ alg: algorithm, typ: 'JWT' }).sign(
    // Copied into this realm's Uint8Array: under Jest's jsdom, Node's TextEncoder returns arrays of
    // another realm, which jose's `instanceof Uint8Array` check refuses.
    Uint8Array.from(new TextEncoder().encode(secret)),
  );
  return `JWT ${jwt}`;
}
