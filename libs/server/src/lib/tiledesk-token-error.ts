/**
 * Why a token could not be minted or a handler not created, as a stable string.
 *
 * @example
 * ```ts
 * if (error.code === 'invalid-email') return badRequest('fix the e-mail');
 * ```
 */
export type TiledeskTokenErrorCode =
  /** `projectId` is not 24 hexadecimal characters. */
  | 'invalid-project-id'
  /** `secret` is missing, not a string or shorter than 16 characters. */
  | 'invalid-secret'
  /** `user` is missing or not an object. */
  | 'invalid-user'
  /** `user.id` is missing, empty or not a string / safe integer. */
  | 'invalid-user-id'
  /** `user.email` is not a plausible e-mail address. */
  | 'invalid-email'
  /** `user.firstname` / `user.lastname` is not a non-empty string. */
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
  /** A handler option other than the token's inputs is wrong (e.g. `getUser` is not a function). */
  | 'invalid-handler-options'
  /** Neither node:crypto nor Web Crypto is available, or a sync call was made without node:crypto. */
  | 'crypto-unavailable';

/**
 * The error every function of `@tiledesk-auth/server` throws for bad input. Thrown before
 * anything is signed. Its message names the field; it never contains the secret.
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
