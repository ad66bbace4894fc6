import type { TiledeskUser } from './auth-state.js';
import { createAuthStore, type AuthStore } from './auth-store.js';
import { noop } from './fail.js';
import { lastCallWins, type LastCallWins } from './last-call-wins.js';
import type { WidgetPage } from './load-widget.js';
import type { TiledeskOptions } from './options.js';
import { resolveOptions, type ResolvedOptions } from './resolve-options.js';
import { devMode } from './dev-mode.js';

/**
 * What core asks of the widget's launcher: to be shown or hidden.
 *
 * @example
 * ```ts
 * const wanted: LauncherVisibility = 'show';
 * ```
 */
export type LauncherVisibility = 'show' | 'hide';

/**
 * Everything one client knows, shared by the modules that implement its methods, grouped by
 * concern; each group names the module that owns it (the only one that writes it, but for
 * resetting on sign-out and destroy). Internal: never exported from the package.
 *
 * @example
 * ```ts
 * const context = createContext({ projectId, getToken }, onServer());
 * setStatus(context, 'loading');
 * ```
 */
export interface ClientContext {
  // --- The client itself (create-tiledesk.ts, destroy-client.ts) ---
  /** The validated options, defaults filled in. */
  readonly options: ResolvedOptions;
  /** The state behind `getState()`/`subscribe()` (written through client-status.ts). */
  readonly store: AuthStore;
  /** Orders overlapping signIn()/signOut(): the last call wins. */
  readonly operations: LastCallWins;
  /** Made on a server (see `onServer()`): inert for good. */
  readonly onServer: boolean;
  /** Destroyed, or on a server: every method is a no-op from then on (not `inert`: the DOM has that name, so the build could not shorten it). */
  disabled: boolean;
  /** The client's `ready`. */
  readonly ready: Promise<void>;
  /** Resolve and reject of `ready`. */
  readonly settleReady: [resolve: () => void, reject: (error: unknown) => void];
  /** What to run on destroy: removes this client's DOM listeners and closes its channel. */
  readonly cleanups: Set<() => void>;

  // --- The page's widget and its boot (client-boot.ts; calls: widget-request.ts) ---
  /** The page's widget, once this client has asked for it. */
  page?: WidgetPage;
  /** The boot under way or done; cleared when it failed, so the next call retries. */
  booting?: Promise<WidgetPage>;
  /** The widget call in flight: the next operation waits for it, so calls never interleave. */
  callInFlight: Promise<unknown>;
  /** The widget rebuilt itself (`reInit()`/`restart()`) and has not reported its auth state since. */
  widgetRebuilt?: boolean;
  /** Whether this client follows the widget's auth events yet (from the first boot, never before). */
  followingAuth?: boolean;

  // --- Who should be signed in, and the token in use (sign-in.ts, sign-out.ts, auth-sync.ts) ---
  /** Who we want signed in: a user after signIn(), null after signOut(), undefined before either. */
  wantedUser?: TiledeskUser | null;
  /** Ids of the users we sent to the widget; if one comes online after signOut() we undo it. */
  readonly sentUserIds: Set<string>;
  /** `exp` of the token in use, in epoch seconds. */
  tokenExpiry?: number;

  // --- The refresh timer (token-refresh.ts, alone) ---
  /** The refresh (or retry) timer. */
  refreshTimer?: ReturnType<typeof setTimeout>;

  // --- A refresh's chat reconnecting (refresh-connection.ts) ---
  /** Settles once the last refresh's chat is online again, or will not be: logouts wait for it. */
  refreshConnecting?: Promise<void>;

  // --- Pending UI requests (widget-controls.ts, launcher-visibility.ts) ---
  /** open() was asked for while nobody was signed in: open after the next sign-in. */
  openAfterSignIn?: boolean;
  /** show()/hide() asked for before boot: applied at boot instead of the policy. */
  visibilityAtBoot?: LauncherVisibility;
  /** The host set `settings.startHidden: true` and has not called show() yet: the policy only hides. */
  hiddenUntilHostShows: boolean;

  // --- The site's other tabs (cross-tab.ts) ---
  /** The channel to the site's other tabs, once opened. */
  otherTabs?: BroadcastChannel;
}

/**
 * Validates the options and builds a client's initial context, inert for good when `onServer` (see
 * `onServer()`). Touches no DOM (safe on a server and for clients that are built and thrown away,
 * as React StrictMode does).
 *
 * @throws TiledeskAuthError `invalid-options`.
 * @example
 * ```ts
 * const context = createContext(options, onServer());
 * ```
 */
export function createContext(given: TiledeskOptions, onServer: boolean): ClientContext {
  const options = resolveOptions(given);
  let settleReady!: ClientContext['settleReady'];
  const ready = new Promise<void>((resolve, reject) => (settleReady = [resolve, reject]));
  ready.catch(noop);
  if (onServer) settleReady[0]();
  return {
    options,
    store: createAuthStore((e) => options.logger.error(devMode ? 'tiledesk: a state listener threw' : 'tiledesk', e)),
    operations: lastCallWins(options.loadTimeoutMs),
    onServer,
    disabled: onServer,
    ready,
    settleReady,
    cleanups: new Set(),
    callInFlight: Promise.resolve(),
    sentUserIds: new Set(),
    hiddenUntilHostShows: options.settings['startHidden'] === true,
  };
}
