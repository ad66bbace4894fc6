/**
 * Core's one rule for server rendering, used by `createTiledesk()` and by every adapter: a client
 * made where there is no `window` or no `document`, or where the host framework says it renders on
 * a server (Angular's `PLATFORM_ID`: a server may define DOM-like globals), is inert. It touches
 * no DOM, its state stays `idle` (or `error` for invalid options), `ready`, `load()` and
 * `signOut()` resolve at once, `signIn()` rejects with `not-in-browser`, the rest does nothing.
 *
 * @example
 * ```ts
 * const inert = onServer(); // true under Node, false in a browser
 * const inertToo = onServer(true); // the framework knows better
 * ```
 */
export const onServer = (hostSaysServer?: boolean): boolean =>
  hostSaysServer === true || typeof window === 'undefined' || typeof document === 'undefined';
