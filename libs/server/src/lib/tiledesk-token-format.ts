/**
 * The shape of the token the Tiledesk server accepts (docs/widget-protocol.md, the visitor token), as plain data.
 *
 * Duplicated on purpose instead of imported from `@tiledesk-auth/core`: the server package must
 * not depend on browser code. `tiledesk-token-format.spec.ts` pins every value.
 */

/**
 * Scheme the widget sends verbatim in `Authorization`; exactly one space follows it.
 *
 * @example
 * ```ts
 * const header = `${TILEDESK_TOKEN_SCHEME} ${jwt}`; // "JWT eyJ..."
 * ```
 */
export const TILEDESK_TOKEN_SCHEME = 'JWT';

/**
 * The `sub` every visitor token carries; later widget calls dispatch on it.
 *
 * @example
 * ```ts
 * if (claims.sub !== TILEDESK_VISITOR_SUBJECT) console.warn('not a visitor token');
 * ```
 */
export const TILEDESK_VISITOR_SUBJECT = 'userexternal';

/**
 * Prefix of `aud`; the server reads the project id from the URL path, host ignored.
 *
 * @example
 * ```ts
 * const aud = `${TILEDESK_AUDIENCE_PREFIX}${projectId}`;
 * ```
 */
export const TILEDESK_AUDIENCE_PREFIX = 'https://tiledesk.com/projects/';

/**
 * Claims that only the minting code sets. `role` is here because any Tiledesk role sends the
 * token down a privileged-user path on the server.
 *
 * @example
 * ```ts
 * RESERVED_CLAIMS.includes('role'); // true
 * ```
 */
export const RESERVED_CLAIMS: readonly string[] = Object.freeze(['role', 'sub', 'aud', '_id', 'exp', 'iat', 'nbf']);

/**
 * Signing algorithms the Tiledesk server accepts.
 *
 * @example
 * ```ts
 * ACCEPTED_ALGORITHMS.includes(header.alg);
 * ```
 */
export const ACCEPTED_ALGORITHMS: readonly string[] = Object.freeze(['HS256', 'HS384', 'HS512']);

/**
 * Default token lifetime in seconds (10 minutes): short, because the host re-signs on each load.
 *
 * @example
 * ```ts
 * mintTiledeskToken({ projectId, secret, user, expiresIn: DEFAULT_EXPIRES_IN_SECONDS });
 * ```
 */
export const DEFAULT_EXPIRES_IN_SECONDS = 600;

/**
 * Longest lifetime a minted token may have, in seconds (24 hours).
 *
 * @example
 * ```ts
 * const expiresIn = Math.min(requested, MAX_EXPIRES_IN_SECONDS);
 * ```
 */
export const MAX_EXPIRES_IN_SECONDS = 86_400;

/**
 * Shortest shared secret accepted. Tiledesk's own are 36-character UUIDs; anything under 16
 * characters is too weak for HS256 and is almost always a configuration mistake.
 *
 * @example
 * ```ts
 * if (secret.length < MIN_SECRET_LENGTH) throw new Error('secret too short');
 * ```
 */
export const MIN_SECRET_LENGTH = 16;

/**
 * A Tiledesk project id: a MongoDB ObjectId, 24 hexadecimal characters.
 *
 * @example
 * ```ts
 * PROJECT_ID_PATTERN.test('65f0c0ffee0123456789abcd'); // true
 * ```
 */
export const PROJECT_ID_PATTERN = /^[0-9a-fA-F]{24}$/;
