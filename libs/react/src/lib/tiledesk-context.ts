import { createContext, useContext } from 'react';
import { TiledeskAuthError, type TiledeskClient } from '@tiledesk-auth/core';
import { devMode } from './dev-mode.js';

/**
 * What `<TiledeskProvider>` shares with its subtree. Built once per client, so its identity never
 * changes while the client stays the same: consumers of the context never re-render because of it.
 * The auth state is NOT in here; hooks read it from the client's store.
 *
 * @example
 * ```ts
 * const { client, signIn } = useTiledeskContext('useMyHook');
 * ```
 */
export interface TiledeskContextValue {
  readonly client: TiledeskClient;
  /** Resolves the user, or `null` when `getToken` answered `null` (nobody logged in: signed out). */
  readonly signIn: TiledeskClient['signIn'];
  readonly signOut: () => Promise<void>;
}

/**
 * The React context behind every hook. `null` outside `<TiledeskProvider>`.
 *
 * @example
 * ```tsx
 * <TiledeskContext.Provider value={value}>{children}</TiledeskContext.Provider>
 * ```
 */
export const TiledeskContext = createContext<TiledeskContextValue | null>(null);

/**
 * Reads the provider's value, or throws a `TiledeskAuthError` (`missing-provider`) naming the hook,
 * because a hook that silently did nothing outside the provider would hide a wiring mistake.
 *
 * @example
 * ```ts
 * const { client } = useTiledeskContext('useTiledesk');
 * ```
 */
export function useTiledeskContext(hookName: string): TiledeskContextValue {
  const value = useContext(TiledeskContext);
  if (!value) {
    throw new TiledeskAuthError(
      'missing-provider',
      devMode ? `${hookName}() must be called inside <TiledeskProvider>.` : 'missing-provider',
    );
  }
  return value;
}
