import type { DevText } from './dev-mode.js';
import { TiledeskAuthError, type TiledeskAuthErrorCode } from './tiledesk-auth-error.js';

/**
 * Builds a {@link TiledeskAuthError}. A function rather than `new` at every call site keeps the
 * bundle small. The production build passes no sentence (`devMode && ...` is `false` there): the
 * message is then the code itself, the code, cause and status are the same as in development.
 *
 * @example
 * ```ts
 * throw fail('invalid-token', devMode && 'Token has no "_id".');
 * ```
 */
export const fail = (code: TiledeskAuthErrorCode, message: DevText, cause?: unknown, status?: number): TiledeskAuthError =>
  new TiledeskAuthError(code, message || code, cause === undefined ? undefined : { cause, status });

/**
 * Throws `invalid-options` with `message` unless `ok` is truthy: the check of a method argument.
 *
 * @example
 * ```ts
 * mustBe(typeof handler === 'function', devMode && 'on(): handler must be a function');
 * ```
 */
export const mustBe = (ok: unknown, message: DevText): void => {
  if (!ok) throw fail('invalid-options', message);
};

/**
 * Does nothing; used to mark promises as handled and as the SSR stand-in for methods.
 *
 * @example
 * ```ts
 * promise.catch(noop);
 * ```
 */
export const noop = (): void => undefined;
