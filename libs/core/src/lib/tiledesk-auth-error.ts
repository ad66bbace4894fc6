/**
 * Why an operation failed, as a stable string you can switch on.
 *
 * @example
 * ```ts
 * if (error.code === 'token-fetch-failed') showRetryButton();
 * ```
 */
export type TiledeskAuthErrorCode =
  /** An option passed to `createTiledesk()` is missing or malformed. */
  | 'invalid-options'
  /** The token is not a JWT (or `"JWT <jwt>"`); nothing was sent. */
  | 'invalid-token'
  /**
   * `getToken()` threw or rejected, or gave something that is neither a string nor `null`. When
   * what it threw carries an HTTP status (`status`, or `response.status`), the error's `status` has it.
   */
  | 'token-fetch-failed'
  /** Tiledesk refused the token (HTTP 401/403). */
  | 'token-rejected'
  /** The widget script could not be loaded. */
  | 'script-load-failed'
  /** The widget did not answer in time. */
  | 'timeout'
  /** Another client already owns the page for a different project. */
  | 'project-mismatch'
  /** A later `signIn()`/`signOut()` replaced this one. */
  | 'superseded'
  /** The client was destroyed while the operation was under way. */
  | 'destroyed'
  /** Called where there is no browser (server-side rendering). */
  | 'not-in-browser'
  /** A React hook or Angular service was used without its provider (thrown by the adapters). */
  | 'missing-provider';

/**
 * The one error type every `@tiledesk-auth/*` package throws or puts into state. Switch on `code`:
 * the `message` is a sentence naming the problem in the packages' development builds, and the
 * code itself in their production builds.
 *
 * @example
 * ```ts
 * try { await client.signIn(); } catch (e) {
 *   if (e instanceof TiledeskAuthError && e.code === 'token-rejected') location.href = '/login';
 * }
 * ```
 */
export class TiledeskAuthError extends Error {
  override readonly name = 'TiledeskAuthError';
  /** The HTTP status of the failed request, when there was one (`token-fetch-failed`). */
  readonly status?: number;

  constructor(
    readonly code: TiledeskAuthErrorCode,
    message: string,
    options?: { cause?: unknown; status?: number },
  ) {
    super(message, options);
    if (options?.status !== undefined) this.status = options.status;
  }
}
