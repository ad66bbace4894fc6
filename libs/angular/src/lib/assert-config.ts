import { TiledeskAuthError } from '@tiledesk-auth/core';
import type { TiledeskConfig } from './tiledesk-config';

/**
 * Rejects what only the Angular adapter adds (`autoSignIn`, a DI-aware `getToken`) with a
 * `TiledeskAuthError('invalid-options')` at provide time; the core checks the rest when the
 * client is created (in the browser).
 *
 * @example
 * ```ts
 * assertConfig({ projectId, autoSignIn: true }); // throws: autoSignIn needs getToken
 * ```
 */
export function assertConfig(config: TiledeskConfig): void {
  if (typeof config !== 'object' || config === null) {
    fail('config must be an object', config);
  }
  if (typeof config.projectId !== 'string' || config.projectId === '') {
    fail('projectId must be a non-empty string', config.projectId);
  }
  if (config.getToken !== undefined && typeof config.getToken !== 'function') {
    // Never echo getToken's value: a token passed here by mistake would end up in logs.
    fail('getToken must be a function', typeof config.getToken);
  }
  if (config.autoSignIn !== undefined && typeof config.autoSignIn !== 'boolean') {
    fail('autoSignIn must be a boolean', config.autoSignIn);
  }
  if (config.autoSignIn === true && !config.getToken) {
    fail('autoSignIn needs getToken', true);
  }
}

function fail(problem: string, got: unknown): never {
  const shown = typeof got === 'string' ? `"${got}"` : got === null || typeof got !== 'object' ? String(got) : 'an object';
  throw new TiledeskAuthError('invalid-options', `provideTiledesk(): ${problem}, got ${shown}.`);
}
