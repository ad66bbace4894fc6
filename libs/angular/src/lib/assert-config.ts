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
  const where = 'provideTiledesk(config)';
  if (typeof config !== 'object' || config === null) {
    throw new TiledeskAuthError('invalid-options', `${where}: config must be an object, got ${describe(config)}.`);
  }
  if (typeof config.projectId !== 'string' || config.projectId === '') {
    throw new TiledeskAuthError(
      'invalid-options',
      `${where}: projectId must be your Tiledesk project id, got ${describe(config.projectId)}.`,
    );
  }
  if (config.getToken !== undefined && typeof config.getToken !== 'function') {
    throw new TiledeskAuthError(
      'invalid-options',
      `${where}: getToken must be a function returning an Observable, a Promise or a string, got a ${config.getToken === null ? 'null' : typeof config.getToken}.`,
    );
  }
  if (config.autoSignIn !== undefined && typeof config.autoSignIn !== 'boolean') {
    throw new TiledeskAuthError('invalid-options', `${where}: autoSignIn must be a boolean, got ${describe(config.autoSignIn)}.`);
  }
  if (config.autoSignIn === true && config.getToken === undefined) {
    throw new TiledeskAuthError('invalid-options', `${where}: autoSignIn needs getToken to know where tokens come from.`);
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return `"${value}"`;
  return typeof value;
}
