// Imported, not the global: jest's jsdom environment may not define Buffer.
import { Buffer } from 'node:buffer';
import { createHmac } from 'node:crypto';
import { EmulatorError } from './emulator-error';
import type { MintTokenOptions } from './types';

const ALGORITHMS = ['HS256', 'HS384', 'HS512'] as const;

// The HMAC behind each JWS algorithm name. Signing a test token needs nothing more, so the
// `@tiledesk-auth/testing/client` entry (which re-exports this function) stays free of jose, an ES
// module that a user's CommonJS Jest suite cannot require. The emulator still verifies with jose.
const HMAC_DIGESTS: Record<(typeof ALGORITHMS)[number], string> = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' };

function base64Url(bytes: string | Buffer): string {
  return Buffer.from(bytes).toString('base64url');
}

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
    throw new EmulatorError(
      'invalid-argument',
      `expiresInSeconds must be a finite number; got ${JSON.stringify(options.expiresInSeconds)}`,
    );
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
  const signingInput = `${base64Url(JSON.stringify({ alg: algorithm, typ: 'JWT' }))}.${base64Url(JSON.stringify(payload))}`;
  const signature = createHmac(HMAC_DIGESTS[algorithm], secret).update(signingInput).digest();
  const jwt = `${signingInput}.${base64Url(signature)}`;
  return `JWT ${jwt}`;
}
