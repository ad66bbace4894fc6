import type { ClientContext } from './client-context.js';
import { noop } from './fail.js';
import { stub, widgetWindow } from './load-widget.js';
import { within } from './within.js';

/**
 * Calls widget method `name`: on `window.tiledesk` once booted, else through the stub's queue (the
 * widget runs queued calls when it drains it). Returns what the widget returned.
 *
 * @example
 * ```ts
 * call(c, 'setAttributeParameter', { key: 'plan', value: 'pro' });
 * ```
 */
export function call(c: ClientContext, name: string, arg?: unknown): unknown {
  const w = widgetWindow();
  const t = w.tiledesk;
  if (c.pg?.up && t && typeof t[name] === 'function') return (t[name] as (a: unknown) => unknown).call(t, arg);
  return stub(w)(name, arg);
}

/**
 * Calls a widget method that returns a foreign-realm thenable, as a real Promise. Marks it as the
 * call in flight (bounded by `loadTimeoutMs`, so the next operation cannot hang waiting for it).
 *
 * @example
 * ```ts
 * await widgetCall(c, 'signInWithCustomToken', 'JWT eyJ...');
 * ```
 */
export function widgetCall(c: ClientContext, name: string, arg?: unknown): Promise<unknown> {
  const p = Promise.resolve(call(c, name, arg));
  c.busy = within(p, c.o.loadTimeoutMs).catch(noop);
  return p;
}
