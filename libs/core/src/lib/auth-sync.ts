import type { ClientContext } from './client-context.js';
import { setStatus, status } from './client-status.js';
import { listen } from './dom-events.js';
import { noop } from './fail.js';
import { stopRefresh } from './token-refresh.js';
import type { TiledeskAuthStateChangedDetail } from './widget-events.js';
import { call } from './widget-call.js';
import { clearWidgetStorage } from './widget-storage.js';

/**
 * Calls `fn` with the detail of every `onAuthStateChanged` (an empty object when it has none).
 *
 * @returns the unsubscribe.
 * @example
 * ```ts
 * const off = onAuth((d) => d.isLogged && done());
 * ```
 */
export const onAuth = (fn: (detail: Partial<TiledeskAuthStateChangedDetail>) => unknown): (() => void) =>
  listen('onAuthStateChanged', (d) => fn(d ?? {}));

/**
 * Follows the widget's level-triggered auth stream while no operation is deciding the state: repeated
 * `online`/`offline` change nothing, `isLogged` is trusted (never the stale `user_id`), and a sign-in
 * we gave up on that connects late is logged out again.
 *
 * @example
 * ```ts
 * onAuth((d) => syncAuth(context, d));
 * ```
 */
export function syncAuth(context: ClientContext, reported: Partial<TiledeskAuthStateChangedDetail>): void {
  if (context.operations.busy() || context.disabled || !context.page) return;
  const userId = reported.user_id;
  const { wantedUser } = context;
  if (reported.isLogged) {
    if (wantedUser === null && userId && context.sentUserIds.has(userId)) {
      Promise.resolve(call(context.page, 'logout')).catch(noop);
      clearWidgetStorage(context.options.projectId);
    } else if (!wantedUser || wantedUser.id === userId)
      setStatus(context, 'signed-in', wantedUser || (userId ? Object.freeze({ id: userId }) : null));
  } else if (status(context) === 'signed-in' || status(context) === 'loading') {
    stopRefresh(context);
    setStatus(context, 'signed-out');
  }
}
