import type { TiledeskAuthError } from './tiledesk-auth-error.js';

/**
 * Where the visitor's Tiledesk session stands.
 *
 * - `idle`: nothing started yet (always the value on a server).
 * - `loading`: the widget script is loading and no sign-in was asked for.
 * - `signing-in`: a sign-in (or refresh / user switch) is under way.
 * - `signed-in`: the widget reports an authenticated visitor.
 * - `signed-out`: the widget is loaded and nobody is signed in.
 * - `error`: the last operation failed; `error` says why.
 *
 * @example
 * ```ts
 * if (client.getState().status === 'signed-in') client.show();
 * ```
 */
export type TiledeskAuthStatus = 'idle' | 'loading' | 'signing-in' | 'signed-in' | 'signed-out' | 'error';

/**
 * The signed-in visitor, as read from the token the widget accepted.
 * `id` is the widget's user id (`<projectId>_<your user id>`).
 *
 * @example
 * ```ts
 * const user: TiledeskUser = { id: '65f0..._42', email: 'ada@example.com', fullName: 'Ada Lovelace' };
 * ```
 */
export interface TiledeskUser {
  readonly id: string;
  readonly email?: string;
  readonly firstname?: string;
  readonly lastname?: string;
  readonly fullName?: string;
}

/**
 * The auth state: plain and immutable. A new object is emitted only when something really changed,
 * so it can be compared by reference (React's `useSyncExternalStore`, RxJS `distinctUntilChanged`).
 *
 * @example
 * ```ts
 * const { status, user, error } = client.getState();
 * ```
 */
export interface TiledeskAuthState {
  readonly status: TiledeskAuthStatus;
  readonly user: TiledeskUser | null;
  readonly error: TiledeskAuthError | null;
}
