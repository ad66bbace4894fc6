type RealmGlobals = Window & typeof globalThis;

const HTTP_STATUS_TEXT: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

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
    /**
     * What a refused API call rejects with: the fields of Angular's `HttpErrorResponse`, which the
     * real widget rejects with (`status` 0 when nothing answered), on an Error of this realm.
     */
    httpError(url: string, status: number): Error & { status: number; statusText: string; url: string; ok: false } {
      const statusText = status === 0 ? 'Unknown Error' : (HTTP_STATUS_TEXT[status] ?? 'Error');
      const error = new globals.Error(`Http failure response for ${url}: ${status} ${statusText}`);
      return Object.assign(error, { name: 'HttpErrorResponse', status, statusText, url, ok: false as const });
    },
    /** A copy of `value` as an object of this realm (`instanceof Object` is false in the host). */
    object<T extends object>(value: T): T {
      return globals.Object.assign(new globals.Object(), value) as T;
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
