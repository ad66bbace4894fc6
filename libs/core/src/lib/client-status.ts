import type { TiledeskAuthStatus, TiledeskUser } from './auth-state.js';
import type { ClientContext } from './client-context.js';
import { applyVisibility, wantedVisibility } from './launcher-visibility.js';
import type { TiledeskAuthError } from './tiledesk-auth-error.js';

/**
 * The current status.
 *
 * @example
 * ```ts
 * if (status(c) === 'signed-in') openPanel(c);
 * ```
 */
export const status = (c: ClientContext): TiledeskAuthStatus => c.store.get().status;

/**
 * Moves to a new state and, when the status changed on a booted widget, applies the visibility policy.
 *
 * @example
 * ```ts
 * setStatus(c, 'error', null, fail('timeout', 'No boot'));
 * ```
 */
export function setStatus(c: ClientContext, next: TiledeskAuthStatus, user?: TiledeskUser | null, error?: TiledeskAuthError | null): void {
  const was = status(c);
  c.store.set(next, user, error);
  if (next !== was && c.page?.booted) applyVisibility(c, wantedVisibility(c));
}
