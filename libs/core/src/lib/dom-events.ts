/**
 * One capture-phase listener per event name on `document`, shared by every client on the page.
 * Capture on `document` sees the widget's events (dispatched on `<chat-root>` in the host document)
 * before and after boot, and keeps working after `reInit()`/`restart()` replace the root.
 */
const sharedListeners = new Map<string, [Set<(detail: unknown) => void>, (event: Event) => void]>();

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
export function listen(name: string, handle: (detail: unknown) => void): () => void {
  let entry = sharedListeners.get(name);
  if (!entry) {
    const handlers = new Set<(detail: unknown) => void>();
    entry = [handlers, (event) => [...handlers].forEach((run) => run((event as CustomEvent).detail))];
    sharedListeners.set(name, entry);
    document.addEventListener(name, entry[1], true);
  }
  const [handlers, domListener] = entry;
  // A wrapper per call, so the same function listened to twice needs two unsubscribes.
  const own = (detail: unknown) => handle(detail);
  handlers.add(own);
  return () => {
    if (handlers.delete(own) && !handlers.size) {
      document.removeEventListener(name, domListener, true);
      sharedListeners.delete(name);
    }
  };
}
