import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { classifyApiRequest, type ApiContext } from './api-routes';
import { ChatHub } from './chat-hub';
import { serveChatSocket } from './chat-socket';
import { handleControlRequest } from './control-api';
import { newControlToken } from './control-guard';
import { EmulatorError } from './emulator-error';
import { corsHeaders, logUnexpectedError, requestUrl, sendText, sleep, statusText } from './http-helpers';
import { mintVisitorToken } from './mint-token';
import { ProjectRegistry } from './project-registry';
import { loggablePath, RequestLog } from './request-log';
import type { EmulatedProject, EmulatorRequest, TiledeskEmulator, TiledeskEmulatorOptions } from './types';
import { openWidgetBuild, type WidgetBuild } from './widget-build';
import { bundleWidget } from './widget-bundle';
import { classifyWidgetRequest, type WidgetRoutesContext } from './widget-routes';

/**
 * Starts the Tiledesk emulator on loopback: the API (`${url}/api/`), the widget (`launch.js`) and
 * the control API (`/__emulator/*`). The widget bundle is built before this resolves.
 *
 * @example
 * ```ts
 * const emulator = await startTiledeskEmulator();
 * const project = emulator.createProject({ bootDelayMs: 0 });
 * const token = await emulator.mintToken(project.id, { userId: 'ada' });
 * // ... load project.widgetUrl in a page and call tiledesk.signInWithCustomToken(token)
 * await emulator.close();
 * ```
 */
export async function startTiledeskEmulator(options: TiledeskEmulatorOptions = {}): Promise<TiledeskEmulator> {
  const host = options.host ?? '127.0.0.1';
  const defaultBootDelayMs = options.bootDelayMs ?? 5000;
  const defaultLatencyMs = options.latencyMs ?? 0;
  const storagePrefix = options.storagePrefix ?? 'widget_sv6';
  if (!/^[A-Za-z0-9_]+$/.test(storagePrefix)) {
    throw new EmulatorError('invalid-argument', `storagePrefix must be letters, digits or "_"; got ${JSON.stringify(storagePrefix)}`);
  }
  const build: WidgetBuild | undefined = options.widgetBuildDir === undefined ? undefined : await openWidgetBuild(options.widgetBuildDir);
  const registry = new ProjectRegistry();
  for (const project of options.projects ?? []) registry.create(project);
  const hub = new ChatHub();
  const log = new RequestLog();
  const globalSecret = randomUUID();
  const api: ApiContext = {
    registry,
    hub,
    secrets: { globalSecret, projectSecret: (id) => registry.find(id)?.secret },
  };
  if (!build) await bundleWidget();
  const widgetRoutes: WidgetRoutesContext = { registry, build, defaultBootDelayMs, storagePrefix, baseUrl: () => self.base ?? '' };

  // The control API needs the emulator object, which needs the port: filled in after listen().
  const self: { emulator?: TiledeskEmulator; base?: string } = {};
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // The message is for the developer, not for whoever sent the request.
      logUnexpectedError(`${req.method} ${req.url}`, error);
      if (!res.headersSent) sendText(req, res, 500, statusText(500));
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = requestUrl(req);
    if (!url) return sendText(req, res, 400, statusText(400));
    const path = url.pathname;
    // Before the CORS preflight answer: the control API answers no web page, preflights included.
    if (path.startsWith('/__emulator/') && self.emulator) return handleControlRequest(self.emulator, req, res, path, url.searchParams);
    if (req.method === 'OPTIONS') {
      res.writeHead(204, corsHeaders(req)).end();
      return;
    }

    const classified = path.startsWith('/api/')
      ? classifyApiRequest(api, req, res, path.slice('/api/'.length))
      : classifyWidgetRequest(widgetRoutes, req, res, path);

    const entry: EmulatorRequest = {
      method: req.method ?? 'GET',
      route: classified?.route ?? 'other',
      path: loggablePath(path),
      status: 0,
      projectId: classified?.projectId,
      startedAt: Date.now(),
      endedAt: 0,
    };
    res.once('close', () => {
      entry.status = res.headersSent ? res.statusCode : 0;
      entry.projectId = classified?.projectId;
      entry.endedAt = Date.now();
      log.add(entry);
    });
    if (!classified) return sendText(req, res, 404, statusText(404));
    if (classified.transport) return classified.handle();

    const project = registry.find(classified.projectId);
    const route = classified.route;
    const extra = route === 'other' ? 0 : registry.takeDelay(classified.projectId, route);
    await sleep((project?.latencyMs ?? defaultLatencyMs) + extra);
    const fault = route === 'other' ? undefined : registry.takeFault(classified.projectId, route);
    if (fault !== undefined) return sendText(req, res, fault, statusText(fault));
    return classified.handle();
  }

  const broker = serveChatSocket(server, hub, log);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const base = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  self.base = base;
  const toProject = (id: string): EmulatedProject => {
    const state = registry.get(id);
    return { id: state.id, secret: state.secret, widgetUrl: `${base}/p/${encodeURIComponent(state.id)}/v6/launch.js` };
  };

  const emulator: TiledeskEmulator = {
    url: base,
    controlToken: newControlToken(),
    widget: build ? 'real' : 'emulated',
    storagePrefix: build?.storagePrefix ?? storagePrefix,
    widgetUrl: `${base}/v6/launch.js`,
    apiUrl: `${base}/api/`,
    createProject: (projectOptions) => toProject(registry.create(projectOptions).id),
    configureProject: (id, behaviour) => registry.configure(id, behaviour),
    rotateSecret: (id) => registry.rotateSecret(id),
    failNext: (id, route, fault) => registry.failNext(id, route, fault),
    delayNext: (id, route, ms, times) => registry.delayNext(id, route, ms, times),
    dropChatConnections: (id) => {
      registry.get(id);
      hub.drop(id);
      broker.drop(id);
    },
    chatClients: (id) => broker.clientsOf(id),
    openChatConnections: (id) => {
      registry.get(id);
      return hub.connectionCountOf(id) + broker.clientsOf(id).length;
    },
    requests: (id) => log.list(id),
    mintToken: (id, mintOptions) => mintVisitorToken(id, registry.get(id).secret, mintOptions),
    reset: (id) => {
      registry.clearFaults(id);
      log.clear(id);
    },
    close: async () => {
      hub.drop(undefined);
      const serverClosed = new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
      server.closeAllConnections();
      await broker.close();
      await serverClosed;
    },
  };
  self.emulator = emulator;
  return emulator;
}
