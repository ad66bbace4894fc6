import { request } from 'node:http';
import { EmulatorError } from './emulator-error';
import type {
  CreateProjectOptions,
  EmulatedProject,
  EmulatorFault,
  EmulatorRequest,
  EmulatorRoute,
  MintTokenOptions,
  ProjectBehaviour,
} from './types';

/**
 * A remote control for an emulator running in another process (the Jest global setup, the CLI):
 * the operations of `TiledeskEmulator`, as async calls to `${url}/__emulator/*`.
 *
 * @example
 * ```ts
 * const emulator = connectTiledeskEmulator(process.env.TILEDESK_EMULATOR_URL);
 * const project = await emulator.createProject({ bootDelayMs: 0 });
 * ```
 */
export interface TiledeskEmulatorClient {
  readonly url: string;
  readonly widgetUrl: string;
  readonly apiUrl: string;
  createProject(options?: CreateProjectOptions): Promise<EmulatedProject>;
  configureProject(projectId: string, options: ProjectBehaviour): Promise<void>;
  rotateSecret(projectId: string): Promise<string>;
  failNext(projectId: string, route: EmulatorRoute, fault: EmulatorFault): Promise<void>;
  delayNext(projectId: string, route: EmulatorRoute, ms: number, times?: number): Promise<void>;
  dropChatConnections(projectId: string): Promise<void>;
  /** How many chat connections of the project are open now (long-polls and MQTT clients). */
  openChatConnections(projectId: string): Promise<number>;
  requests(projectId?: string): Promise<EmulatorRequest[]>;
  mintToken(projectId: string, options?: MintTokenOptions): Promise<string>;
  /** Clears faults, delays and the log of one project (recommended: other files share the emulator), or of all. */
  reset(projectId?: string): Promise<void>;
}

/**
 * Options of {@link connectTiledeskEmulator}.
 *
 * @example
 * ```ts
 * const options: ConnectTiledeskEmulatorOptions = { controlToken: line.controlToken };
 * ```
 */
export interface ConnectTiledeskEmulatorOptions {
  /**
   * The emulator's per-run control token (`emulator.controlToken`; the CLI prints it as
   * `controlToken`). Default: `process.env.TILEDESK_EMULATOR_CONTROL_TOKEN`, which the Jest global
   * setup sets.
   */
  controlToken?: string;
}

// Same name as the emulator's control guard; spelled out so this entry point imports no server code.
const CONTROL_TOKEN_HEADER = 'x-tiledesk-emulator-control-token';

interface ControlTarget {
  base: URL;
  controlToken: string;
}

function call<T>(target: ControlTarget, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const url = new URL(path, target.base);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const headers: Record<string, string | number> = { [CONTROL_TOKEN_HEADER]: target.controlToken };
  if (payload !== undefined) Object.assign(headers, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) });
  return new Promise<T>((resolve, reject) => {
    const req = request(
      url,
      // A fresh connection per call (`agent: false`, so `Connection: close`). Node's global agent
      // keeps sockets for 5 s and the server drops idle ones after 5 s: on a busy machine a call
      // went out on a pooled socket just as the server closed it and died with "socket hang up".
      // Retrying would be unsafe (a POST such as rotate-secret may have been applied), and a new
      // loopback connection costs well under a millisecond, so the socket is never reused.
      { method, headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown;
          try {
            parsed = JSON.parse(text);
          } catch {
            parsed = undefined;
          }
          const status = res.statusCode ?? 0;
          if (status >= 200 && status < 300) return resolve(parsed as T);
          const error = (parsed as { error?: { code?: string; message?: string } } | undefined)?.error;
          const code =
            error?.code === 'unknown-project' || error?.code === 'duplicate-project' || error?.code === 'invalid-argument'
              ? error.code
              : 'control-request-failed';
          reject(new EmulatorError(code, error?.message ?? `${method} ${url.pathname} answered ${status}: ${text.slice(0, 200)}`));
        });
        res.on('error', reject);
      },
    );
    req.on('error', (error) =>
      reject(new EmulatorError('control-request-failed', `cannot reach the Tiledesk emulator at ${target.base.origin}: ${error.message}`)),
    );
    req.end(payload);
  });
}

