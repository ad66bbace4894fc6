/**
 * Where the token server writes start-up lines and errors. Never given a token or a secret.
 *
 * @example
 * ```ts
 * startTokenServer({ logger: { info: () => {}, warn: console.warn, error: console.error } });
 * ```
 */
export interface TokenServerLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/**
 * A real Tiledesk project to sign tokens for.
 *
 * @example
 * ```ts
 * const tiledesk: TiledeskProjectSettings = { projectId: '65f0c0ffee0123456789abcd', secret };
 * ```
 */
export interface TiledeskProjectSettings {
  projectId: string;
  /** The project's shared secret; it stays on the server. */
  secret: string;
  /**
   * Default: Tiledesk cloud, `https://widget.tiledesk.com/v6/launch.js`. A self-hosted install
   * gives its own: the widget reads every server address from beside this script, so the URL
   * alone picks the Tiledesk deployment.
   */
  widgetUrl?: string;
}

/**
 * Options of {@link startTokenServer}.
 *
 * @example
 * ```ts
 * const server = await startTokenServer({ port: 0 }); // emulator mode on a free port
 * ```
 */
export interface StartTokenServerOptions {
  /** Default 4300; 0 picks a free port. */
  port?: number;
  /** Default `127.0.0.1`. */
  host?: string;
  /** Default: `'tiledesk'` when `tiledesk` is given, else `'emulator'`. */
  mode?: 'emulator' | 'tiledesk';
  /** Real Tiledesk credentials; without them the server starts the emulator. */
  tiledesk?: TiledeskProjectSettings;
  /**
   * Emulator mode only: a folder holding a build of the real Tiledesk widget (`launch.js` and
   * the rest of its `dist/`). The emulator then serves that build, with its own API and chat
   * broker behind it, instead of its emulated widget. Default: the emulated widget.
   */
  realWidgetDir?: string;
  /** Token lifetime in seconds (1..86400). Default 600. */
  tokenExpiresIn?: number;
  /** Key that signs the session cookie (32+ characters, not a pattern). Default: random per start. */
  sessionSecret?: string;
  /**
   * Tiledesk mode: origins the widget reaches besides its own, added to the sample pages'
   * Content-Security-Policy (`connect-src`, `img-src`): the origins of `apiUrl` and
   * `chat21Config.MQTTendpoint` in the widget's `widget-config.json`. Emulator mode allows the
   * emulator by itself. Default: none.
   */
  cspConnectSrc?: string[];
  /** Folder holding `react-sample/` and `angular-sample/`. Default `<workspace>/dist/apps`. */
  samplesDir?: string;
  /** Default: `console`. */
  logger?: TokenServerLogger;
}

/**
 * What `GET /api/config` answers (docs/contracts.md).
 *
 * @example
 * ```ts
 * const config = (await (await fetch('/api/config')).json()) as TokenServerPublicConfig;
 * ```
 */
export interface TokenServerPublicConfig {
  projectId: string;
  /** The widget's `launch.js`; it alone picks the Tiledesk deployment (no separate API URL). */
  widgetUrl: string;
  mode: 'emulator' | 'tiledesk';
  /**
   * What `widgetUrl` serves: `'real'` is Tiledesk's own widget (always in tiledesk mode; in
   * emulator mode when a real build is served), `'emulated'` the emulator's stand-in.
   */
  widget: 'emulated' | 'real';
}

/**
 * A bad setting, reported at start-up in one line. `setting` names the option or environment
 * variable.
 *
 * @example
 * ```ts
 * try { await startTokenServer(options); } catch (e) {
 *   if (e instanceof TokenServerConfigError) console.error(e.message);
 * }
 * ```
 */
export class TokenServerConfigError extends Error {
  override readonly name = 'TokenServerConfigError';

  constructor(
    readonly setting: string,
    message: string,
  ) {
    super(message);
  }
}
