import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { EmulatedProject, TiledeskEmulator } from '@tiledesk-auth/testing';
import { startNextStack } from './next-stack';
import { getJson, stackControls } from './stack-controls';
import { realWidgetDir, type WidgetKind } from './widgets';

/**
 * Every sample app under test, in one list: specs that run against all samples iterate it, so a
 * new sample is picked up by adding it here.
 *
 * @example
 * ```ts
 * for (const app of SAMPLE_APPS) await page.goto(stack.appUrl(app));
 * ```
 */
export const SAMPLE_APPS = ['react', 'angular', 'next'] as const;

/**
 * A sample app; every scenario runs against each. The token server hosts `react` and `angular`;
 * `next` (apps/next-sample) is a server of its own with the same HTTP API.
 *
 * @example
 * ```ts
 * const app: SampleApp = 'react';
 * ```
 */
export type SampleApp = (typeof SAMPLE_APPS)[number];

/**
 * A demo user of the token server (`GET /api/demo-users`).
 *
 * @example
 * ```ts
 * const ada: DemoUser = { id: 'ada', email: 'ada@example.com', firstname: 'Ada', lastname: 'Lovelace' };
 * ```
 */
export interface DemoUser {
  readonly id: string;
  readonly email: string;
  readonly firstname: string;
  readonly lastname: string;
}

/**
 * `GET /api/config` of the token server.
 *
 * @example
 * ```ts
 * const emulatorUrl = new URL(config.widgetUrl).origin;
 * ```
 */
export interface TokenServerConfig {
  readonly projectId: string;
  readonly widgetUrl: string;
  readonly mode: 'emulator' | 'tiledesk';
  readonly widget: WidgetKind;
}

/**
 * A fault for the token endpoint (`POST /__test/token-fault`).
 *
 * @example
 * ```ts
 * await stack.failTokenRequests({ status: 500, times: 1 });
 * ```
 */
export interface TokenFault {
  readonly status?: number;
  readonly hang?: boolean;
  readonly times: number;
}

/**
 * One token server (with its own in-process emulator and project) owned by one test, plus the
 * hooks to steer it. Nothing is shared between tests, so no test can leak state into another.
 *
 * @example
 * ```ts
 * const stack = await startDemoStack();
 * try { await page.goto(stack.appUrl('react')); } finally { await stack.close(); }
 * ```
 */
export interface DemoStack {
  /** Base URL of the token server, e.g. `http://127.0.0.1:40123`. */
  readonly url: string;
  readonly config: TokenServerConfig;
  readonly projectId: string;
  /** Base URL of the emulator (another origin, like the real widget). */
  readonly emulatorUrl: string;
  /** The widget the page loads: the emulated one, or the real build the emulator serves. */
  readonly widget: WidgetKind;
  /** The widget's localStorage prefix: `widget_sv5` for the real build, `widget_sv6` emulated. */
  readonly storagePrefix: string;
  /** The token server's in-process emulator: faults, delays, secret rotation, request log. */
  readonly emulator: TiledeskEmulator;
  readonly users: readonly DemoUser[];
  /** Every shared secret the project has had in this test: none may ever reach the browser. */
  readonly secrets: readonly string[];
  /** `http://127.0.0.1:PORT/react/` or `/angular/` on the token server; the Next.js sample's `/`. */
  appUrl(app: SampleApp): string;
  /** Tokens minted from now on expire after `seconds`. */
  setTokenExpiresIn(seconds: number): Promise<void>;
  /** The next `times` token requests fail with `status` or never answer (`hang`). */
  failTokenRequests(fault: TokenFault): Promise<void>;
  /** Regenerates the project's secret on the emulator (old tokens now get 401); returns it. */
  rotateSecret(): string;
  /** Makes the token server sign with `secret` from now on. */
  useSecret(secret: string): Promise<void>;
  close(): Promise<void>;
}

/** The part of apps/token-server's `RunningTokenServer` these tests use. */
interface RunningTokenServer {
  readonly url: string;
  readonly emulator?: TiledeskEmulator;
  readonly project?: EmulatedProject;
  close(): Promise<void>;
}

interface TokenServerModule {
  startTokenServer(options: {
    port: number;
    host?: string;
    realWidgetDir?: string;
    logger?: { info(message: string): void; warn(message: string): void; error(message: string): void };
  }): Promise<RunningTokenServer>;
}

const tokenServerEntry = resolve(__dirname, '../../apps/token-server/src/index.ts');

/**
 * Starts the server of `app`: for `react` and `angular`, apps/token-server in-process on a free
 * port (offline: it starts its own emulator, which serves the emulated widget or, for `'real'`,
 * the build `TILEDESK_REAL_WIDGET_DIR` names); for `next`, apps/next-sample (see
 * `startNextStack()`). The token server is loaded by path at run time, as a black box: e2e tests
 * depend on its HTTP contract (docs/contracts.md), not on its internals.
 *
 * @example
 * ```ts
 * const stack = await startDemoStack('real', 'angular');
 * const [ada] = stack.users;
 * ```
 */
export async function startDemoStack(widget: WidgetKind = 'emulated', app: SampleApp = 'react'): Promise<DemoStack> {
  if (app === 'next') return startNextStack(widget);
  const { startTokenServer } = (await import(pathToFileURL(tokenServerEntry).href)) as TokenServerModule;
  const buildDir = widget === 'real' ? realWidgetDir() : undefined;
  if (widget === 'real' && buildDir === undefined) throw new Error('A real-widget scenario needs TILEDESK_REAL_WIDGET_DIR');
  const server = await startTokenServer({
    port: 0,
    host: '127.0.0.1',
    ...(buildDir === undefined ? {} : { realWidgetDir: buildDir }),
    // Keep the test report readable; problems still surface.
    logger: { info: () => undefined, warn: console.warn, error: console.error },
  });
  try {
    const config = await getJson<TokenServerConfig>(`${server.url}/api/config`);
    if (config.mode !== 'emulator') {
      throw new Error(`The token server runs in "${config.mode}" mode; e2e tests need the emulator (unset TILEDESK_*)`);
    }
    const { emulator, project } = server;
    if (!emulator || !project) throw new Error('The token server started without its emulator');
    if (config.widget !== widget || emulator.widget !== widget) {
      throw new Error(`Asked for the ${widget} widget; /api/config says ${config.widget}, the emulator serves ${emulator.widget}`);
    }
    const users = await getJson<DemoUser[]>(`${server.url}/api/demo-users`);
    const emulatorUrl = new URL(config.widgetUrl).origin;
    const secrets: string[] = [project.secret];

    const stack: DemoStack = {
      url: server.url,
      config,
      projectId: config.projectId,
      emulatorUrl,
      widget,
      storagePrefix: emulator.storagePrefix,
      emulator,
      users,
      secrets,
      appUrl: (app) => `${server.url}/${app}/`,
      ...stackControls(server.url, emulator, config.projectId, secrets),
      close: () => server.close(),
    };
    return stack;
  } catch (error) {
    await server.close();
    throw error;
  }
}
