import { useCallback, useMemo, useRef, useSyncExternalStore } from 'react';
import type { TiledeskAuthState, TiledeskClient } from '@tiledesk-auth/core';
import { useTiledeskContext } from './tiledesk-context.js';

/**
 * What {@link useTiledeskAuth} returns without a selector: the auth state, a derived `isSignedIn`,
 * and the client's `signIn` / `signOut` (stable identities, safe in effect dependencies).
 *
 * @example
 * ```tsx
 * const { status, user, error, isSignedIn, signIn, signOut }: TiledeskAuth = useTiledeskAuth();
 * ```
 */
export interface TiledeskAuth extends TiledeskAuthState {
  readonly isSignedIn: boolean;
  /** Resolves the user, or `null` when `getToken` answered `null` (nobody logged in: signed out). */
  readonly signIn: TiledeskClient['signIn'];
  readonly signOut: () => Promise<void>;
}

// What the server renders, and what the first client render hydrates against.
const IDLE: TiledeskAuthState = Object.freeze({ status: 'idle', user: null, error: null });

/**
 * The visitor's auth state and the sign-in / sign-out actions. Re-renders only when the state
 * really changes.
 *
 * @example
 * ```tsx
 * function ChatStatus() {
 *   const { status, user, signOut } = useTiledeskAuth();
 *   return status === 'signed-in' ? <button onClick={() => void signOut()}>{user?.email}</button> : null;
 * }
 * ```
 */
export function useTiledeskAuth(): TiledeskAuth;
/**
 * Reads one slice of the auth state; the component re-renders only when that slice changes
 * (compared with `Object.is`, so return a primitive or an object taken from the state as is).
 *
 * @example
 * ```tsx
 * const status = useTiledeskAuth((state) => state.status);
 * ```
 */
export function useTiledeskAuth<T>(selector: (state: TiledeskAuthState) => T): T;
export function useTiledeskAuth<T>(selector?: (state: TiledeskAuthState) => T): T | TiledeskAuth {
  const { client, signIn, signOut } = useTiledeskContext('useTiledeskAuth');
  const subscribe = useCallback((onChange: () => void) => client.subscribe(onChange), [client]);
  // Last state and selector seen, with their selection: the snapshot must be the same value until
  // the selection really changes, or useSyncExternalStore would loop.
  const cache = useRef<{ state?: TiledeskAuthState; select?: unknown; value?: unknown }>({});
  const select = (state: TiledeskAuthState): unknown => {
    const last = cache.current;
    if (!selector) return state;
    if (last.state !== state || last.select !== selector) {
      const next = selector(state);
      cache.current = { state, select: selector, value: 'value' in last && Object.is(last.value, next) ? last.value : next };
    }
    return cache.current.value;
  };
  const snapshot = useSyncExternalStore(
    subscribe,
    () => select(client.getState()),
    () => select(IDLE),
  );
  const state = selector ? null : (snapshot as TiledeskAuthState);
  const auth = useMemo(() => state && { ...state, isSignedIn: state.status === 'signed-in', signIn, signOut }, [state, signIn, signOut]);
  return auth ?? (snapshot as T);
}
