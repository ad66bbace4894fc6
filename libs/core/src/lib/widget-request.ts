import type { ClientContext } from './client-context.js';
import { noop } from './fail.js';
import { call, type WidgetMethod } from './widget-call.js';
import { within } from './within.js';

/**
 * Calls a widget method that returns a foreign-realm thenable, as a real Promise. Marks it as the
 * call in flight (bounded by `loadTimeoutMs`, so the next operation cannot hang waiting for it).
 *
 * @example
 * ```ts
 * await widgetCall(c, 'signInWithCustomToken', 'JWT eyJ...');
 * ```
 */
export function widgetCall(c: ClientContext, method: WidgetMethod, arg?: unknown): Promise<unknown> {
  const p = Promise.resolve(call(c.page, method, arg));
  c.callInFlight = within(p, c.options.loadTimeoutMs).catch(noop);
  return p;
}
