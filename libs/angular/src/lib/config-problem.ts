import { TiledeskAuthError } from '@tiledesk-auth/core';
import type { TiledeskConfig } from './tiledesk-config';

/**
 * What is wrong with the options only the Angular adapter reads (`autoSignIn`), or with a config
 * that is not an object, as a `TiledeskAuthError('invalid-options')`; `undefined` when nothing is.
 * The core checks every other option (`projectId`, `getToken`, ...) by its own rule, on the server
 * and in the browser alike. Never thrown: the service turns it into the state `error`. In a
 * production build (`ngDevMode` false) the message is the code alone, as core's are.
 *
 * @example
 * ```ts
 * configProblem({ projectId, autoSignIn: true })?.message; // 'provideTiledesk(): autoSignIn needs getToken, got true.'
 * ```
 */
export function configProblem(config: unknown): TiledeskAuthError | undefined {
  // Angular's convention: the CLI defines `ngDevMode` false in production builds, which drops the sentences.
  if (typeof config !== 'object' || config === null)
    return problem((typeof ngDevMode === 'undefined' || ngDevMode) && 'config must be an object', config);
  const { autoSignIn, getToken } = config as Partial<TiledeskConfig>;
  if (autoSignIn !== undefined && typeof autoSignIn !== 'boolean')
    return problem((typeof ngDevMode === 'undefined' || ngDevMode) && 'autoSignIn must be a boolean', autoSignIn);
  if (autoSignIn === true && !getToken)
    return problem((typeof ngDevMode === 'undefined' || ngDevMode) && 'autoSignIn needs getToken', true);
  return undefined;
}

/** The error for `what`, a sentence in development builds; in production ones the message is the code. */
function problem(what: unknown, got: unknown): TiledeskAuthError {
  // `ngDevMode` false (a production build): this returns, and the minifier drops the rest.
  if (typeof ngDevMode !== 'undefined' && !ngDevMode) return new TiledeskAuthError('invalid-options', 'invalid-options');
  const shown = typeof got === 'string' ? `"${got}"` : got === null || typeof got !== 'object' ? String(got) : 'an object';
  return new TiledeskAuthError('invalid-options', `provideTiledesk(): ${String(what)}, got ${shown}.`);
}
