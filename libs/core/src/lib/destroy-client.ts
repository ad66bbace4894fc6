import type { ClientContext } from './client-context.js';
import { fail } from './fail.js';
import { stopRefresh } from './token-refresh.js';
import { call } from './widget-call.js';
import { devMode } from './dev-mode.js';

/**
 * The client's `destroy()`: idempotent; rejects what is pending and `ready` with `destroyed`, stops the
 * refresh, removes the client's listeners. The script cannot be unloaded: the last client out hides
 * the widget (a later client reuses it).
 *
 * @example
 * ```ts
 * destroyClient(context);
 * ```
 */
export function destroyClient(context: ClientContext): void {
  if (context.disabled) return;
  context.disabled = true;
  const e = fail('destroyed', devMode && 'Client destroyed');
  context.operations.cancel(e);
  context.settleReady[1](e);
  stopRefresh(context);
  context.cleanups.forEach((f) => f());
  context.store.clear();
  if (context.page && !--context.page.clients) {
    call(context.page, 'close');
    call(context.page, 'hide');
  }
}
