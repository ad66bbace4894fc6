type RealmGlobals = Window & typeof globalThis;

/**
 * Builds values in the widget's own realm (its iframe's window), as the real widget does: in the
 * host page, `instanceof CustomEvent`, `instanceof Promise` and `instanceof Error` are false for
 * them.
 *
 * @example
 * ```ts
 * const realm = widgetRealm(iframe.contentWindow);
 * root.dispatchEvent(realm.event('onInit', { global }));
 * ```
 */
export function widgetRealm(win: Window) {
  const globals = win as RealmGlobals;
  return {
    event(name: string, detail: unknown): Event {
      return new globals.CustomEvent(name, { detail, bubbles: false, composed: false });
    },
    promise<T>(executor: (resolve: (value: T) => void, reject: (reason: unknown) => void) => void): Promise<T> {
      return new globals.Promise<T>(executor);
    },
    error(message: string): Error {
      return new globals.Error(message);
    },
  };
}

/**
 * The helpers returned by {@link widgetRealm}.
 *
 * @example
 * ```ts
 * const realm: WidgetRealm = widgetRealm(frameWindow);
 * ```
 */
export type WidgetRealm = ReturnType<typeof widgetRealm>;
