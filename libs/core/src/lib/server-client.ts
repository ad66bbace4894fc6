import type { AuthStore } from './auth-store';
import { fail, noop } from './fail';
import type { TiledeskClient } from './tiledesk-client';

/**
 * The client used where there is no `window` (server-side rendering): it never touches the DOM, its
 * state stays `idle`, `ready`/`load()`/`signOut()` resolve at once (nothing to do), every other method
 * is a no-op, and only `signIn()` rejects, with `not-in-browser`, since it cannot keep its promise.
 *
 * @example
 * ```ts
 * const client = serverClient(projectId, createAuthStore(noop));
 * client.getState().status; // 'idle'
 * ```
 */
export function serverClient(projectId: string, store: AuthStore): TiledeskClient {
  const ready = Promise.resolve();
  return {
    projectId,
    ready,
    load: () => ready,
    getState: store.get,
    subscribe: store.subscribe,
    signIn: () => Promise.reject(fail('not-in-browser', 'signIn() needs a browser: on a server the Tiledesk client is inert.')),
    signOut: () => ready,
    on: () => noop,
    show: noop,
    hide: noop,
    open: noop,
    close: noop,
    setAttribute: noop,
    destroy: noop,
  };
}
