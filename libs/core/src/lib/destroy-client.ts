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
  if (c.dead) return;
  c.dead = true;
  const e = fail('destroyed', 'Client destroyed');
  c.ops.cancel(e);
  c.settle[1](e);
  stopRefresh(c);
  c.offs.forEach((f) => f());
  c.store.clear();
  if (c.pg && !--c.pg.n) {
    call(c.pg, 'close');
    call(c.pg, 'hide');
  }
}
