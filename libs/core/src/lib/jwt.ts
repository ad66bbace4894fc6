import type { TiledeskUser } from './auth-state.js';
import { devMode } from './dev-mode.js';
import { fail } from './fail.js';

/**
 * A token that passed the client-side shape checks (never verified: only the server holds the secret).
 *
 * @example
 * ```ts
 * const { header, user, exp } = parseToken(rawToken, projectId);
 * ```
 */
export interface ParsedToken {
  /** Exactly what the widget must send: `"JWT <jwt>"`. */
  readonly header: string;
  /** The visitor, from the payload. */
  readonly user: TiledeskUser;
  /** `exp` claim in epoch seconds, if any. */
  readonly exp?: number;
}

const SHAPE = /^(?:JWT )?([\w-]+\.([\w-]+)\.[\w-]+)$/;
const NAMES = ['email', 'firstname', 'lastname', 'fullName'] as const;

/**
 * Decodes the payload of a JWT (with or without the `JWT ` prefix) without verifying it.
 * Returns `undefined` when it is not a JWT with a JSON object payload.
 *
 * @example
 * ```ts
 * const exp = readPayload(stored)?.['exp'];
 * ```
 */
export function readPayload(token: string): Record<string, unknown> | undefined {
  try {
    // atob yields one char per byte: back to bytes, then UTF-8 (names need not be ASCII).
    const bytes = Uint8Array.from(atob((SHAPE.exec(token)?.[2] ?? '').replace(/-/g, '+').replace(/_/g, '/')), (char) => char.charCodeAt(0));
    const payload: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return payload && typeof payload === 'object' && !Array.isArray(payload) ? (payload as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const audPath = (aud: unknown): string[] => {
  try {
    return new URL(aud as string).pathname.split('/');
  } catch {
    return [];
  }
};

/**
 * Checks a token's shape and claims before anything is sent, and reads the visitor from it.
 * Accepts a bare JWT or `"JWT <jwt>"`; surrounding whitespace (a trailing newline from a server) is dropped.
 *
 * @throws TiledeskAuthError `invalid-token`, naming what is wrong.
 * @example
 * ```ts
 * parseToken('eyJ...', '65f0c0ffee0123456789abcd').header; // 'JWT eyJ...'
 * ```
 */
export function parseToken(raw: unknown, projectId: string): ParsedToken {
  const token = typeof raw === 'string' ? raw.trim() : '';
  const payload = readPayload(token) ?? {};
  const { _id: id, exp, aud } = payload;
  const expired = typeof exp === 'number' && exp <= Date.now() / 1000;
  const [, audRoot, audProject] = audPath(aud);
  // The first problem found, in the order a developer would fix them; production keeps the checks
  // and drops their sentences.
  const problem = (
    [
      [!SHAPE.test(token), devMode && 'must be a JWT or "JWT <jwt>" (upper case, one space)'],
      [!id || typeof id !== 'string', devMode && 'has no "_id" (or its payload is not base64url JSON)'],
      [payload['sub'] !== 'userexternal', devMode && '"sub" must be "userexternal"'],
      ['role' in payload, devMode && 'must not carry "role" (a visitor token)'],
      // Tiledesk picks the signing key from the unverified aud's URL path (first two segments);
      // an aud that is not a URL is a 500 there, any other path a 401.
      [audProject !== projectId || audRoot !== 'projects', devMode && '"aud" must be a URL with the path /projects/' + projectId],
      [expired, devMode && 'has expired ("exp" is past)'],
    ] as const
  ).find(([bad]) => bad);
  if (problem) throw fail('invalid-token', devMode && 'Token ' + problem[1] + '.');
  const user: Record<string, string> = { id: id as string };
  for (const name of NAMES) if (typeof payload[name] === 'string') user[name] = payload[name] as string;
  const full = user['fullName'] || [user['firstname'], user['lastname']].filter(Boolean).join(' ');
  if (full) user['fullName'] = full;
  return {
    header: token.replace(/^(JWT )?/, 'JWT '),
    user: Object.freeze(user) as unknown as TiledeskUser,
    exp: typeof exp === 'number' ? exp : undefined,
  };
}
