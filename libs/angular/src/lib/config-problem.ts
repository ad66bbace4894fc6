import { TiledeskAuthError } from '@tiledesk-auth/core';
import type { TiledeskConfig } from './tiledesk-config';

/**
 * What is wrong with the options only the Angular adapter reads (`autoSignIn`), or with a config
 * that is not an object, as a `TiledeskAuthError('invalid-options')`; `undefined` when nothing is.
 * The core checks every other option (`projectId`, `getToken`, ...) by its own rule, on the server
 * and in the browser alike. Never thrown: the service turns it into the state `error`.
 *
 * @example
 * ```ts
 * configProblem({ projectId, autoSignIn: true })?.message; // 'provideTiledesk(): autoSignIn needs getToken, got true.'
 * ```
 */
export function configProblem(config: unknown): TiledeskAuthError | undefined {
  if (typeof config !== 'object' || config === null) return problem('config must be an object', config);
  const { autoSignIn, getToken } = config as Partial<TiledeskConfig>;
  if (autoSignIn !== undefined && typeof autoSignIn !== 'boolean') return problem('autoSignIn must be a boolean', autoSignIn);
  if (autoSignIn === true && !getToken) return problem('autoSignIn needs getToken', true);
  return undefined;
}

function problem(what: string, got: unknown): TiledeskAuthError {
  const shown = typeof got === 'string' ? `"${got}"` : got === null || typeof got !== 'object' ? String(got) : 'an object';
  return new TiledeskAuthError('invalid-options', `provideTiledesk(): ${what}, got ${shown}.`);
}
