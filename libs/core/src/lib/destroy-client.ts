import type { ClientContext } from './client-context.js';
import { fail } from './fail.js';
import { stopRefresh } from './token-refresh.js';
import { call } from './widget-call.js';

/**
 * The client's `destroy()`: idempotent; rejects what is pending and `ready` with `destroyed`, stops the
 * refresh, removes the client's listeners. The script cannot be unloaded: the last client out hides
 * the widget (a later client reuses it).
 *
 * @example
 * ```ts
 * destroyClient(c);
 * ```
 */
export function destroyClient(c: ClientContext): void {
  if (c.inert) return;
  c.inert = true;
  const e = fail('destroyed', 'Client destroyed');
  c.operations.cancel(e);
  c.settleReady[1](e);
  stopRefresh(c);
  c.cleanups.forEach((f) => f());
  c.store.clear();
  if (c.page && !--c.page.clients) {
    call(c.page, 'close');
    call(c.page, 'hide');
  }
}
