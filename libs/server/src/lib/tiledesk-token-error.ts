/**
 * Why a token could not be minted or a handler not created, as a stable string.
 *
 * @example
 * ```ts
 * if (error.code === 'invalid-email') return badRequest('fix the e-mail');
 * ```
 */
export type TiledeskTokenErrorCode =
  /** The options are not a plain object, could not be read, or `userIdKind` is not one of its values. */
  | 'invalid-options'
  /** `projectId` is not 24 hexadecimal characters. */
  | 'invalid-project-id'
  /** `secret` is missing, not a string or shorter than 16 characters. */
  | 'invalid-secret'
  /** `user` is missing or not an object. */
  | 'invalid-user'
  /**
   * `user.id` is missing, empty, not a string / safe integer, holds a hidden or bidi character,
   * or already starts with `<projectId>_` while `userIdKind` is not `'tiledesk-id'`.
   */
  | 'invalid-user-id'
  /** `user.email` is not a plausible e-mail address (or holds a hidden or bidi character). */
  | 'invalid-email'
  /** `user.firstname` / `user.lastname` is not a non-empty string (once hidden characters are removed). */
  | 'invalid-name'
  /** `user.attributes` is not a JSON object (or is too large). */
  | 'invalid-attributes'
  /** `expiresIn` is not a whole number of seconds within the allowed range. */
  | 'invalid-expires-in'
  /** `now` is not a time in epoch milliseconds (a finite number, not negative). */
  | 'invalid-now'
  /** User data tries to set a claim only the minting code may set (`role`, `sub`, `aud`, ...). */
  | 'reserved-claim'
  /** An option or user field this library does not know (a typo, or an attempt to add claims). */
  | 'unknown-field'
  /** A handler option other than the token's inputs is wrong (e.g. `getUser` is not a function, an `allowedOrigins` entry is not an origin). */
  | 'invalid-handler-options'
  /** Neither node:crypto nor Web Crypto is available, or a sync call was made without node:crypto. */
  | 'crypto-unavailable';

/**
 * The error every function of `@tiledesk-auth/server` throws for bad input, including input
 * that fails while it is read (a throwing getter, a revoked Proxy). Thrown before anything is
 * signed. Its message names the field and describes the value it got, cut short and escaped;
 * it never contains the secret, nor any value shaped like one (a UUID).
 *
 * @example
 * ```ts
 * try {
 *   await mintTiledeskToken({ projectId, secret, user });
 * } catch (error) {
 *   if (error instanceof TiledeskTokenError) console.error(error.code, error.field);
 * }
 * ```
 */
export class TiledeskTokenError extends Error {
  override readonly name = 'TiledeskTokenError';

  constructor(
    readonly code: TiledeskTokenErrorCode,
    /** Path of the offending input, e.g. `user.email`. */
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}
