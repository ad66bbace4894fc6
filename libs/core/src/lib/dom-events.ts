/**
 * One capture-phase listener per event name on `document`, shared by every client on the page.
 * Capture on `document` sees the widget's events (dispatched on `<chat-root>` in the host document)
 * before and after boot, and keeps working after `reInit()`/`restart()` replace the root.
 */
const hub = new Map<string, [Set<(detail: unknown) => void>, (event: Event) => void]>();

/**
 * Calls `fn` with the `detail` of every widget event `name`. The events come from the widget's iframe
 * realm, so `detail` is read directly, never through `instanceof`.
 *
 * @returns the unsubscribe; the DOM listener goes when the last handler for `name` does.
 * @example
 * ```ts
 * const off = listen('onOpen', () => track('chat-opened'));
 * ```
 */
export function listen(name: string, fn: (detail: unknown) => void): () => void {
  let entry = hub.get(name);
  if (!entry) {
    const fns = new Set<(detail: unknown) => void>();
    entry = [fns, (e) => [...fns].forEach((f) => f((e as CustomEvent).detail))];
    hub.set(name, entry);
    document.addEventListener(name, entry[1], true);
  }
  const [fns, handler] = entry;
  const own = (d: unknown) => fn(d);
  fns.add(own);
  return () => {
    if (fns.delete(own) && !fns.size) {
      document.removeEventListener(name, handler, true);
      hub.delete(name);
    }
  };
}
