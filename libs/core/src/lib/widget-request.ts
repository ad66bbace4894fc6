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
 * await widgetCall(context, 'signInWithCustomToken', 'JWT eyJ...');
 * ```
 */
export function widgetCall(context: ClientContext, method: WidgetMethod, arg?: unknown): Promise<unknown> {
  const p = Promise.resolve(call(context.page, method, arg));
  context.callInFlight = within(p, context.options.loadTimeoutMs).catch(noop);
  return p;
}
