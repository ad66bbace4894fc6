/**
 * Where the library writes what it does. Defaults to silence; pass `console` to see it.
 * Every failure reaches `error()`; tokens and secrets are never passed to it.
 *
 * @example
 * ```ts
 * createTiledesk({ projectId, logger: console });
 * ```
 */
export interface TiledeskLogger {
  debug?(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  error(message: string, ...details: unknown[]): void;
}

/**
 * When the widget's launcher is visible. `'signed-in'` (default) shows it once the visitor is
 * signed in and hides it otherwise.
 *
 * @example
 * ```ts
 * createTiledesk({ projectId, showWhen: 'always' });
 * ```
 */
export type TiledeskShowWhen = 'signed-in' | 'always' | 'never';

/**
 * Options of {@link createTiledesk}.
 *
 * @example
 * ```ts
 * const options: TiledeskOptions = {
 *   projectId: '65f0c0ffee0123456789abcd',
 *   // The endpoint's 401 (nobody logged in) is null: signed-out, not an error.
 *   getToken: () => fetch('/api/tiledesk-token', { method: 'POST' }).then((r) => (r.status === 401 ? null : r.json().then((b) => b.token))),
 * };
 * ```
 */
export interface TiledeskOptions {
  /** The Tiledesk project id: 24 hexadecimal characters. */
  projectId: string;
  /** URL of the widget's `launch.js`. Default: Tiledesk cloud v6. Must end in `/launch.js`, no query. */
  widgetUrl?: string;
  /**
   * Extra `window.tiledeskSettings` (e.g. `lang`, `align`). `autoStart` is always forced to `false`.
   * `startHidden: true` keeps the launcher hidden until you call `show()`. There is no API address
   * to set: `widgetUrl` alone picks the Tiledesk deployment (an `apiUrl` here is ignored by the widget).
   */
  settings?: Readonly<Record<string, unknown>>;
  /**
   * Fetches a fresh token (`"JWT <jwt>"` or a bare JWT) from your server. Used by `signIn()` and
   * refresh. Resolve `null` when nobody is logged into your app (your endpoint's 401): the chat
   * signs out (a refresh that gets `null` ends the chat session) and the state is `signed-out`, not
   * `error`. Throw for real failures; give the error a numeric `status` (or `response.status`) and
   * it is kept on the `token-fetch-failed` error and in the log.
   */
  getToken?: () => Promise<string | null>;
  /** Sign in again this many seconds before the token's `exp`. Default 60. */
  refreshMarginSeconds?: number;
  /** Skip the widget's wait for user interaction / 5 s before booting. Default true. */
  bootImmediately?: boolean;
  /** How long loading the widget and each sign-in may take, in ms. Default 15000. */
  loadTimeoutMs?: number;
  /** When the launcher is visible. Default `'signed-in'`. */
  showWhen?: TiledeskShowWhen;
  /**
   * Where to report what happens: every failure (token fetch, with its HTTP status; refused token;
   * script load; timeout) goes to `error()`, never with the token. Default: nothing is logged,
   * except invalid options given to an adapter (or `createTiledeskSafely()`), which go to
   * `console.error` when there is no valid logger, since the chat then stays off.
   */
  logger?: TiledeskLogger;
}
