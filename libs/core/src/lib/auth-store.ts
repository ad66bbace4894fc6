import type { TiledeskAuthState, TiledeskAuthStatus, TiledeskUser } from './auth-state.js';
import type { TiledeskAuthError } from './tiledesk-auth-error.js';

/**
 * The state holder behind `getState()`/`subscribe()`.
 *
 * @example
 * ```ts
 * const store = createAuthStore(console.error);
 * store.set('loading');
 * ```
 */
export interface AuthStore {
  get(): TiledeskAuthState;
  /** Replaces the state only if something differs; equal users keep the old object. */
  set(status: TiledeskAuthStatus, user?: TiledeskUser | null, error?: TiledeskAuthError | null): void;
  subscribe(listener: (state: TiledeskAuthState) => void): () => void;
  /** Drops every listener (on destroy). */
  clear(): void;
}

const sameUser = (a: TiledeskUser | null, b: TiledeskUser | null) => a === b || JSON.stringify(a) === JSON.stringify(b);

/**
 * Creates an immutable-state store that emits only on real change, so `useSyncExternalStore` and
 * `distinctUntilChanged` see a new object exactly when something changed.
 *
 * @param report - receives what a throwing listener threw; the other listeners still run.
 * @example
 * ```ts
 * const store = createAuthStore((e) => logger.error('listener failed', e));
 * const off = store.subscribe((s) => render(s));
 * ```
 */
export function createAuthStore(report: (error: unknown) => void): AuthStore {
  let state: TiledeskAuthState = Object.freeze({ status: 'idle', user: null, error: null });
  const listeners = new Set<(state: TiledeskAuthState) => void>();
  return {
    get: () => state,
    set(status, user = null, error = null) {
      if (sameUser(user, state.user)) user = state.user;
      if (status === state.status && user === state.user && error === state.error) return;
      state = Object.freeze({ status, user, error });
      for (const notify of [...listeners]) {
        try {
          notify(state);
        } catch (e) {
          report(e);
        }
      }
    },
    subscribe(listener) {
      // A wrapper per call, so subscribing the same function twice needs two unsubscribes.
      const notify = (next: TiledeskAuthState) => listener(next);
      listeners.add(notify);
      return () => void listeners.delete(notify);
    },
    clear: () => listeners.clear(),
  };
}
