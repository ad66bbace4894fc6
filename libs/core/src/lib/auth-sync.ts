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
 * onAuth((d) => syncAuth(c, d));
 * ```
 */
export function syncAuth(c: ClientContext, a: Partial<TiledeskAuthStateChangedDetail>): void {
  if (c.ops.busy() || c.dead || !c.pg) return;
  const id = a.user_id;
  const { me } = c;
  if (a.isLogged) {
    if (me === null && id && c.tried.has(id)) {
      Promise.resolve(call(c.pg, 'logout')).catch(noop);
      clearWidgetStorage(c.o.projectId);
    } else if (!me || me.id === id) setStatus(c, 'signed-in', me || (id ? Object.freeze({ id }) : null));
  } else if (status(c) === 'signed-in' || status(c) === 'loading') {
    stopRefresh(c);
    setStatus(c, 'signed-out');
  }
}
