import { stub, widgetWindow, type WidgetPage } from './load-widget.js';

/**
 * The widget methods core calls, so that a misspelt name (`'signInWithCustomTokn'`) does not compile.
 *
 * @example
 * ```ts
 * const method: WidgetMethod = 'setAttributeParameter';
 * ```
 */
export type WidgetMethod =
  'signInWithCustomToken' | 'logout' | 'setParameter' | 'setAttributeParameter' | 'show' | 'hide' | 'open' | 'close';

/**
 * Calls widget method `method`: on `window.tiledesk` once `page` has booted, else through the stub's
 * queue (the widget runs queued calls when it drains it). Returns what the widget returned.
 *
 * @example
 * ```ts
 * call(context.page, 'setAttributeParameter', { key: 'plan', value: 'pro' });
 * ```
 */
export function call(page: WidgetPage | undefined, method: WidgetMethod, arg?: unknown): unknown {
  const host = widgetWindow();
  const widget = host.tiledesk;
  if (page?.booted && widget && typeof widget[method] === 'function')
    return (widget[method] as (arg: unknown) => unknown).call(widget, arg);
  return stub(host)(method, arg);
}
