import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { DEFAULT_EXPIRES_IN_SECONDS } from '@tiledesk-auth/server';
import type { EmulatedProject, TiledeskEmulator } from '@tiledesk-auth/testing';
import { checkTokenSettings } from './config-from-env';
import { createTokenServerListener } from './create-app';
import { limitLogLines } from './log-limiter';
import { checkRealWidgetDir } from './real-widget-dir';
import type { WidgetSources } from './security-headers';
import { checkSessionSecret, checkWidgetUrl } from './setting-checks';
import { TokenSettings } from './token-route';
import { type StartTokenServerOptions, TokenServerConfigError, type TokenServerPublicConfig } from './token-server-options';

/** Tiledesk cloud's widget, used when real credentials come without a widget URL. */
const CLOUD_WIDGET_URL = 'https://widget.tiledesk.com/v6/launch.js';

/**
 * A running token server.
 *
 * @example
 * ```ts
 * const server = await startTokenServer({ port: 0 });
 * console.log(server.url, server.config.mode);
 * await server.close();
 * ```
 */
export interface RunningTokenServer {
  /** `http://HOST:PORT`, without a trailing slash. */
  url: string;
  /** What `GET /api/config` answers. */
  config: TokenServerPublicConfig;
  /** The embedded emulator (emulator mode only). */
  emulator?: TiledeskEmulator;
  /** The emulated project tokens are signed for (emulator mode only). */
  project?: EmulatedProject;
  /** Stops the HTTP server (open requests are cut) and the emulator. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * Starts the sample token server: demo sign-in (signed httpOnly SameSite=Lax cookie), the token
 * endpoint of `@tiledesk-auth/server`, and the built React and Angular samples. Without
 * `tiledesk` credentials it starts the Tiledesk emulator on its own port (another origin, like
 * the real widget) with a generated project, and mounts the `/__test/*` hooks; with
 * `realWidgetDir` that emulator serves a build of the real Tiledesk widget instead of its own.
 * Bad options reject with a {@link TokenServerConfigError} naming the option.
 *
 * @example
 * ```ts
 * const server = await startTokenServer({ port: 0, host: '127.0.0.1' });
 * const config = await (await fetch(`${server.url}/api/config`)).json();
 * await server.close();
 * ```
 */
export async function startTokenServer(options: StartTokenServerOptions = {}): Promise<RunningTokenServer> {
  // Refused requests log text the requester chose: bounded in length and in lines per interval.
  const logger = limitLogLines(options.logger ?? console);
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? 4300;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new TokenServerConfigError('port', `port must be a whole number from 0 to 65535 (got ${String(port)}).`);
  }
  const mode = options.mode ?? (options.tiledesk ? 'tiledesk' : 'emulator');
  if (mode === 'tiledesk' && !options.tiledesk) {
    throw new TokenServerConfigError('tiledesk', 'mode "tiledesk" needs tiledesk: { projectId, secret }.');
  }
  if (mode === 'emulator' && options.tiledesk) {
    throw new TokenServerConfigError('mode', 'mode "emulator" cannot be combined with tiledesk credentials: drop one.');
  }
  checkTokenSettings(options, (field) => (field === 'expiresIn' ? 'tokenExpiresIn' : `tiledesk.${field}`));
  if (options.sessionSecret !== undefined) checkSessionSecret(options.sessionSecret, 'SESSION_SECRET');
  const sessionSecret = options.sessionSecret ?? randomBytes(32).toString('base64url');
  const widgetUrl = options.tiledesk?.widgetUrl ?? CLOUD_WIDGET_URL;
  checkWidgetUrl(widgetUrl, 'TILEDESK_WIDGET_URL');
  if (mode === 'tiledesk' && options.realWidgetDir !== undefined) {
    throw new TokenServerConfigError(
      'realWidgetDir',
      'realWidgetDir is for the offline emulator; a real Tiledesk project loads its widget from widgetUrl.',
    );
  }
  const realWidgetDir = options.realWidgetDir === undefined ? undefined : checkRealWidgetDir(options.realWidgetDir, 'realWidgetDir');

  let emulator: TiledeskEmulator | undefined;
  let project: EmulatedProject | undefined;
  let config: TokenServerPublicConfig;
  let secret: string;
  if (options.tiledesk) {
    config = { projectId: options.tiledesk.projectId, widgetUrl, mode: 'tiledesk', widget: 'real' };
    secret = options.tiledesk.secret;
  } else {
    // Loaded only here, so a production start never loads the emulator.
    const { startTiledeskEmulator } = await import('@tiledesk-auth/testing');
    emulator = await startTiledeskEmulator({ host, port: 0, ...(realWidgetDir === undefined ? {} : { widgetBuildDir: realWidgetDir }) });
    project = emulator.createProject();
    config = { projectId: project.id, widgetUrl: project.widgetUrl, mode: 'emulator', widget: emulator.widget };
    secret = project.secret;
  }

  const tokenSettings = new TokenSettings({
    projectId: config.projectId,
    secret,
    expiresIn: options.tokenExpiresIn ?? DEFAULT_EXPIRES_IN_SECONDS,
    logger,
  });
  const widgetSources: WidgetSources = {
    widgetOrigins: [new URL(config.widgetUrl).origin],
    // The widget's API and chat transport: the emulator itself, or what the deployer lists (the
    // apiUrl and MQTTendpoint origins of the widget's widget-config.json).
    serviceOrigins: emulator ? [new URL(emulator.apiUrl).origin] : (options.cspConnectSrc ?? []),
    realWidget: config.widget === 'real',
  };
  if (!emulator && widgetSources.serviceOrigins.length === 0) {
    logger.warn(
      `token-server: the sample pages' CSP lets the widget reach only ${widgetSources.widgetOrigins[0]}; set CSP_CONNECT_SRC to the origins of apiUrl and chat21Config.MQTTendpoint in ${new URL('widget-config.json', config.widgetUrl).href}.`,
    );
  }
  const listener = createTokenServerListener({
    config,
    tokenSettings,
    sessionSecret,
    samplesDir: options.samplesDir ?? join(workspaceRoot(), 'dist', 'apps'),
    widgetSources,
    logger,
  });

  // Every route, the token endpoint included, goes through the same headers and session check;
  // token requests skip only Express's router.
  const server = createServer(listener);
  try {
    await listen(server, port, host);
  } catch (error) {
    await emulator?.close();
    throw error;
  }
  const address = server.address() as AddressInfo;
  const url = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      await new Promise<void>((done) => {
        server.close(() => done());
        // Hung test requests and idle keep-alive sockets would hold close() forever.
        server.closeAllConnections();
      });
      await emulator?.close();
      logger.flush();
    })());

  return { url, config, ...(emulator ? { emulator, project } : {}), close };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      const reason =
        error.code === 'EADDRINUSE'
          ? `port ${port} on ${host} is already in use; stop the other process or set PORT to another port.`
          : `cannot listen on ${host}:${port} (${error.code ?? error.message}).`;
      reject(new TokenServerConfigError('PORT', reason));
    };
    const onListening = () => {
      server.off('error', onError);
      resolvePromise();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

/** The folder holding nx.json, found upwards from the working directory (else the cwd). */
function workspaceRoot(): string {
  let dir = resolve(process.cwd());
  while (!existsSync(join(dir, 'nx.json'))) {
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}
