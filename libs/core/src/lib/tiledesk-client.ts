import type { TiledeskAuthState, TiledeskUser } from './auth-state.js';
import type { TiledeskEventHandler, TiledeskEventName } from './widget-events.js';

/**
 * One page's handle on the Tiledesk widget. Made by {@link createTiledesk}; inert on a server.
 *
 * @example
 * ```ts
 * const client = createTiledesk({ projectId, getToken });
 * const stop = client.subscribe((s) => render(s));
 * await client.signIn();
 * ```
 */
export interface TiledeskClient {
  /** The project this client talks to. */
  readonly projectId: string;
  /**
   * Settles when the widget has booted (after `load()` or the first `signIn()`); rejects if the first
   * load fails, or with `destroyed`. Resolves at once on a server (there is nothing to load).
   */
  readonly ready: Promise<void>;
  /** Starts loading the widget (idempotent) and returns `ready`. */
  load(): Promise<void>;
  /** The current auth state (same object until it changes). */
  getState(): TiledeskAuthState;
  /** Calls `listener` on every real state change; returns the unsubscribe function. */
  subscribe(listener: (state: TiledeskAuthState) => void): () => void;
  /**
   * Signs the visitor in with `token`. Switches user if someone else is signed in. Resolves with the
   * user once the widget reports signed in.
   */
  signIn(token: string): Promise<TiledeskUser>;
  /**
   * Signs the visitor in with `token`, or with a fresh one from `getToken()`. Resolves with the user
   * once the widget reports signed in, or with `null` when `getToken()` answered `null` (nobody is
   * logged into the app): the chat is then signed out (state `signed-out`).
   */
  signIn(token?: string): Promise<TiledeskUser | null>;
  /**
   * Signs out and removes everything the widget stored for this project, and tells the site's other
   * tabs, whose clients sign out too (a `BroadcastChannel`). Safe when signed out; does
   * not hang if the widget's `logout()` never settles. Rejects only with `superseded` or `destroyed`.
   * On a client that never loaded, it attaches to a widget already on the page (restored by the page,
   * or another client's) and logs that visitor out; with no widget on the page it loads nothing.
   */
  signOut(): Promise<void>;
  /** Listens to a widget event, before or after boot and across widget restarts. Returns the unsubscribe. */
  on<K extends TiledeskEventName>(name: K, handler: TiledeskEventHandler<K>): () => void;
  /**
   * Shows the launcher (before boot: at boot), also when the page set `settings.startHidden: true`.
   * The `showWhen` policy applies again at the next status change.
   */
  show(): void;
  /** Hides the launcher and the chat (before boot: at boot). */
  hide(): void;
  /**
   * Opens the chat panel; never toggles it closed. While nobody is signed in it starts nothing (the
   * widget's own `open()` would sign a guest in): the panel opens after the next successful `signIn()`,
   * unless `close()` or `signOut()` comes first.
   */
  open(): void;
  /** Closes the chat panel. */
  close(): void;
  /** Sets a persisted custom attribute on the visitor (`setAttributeParameter`). */
  setAttribute(key: string, value: unknown): void;
  /**
   * Stops refreshes, removes listeners, rejects pending calls with `destroyed`; the last client of the
   * page hides the widget (a loaded script cannot be unloaded; a later client reuses it). Idempotent.
   */
  destroy(): void;
}
