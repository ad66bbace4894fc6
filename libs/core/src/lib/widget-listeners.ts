import type { ClientContext } from './client-context.js';
import { listen } from './dom-events.js';
import { mustBe, noop } from './fail.js';
import type { TiledeskEventHandler, TiledeskEventName } from './widget-events.js';
import { devMode } from './dev-mode.js';

/**
 * The client's `on()`: one shared capture listener per event name (works before boot, after boot and
 * across `reInit()`), a throwing handler reported to the logger without stopping the others, and the
 * unsubscribe remembered so `destroy()` removes what is left.
 *
 * @example
 * ```ts
 * const off = onWidgetEvent(context, 'onOpen', () => track('chat-opened'));
 * ```
 */
export function onWidgetEvent<K extends TiledeskEventName>(context: ClientContext, name: K, handler: TiledeskEventHandler<K>): () => void {
  mustBe(typeof handler === 'function', devMode && 'on(): handler must be a function');
  if (context.disabled) return noop;
  const stopListening = listen(name, (detail) => {
    try {
      handler(detail as never);
    } catch (e) {
      context.options.logger.error(devMode ? 'tiledesk: a ' + name + ' handler threw' : 'tiledesk', e);
    }
  });
  const off = () => {
    context.cleanups.delete(off);
    stopListening();
  };
  context.cleanups.add(off);
  return off;
}