/**
 * Connects to a running emulator by URL (default: `process.env.TILEDESK_EMULATOR_URL`) with its
 * control token (default: `process.env.TILEDESK_EMULATOR_CONTROL_TOKEN`); the Jest global setup
 * sets both. Uses only `node:http`, so it works in Jest's jsdom environment.
 *
 * @example
 * ```ts
 * const emulator = connectTiledeskEmulator();
 * const project = await emulator.createProject({ bootDelayMs: 0 });
 * const token = await emulator.mintToken(project.id, { userId: 'ada' });
 * // another process's emulator: connectTiledeskEmulator(line.url, { controlToken: line.controlToken })
 * ```
 */
export function connectTiledeskEmulator(
  url: string | undefined = process.env['TILEDESK_EMULATOR_URL'],
  options: ConnectTiledeskEmulatorOptions = {},
): TiledeskEmulatorClient {
  if (typeof url !== 'string' || url === '') {
    throw new EmulatorError(
      'invalid-argument',
      'connectTiledeskEmulator needs the emulator URL (or TILEDESK_EMULATOR_URL set by the Jest global setup)',
    );
  }
  let base: URL;
  try {
    base = new URL(url);
  } catch {
    throw new EmulatorError('invalid-argument', `connectTiledeskEmulator: ${JSON.stringify(url)} is not a URL`);
  }
  const controlToken = options.controlToken ?? process.env['TILEDESK_EMULATOR_CONTROL_TOKEN'];
  if (typeof controlToken !== 'string' || controlToken === '') {
    throw new EmulatorError(
      'invalid-argument',
      'connectTiledeskEmulator needs the emulator\'s control token: { controlToken } (emulator.controlToken, or "controlToken" in the CLI\'s JSON line), or TILEDESK_EMULATOR_CONTROL_TOKEN set by the Jest global setup',
    );
  }
  const target: ControlTarget = { base, controlToken };
  const origin = base.origin;
  const project = (id: string, op: string) => `/__emulator/projects/${encodeURIComponent(id)}/${op}`;
  return {
    url: origin,
    widgetUrl: `${origin}/v6/launch.js`,
    apiUrl: `${origin}/api/`,
    createProject: (options = {}) => call<EmulatedProject>(target, 'POST', '/__emulator/projects', options),
    configureProject: async (id, options) => {
      await call(target, 'POST', project(id, 'configure'), options);
    },
    rotateSecret: async (id) => (await call<{ secret: string }>(target, 'POST', project(id, 'rotate-secret'), {})).secret,
    failNext: async (id, route, fault) => {
      await call(target, 'POST', project(id, 'fail-next'), { route, status: fault?.status, times: fault?.times });
    },
    delayNext: async (id, route, ms, times) => {
      await call(target, 'POST', project(id, 'delay-next'), { route, ms, times });
    },
    dropChatConnections: async (id) => {
      await call(target, 'POST', project(id, 'drop-chat-connections'), {});
    },
    openChatConnections: async (id) => (await call<{ open: number }>(target, 'GET', project(id, 'chat-connections'))).open,
    requests: (id) =>
      call<EmulatorRequest[]>(
        target,
        'GET',
        id === undefined ? '/__emulator/requests' : `/__emulator/requests?projectId=${encodeURIComponent(id)}`,
      ),
    mintToken: async (id, options = {}) => (await call<{ token: string }>(target, 'POST', project(id, 'tokens'), options)).token,
    reset: async (projectId) => {
      await call(target, 'POST', '/__emulator/reset', projectId === undefined ? {} : { projectId });
    },
  };
}
