/**
 * Any value JSON can carry. `attributes` must be made of these.
 *
 * @example
 * ```ts
 * const plan: JsonValue = { tier: 'pro', seats: 3, trial: false };
 * ```
 */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * Your signed-in user, as the visitor Tiledesk should see.
 *
 * @example
 * ```ts
 * const user: TiledeskVisitor = { id: 'u-42', email: 'ada@example.com', firstname: 'Ada' };
 * ```
 */
export interface TiledeskVisitor {
  /**
   * Your stable user id. Becomes `_id = "<projectId>_<id>"`, always (see `userIdKind` for an id
   * that already is a full Tiledesk id). No control, zero-width or bidi characters.
   */
  id: string | number;
  /** Shown to agents; the Tiledesk docs expect it on every visitor. No control, zero-width or bidi characters. */
  email?: string;
  /** Shown to agents; control, zero-width and bidi characters are removed (not refused). */
  firstname?: string;
  /** Shown to agents; control, zero-width and bidi characters are removed (not refused). */
  lastname?: string;
  /** Free JSON shown to agents as the visitor's custom attributes (at most 4 KiB as JSON). */
  attributes?: { [key: string]: JsonValue };
}

/**
 * The claims of a minted visitor token, in the order they are written.
 *
 * @example
 * ```ts
 * const claims = decodeJwt(minted.jwt) as TiledeskVisitorClaims;
 * claims._id; // '65f0c0ffee0123456789abcd_u-42'
 * ```
 */
export interface TiledeskVisitorClaims {
  _id: string;
  sub: 'userexternal';
  aud: string;
  email?: string;
  firstname?: string;
  lastname?: string;
  attributes?: { [key: string]: JsonValue };
  /** Issued at, epoch seconds. */
  iat: number;
  /** Expires at, epoch seconds. */
  exp: number;
}
