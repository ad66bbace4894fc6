import type { ChatClientInfo } from './chat-broker';

/**
 * A route of the emulated Tiledesk, as used by faults, delays and the request log.
 *
 * @example
 * ```ts
 * emulator.failNext(project.id, 'signinWithCustomToken', { status: 500 });
 * ```
 */
export type EmulatorRoute = 'widget' | 'signinWithCustomToken' | 'createCustomToken' | 'events';

/**
 * One request the emulator received. Paths never carry a token; query strings are dropped.
 *
 * @example
 * ```ts
 * const signIns = emulator.requests(project.id).filter((r) => r.route === 'signinWithCustomToken');
 * ```
 */
export interface EmulatorRequest {
  method: string;
  route: EmulatorRoute | 'other';
  path: string;
  status: number;
  projectId?: string;
  /** Epoch milliseconds when the request arrived. */
  startedAt: number;
  /** Epoch milliseconds when the response was sent (or the connection closed). */
  endedAt: number;
}

/**
 * A project known to the emulator: its id, its shared secret, and a widget URL that carries the
 * project's own boot delay, latency and faults (so parallel tests never interfere).
 *
 * @example
 * ```ts
 * const { id, secret, widgetUrl } = emulator.createProject({ bootDelayMs: 0 });
 * ```
 */
export interface EmulatedProject {
  id: string;
  secret: string;
  widgetUrl: string;
}

/**
 * Per-project behaviour of the emulator.
 *
 * @example
 * ```ts
 * const options: ProjectBehaviour = { bootDelayMs: 0, latencyMs: 50 };
 * ```
 */
export interface ProjectBehaviour {
  /** v6 boot gate: how long the widget waits for a user gesture before booting anyway. */
  bootDelayMs?: number;
  /** Added to every response for this project, in ms. */
  latencyMs?: number;
}

/**
 * Options of {@link TiledeskEmulator.createProject}.
 *
 * @example
 * ```ts
 * emulator.createProject({ id: '65f0c0ffee0123456789abcd', secret: crypto.randomUUID() });
 * ```
 */
export interface CreateProjectOptions extends ProjectBehaviour {
  /** Default: 24 random hexadecimal characters, like a Mongo ObjectId. */
  id?: string;
  /** Default: a random UUID v4, like the dashboard generates. */
  secret?: string;
}

/**
 * A fault: the next `times` calls to a route answer `status` (plain text) instead of the real thing.
 *
 * @example
 * ```ts
 * const fault: EmulatorFault = { status: 503, times: 2 };
 * ```
 */
export interface EmulatorFault {
  status: number;
  /** Default 1. */
  times?: number;
}

/**
 * Options of {@link startTiledeskEmulator}.
 *
 * @example
 * ```ts
 * const emulator = await startTiledeskEmulator({ projects: [{ id: 'p1', secret: '5d0f3c7e-2b1a-4c9d-8e7f-6a5b4c3d2e1f' }] });
 * ```
 */
export interface TiledeskEmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default '127.0.0.1'. */
  host?: string;
  /** Projects that exist from the start; `createProject()` adds more. */
  projects?: Array<{ id: string; secret: string }>;
  /** Default boot gate delay of the widget, in ms. Default 5000, like v6. */
  bootDelayMs?: number;
  /** Added to every API and widget response, in ms. Default 0. */
  latencyMs?: number;
  /**
   * localStorage prefix of the emulated widget. Default 'widget_sv6'. Ignored with
   * `widgetBuildDir`: a real build has its prefix compiled in (see {@link TiledeskEmulator.storagePrefix}).
   */
  storagePrefix?: string;
  /**
   * A REAL Tiledesk widget build (the folder with its `launch.js`, `index.html`, `main.js`, chunks
   * and `assets/`) to serve instead of the emulated widget. Every widget URL then loads that build,
   * which takes its server addresses from the emulator's `widget-config.json` and chats with the
   * emulator's MQTT broker (`ws://.../ws`).
   */
  widgetBuildDir?: string;
}

/**
 * Options of {@link TiledeskEmulator.mintToken}: claims to put in a visitor token signed with the
 * project's current secret.
 *
 * @example
 * ```ts
 * const token = await emulator.mintToken(project.id, { userId: 'ada', expiresInSeconds: 60 });
 * ```
 */
export interface MintTokenOptions {
  /** The part after `<projectid>_` in `_id`. Default 'visitor'. */
  userId?: string;
  /** Extra or overriding claims (e.g. `{ email: 'a@b.c' }`, or `{ sub: 'guest' }` to test rejection). */
  claims?: Record<string, unknown>;
  /** Sets `exp`; negative values make an already expired token. Default: no `exp`. */
  expiresInSeconds?: number;
  /** Default 'HS256'. */
  algorithm?: 'HS256' | 'HS384' | 'HS512';
}

/**
 * A running emulator of the Tiledesk widget and API.
 *
 * @example
 * ```ts
 * const emulator = await startTiledeskEmulator();
 * const project = emulator.createProject({ bootDelayMs: 0 });
 * // load project.widgetUrl in a page, sign in with a token signed with project.secret ...
 * await emulator.close();
 * ```
 */
export interface TiledeskEmulator {
  /** `http://127.0.0.1:PORT` */
  url: string;
  /**
   * Random per run: the `/__emulator/*` control API answers only requests carrying it, so that no
   * web page can drive the emulator. Hand it to another process with the URL:
   * `connectTiledeskEmulator(emulator.url, { controlToken: emulator.controlToken })`.
   */
  readonly controlToken: string;
  /** Which widget the widget URLs serve: the emulated one, or a real build (`widgetBuildDir`). */
  readonly widget: 'emulated' | 'real';
  /**
   * The widget's localStorage prefix: keys are `<storagePrefix>_<projectid>_<key>`. The emulated
   * widget uses the `storagePrefix` option (default 'widget_sv6'); a real build uses the one
   * compiled into it, read from its `main.js` ('widget_sv5' for builds of the public source).
   */
  readonly storagePrefix: string;
  /** `${url}/v6/launch.js`, with the emulator-wide settings. */
  widgetUrl: string;
  /** `${url}/api/`, with the trailing slash, as Tiledesk's `apiUrl`. */
  apiUrl: string;
  createProject(options?: CreateProjectOptions): EmulatedProject;
  configureProject(projectId: string, options: ProjectBehaviour): void;
  /** Returns the new secret; tokens signed with the old one now get 401. */
  rotateSecret(projectId: string): string;
  failNext(projectId: string, route: EmulatorRoute, fault: EmulatorFault): void;
  delayNext(projectId: string, route: EmulatorRoute, ms: number, times?: number): void;
  /**
   * Ends every chat connection of the project (the emulated widget's long-polls and the real
   * widget's MQTT clients): connected widgets reconnect (onInit + online again).
   */
  dropChatConnections(projectId: string): void;
  /** The MQTT clients (real widget) connected now, of one project or of all. */
  chatClients(projectId?: string): ChatClientInfo[];
  /**
   * How many chat connections of the project are open now: the emulated widget's long-polls plus
   * the real widget's MQTT clients. A page whose widget has signed out or gone has none.
   */
  openChatConnections(projectId: string): number;
  requests(projectId?: string): EmulatorRequest[];
  /** `"JWT <jwt>"` signed with the project's current secret, shaped as the Tiledesk docs specify. */
  mintToken(projectId: string, options?: MintTokenOptions): Promise<string>;
  /**
   * Clears faults, delays and the request log: of one project when given (what a test file that
   * shares the emulator with others should do), else of all. Projects stay.
   */
  reset(projectId?: string): void;
  close(): Promise<void>;
}
