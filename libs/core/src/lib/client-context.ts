import type { TiledeskUser } from './auth-state.js';
import { createAuthStore, type AuthStore } from './auth-store.js';
import { noop } from './fail.js';
import { lastCallWins, type LastCallWins } from './last-call-wins.js';
import type { WidgetPage } from './load-widget.js';
import type { TiledeskOptions } from './options.js';
import { resolveOptions, type ResolvedOptions } from './resolve-options.js';

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
 * Everything one client knows, shared by the modules that implement its methods (sign-in, sign-out,
 * refresh, controls). Internal: never exported from the package.
 *
 * @example
 * ```ts
 * const c = createContext({ projectId, getToken }, onServer());
 * setStatus(c, 'loading');
 * ```
 */
export interface ClientContext {
  /** The validated options, defaults filled in. */
  readonly o: ResolvedOptions;
  /** The state behind `getState()`/`subscribe()`. */
  readonly store: AuthStore;
  /** Orders overlapping signIn()/signOut(): the last call wins. */
  readonly ops: LastCallWins;
  /** No `window`: inert for good. */
  readonly ssr: boolean;
  /** Destroyed, or on a server: every method is a no-op from then on. */
  dead: boolean;
  /** The page's widget, once this client has asked for it. */
  pg?: WidgetPage;
  /** The boot under way or done; cleared when it failed, so the next call retries. */
  boot?: Promise<WidgetPage>;
  /** The widget call in flight: the next operation waits for it, so calls never interleave. */
  busy: Promise<unknown>;
  /** Who we want signed in: a user after signIn(), null after signOut(), undefined before either. */
  me?: TiledeskUser | null;
  /** Users we sent to the widget; if one comes online after signOut() we undo it. */
  readonly tried: Set<string>;
  /** `exp` of the token in use, in epoch seconds. */
  exp?: number;
  /** The refresh (or retry) timer. */
  timer?: ReturnType<typeof setTimeout>;
  /** open() was asked for while nobody was signed in: open after the next sign-in. */
  wantOpen?: boolean;
  /** show()/hide() asked for before boot: applied at boot instead of the policy. */
  forced?: LauncherVisibility;
  /** The host set `settings.startHidden: true` and has not called show() yet: the policy only hides. */
  hiddenUntilHostShows: boolean;
  /** The widget rebuilt itself (`reInit()`/`restart()`) and has not reported its auth state since. */
  rebuilt?: boolean;
  /** Whether this client follows the widget's auth events yet (from the first boot, never before). */
  following?: boolean;
  /** The client's `ready`. */
  readonly ready: Promise<void>;
  /** Resolve and reject of `ready`. */
  readonly settle: [() => void, (e: unknown) => void];
  /** The channel to the site's other tabs, once opened (see cross-tab.ts). */
  tabs?: BroadcastChannel;
  /** Unsubscribes of this client's DOM listeners, run on destroy. */
  readonly offs: Set<() => void>;
}

/**
 * Validates the options and builds a client's initial context, inert for good when `ssr` (see
 * `onServer()`). Touches no DOM (safe on a server and for clients that are built and thrown away,
 * as React StrictMode does).
 *
 * @throws TiledeskAuthError `invalid-options`.
 * @example
 * ```ts
 * const c = createContext(options, onServer());
 * ```
 */
export function createContext(options: TiledeskOptions, ssr: boolean): ClientContext {
  const o = resolveOptions(options);
  let settle!: ClientContext['settle'];
  const ready = new Promise<void>((a, b) => (settle = [a, b]));
  ready.catch(noop);
  if (ssr) settle[0]();
  return {
    o,
    store: createAuthStore((e) => o.logger.error('tiledesk: a state listener threw', e)),
    ops: lastCallWins(o.loadTimeoutMs),
    ssr,
    dead: ssr,
    busy: Promise.resolve(),
    tried: new Set(),
    ready,
    settle,
    offs: new Set(),
    hiddenUntilHostShows: o.settings['startHidden'] === true,
  };
}
