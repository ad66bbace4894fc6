import type { TiledeskAuthStatus, TiledeskUser } from './auth-state.js';
import type { ClientContext } from './client-context.js';
import { applyVisibility, wantedVisibility } from './launcher-visibility.js';
import type { TiledeskAuthError } from './tiledesk-auth-error.js';

/**
 * The current status.
 *
 * @example
 * ```ts
 * if (status(context) === 'signed-in') openPanel(context);
 * ```
 */
export const status = (context: ClientContext): TiledeskAuthStatus => context.store.get().status;

/**
 * Moves to a new state and, when the status changed on a booted widget, applies the visibility policy.
 *
 * @example
 * ```ts
 * setStatus(context, 'error', null, fail('timeout', 'No boot'));
 * ```
 */
export function setStatus(
  context: ClientContext,
  next: TiledeskAuthStatus,
  user?: TiledeskUser | null,
  error?: TiledeskAuthError | null,
): void {
  const was = status(context);
  context.store.set(next, user, error);
  if (next !== was && context.page?.booted) applyVisibility(context, wantedVisibility(context));
}
