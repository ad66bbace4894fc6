import { request } from 'node:http';
import { EmulatorError } from './lib/emulator-error';
import type { CreateProjectOptions, EmulatedProject, EmulatorFault, EmulatorRequest, EmulatorRoute, MintTokenOptions, ProjectBehaviour } from './lib/types';

export { EmulatorError, type EmulatorErrorCode } from './lib/emulator-error';
export type { CreateProjectOptions, EmulatedProject, EmulatorFault, EmulatorRequest, EmulatorRoute, MintTokenOptions, ProjectBehaviour } from './lib/types';

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
  requests(projectId?: string): Promise<EmulatorRequest[]>;
  mintToken(projectId: string, options?: MintTokenOptions): Promise<string>;
  /** Clears faults, delays and the log of one project (recommended: other files share the emulator), or of all. */
  reset(projectId?: string): Promise<void>;
}

function call<T>(base: URL, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const target = new URL(path, base);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise<T>((resolve, reject) => {
    const req = request(
      target,
      { method, headers: payload === undefined ? {} : { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) } },
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
          const code = error?.code === 'unknown-project' || error?.code === 'duplicate-project' || error?.code === 'invalid-argument' ? error.code : 'control-request-failed';
          reject(new EmulatorError(code, error?.message ?? `${method} ${target.pathname} answered ${status}: ${text.slice(0, 200)}`));
        });
        res.on('error', reject);
      },
    );
    req.on('error', (error) => reject(new EmulatorError('control-request-failed', `cannot reach the Tiledesk emulator at ${base.origin}: ${error.message}`)));
    req.end(payload);
  });
}

/**
 * Connects to a running emulator by URL (default: `process.env.TILEDESK_EMULATOR_URL`, which the
 * Jest global setup sets). Uses only `node:http`, so it works in Jest's jsdom environment.
 *
 * @example
 * ```ts
 * const emulator = connectTiledeskEmulator();
 * const project = await emulator.createProject({ bootDelayMs: 0 });
 * const token = await emulator.mintToken(project.id, { userId: 'ada' });
 * ```
 */
export function connectTiledeskEmulator(url: string | undefined = process.env['TILEDESK_EMULATOR_URL']): TiledeskEmulatorClient {
  if (typeof url !== 'string' || url === '') {
    throw new EmulatorError('invalid-argument', 'connectTiledeskEmulator needs the emulator URL (or TILEDESK_EMULATOR_URL set by the Jest global setup)');
  }
  let base: URL;
  try {
    base = new URL(url);
  } catch {
    throw new EmulatorError('invalid-argument', `connectTiledeskEmulator: ${JSON.stringify(url)} is not a URL`);
  }
  const origin = base.origin;
  const project = (id: string, op: string) => `/__emulator/projects/${encodeURIComponent(id)}/${op}`;
  return {
    url: origin,
    widgetUrl: `${origin}/v6/launch.js`,
    apiUrl: `${origin}/api/`,
    createProject: (options = {}) => call<EmulatedProject>(base, 'POST', '/__emulator/projects', options),
    configureProject: async (id, options) => {
      await call(base, 'POST', project(id, 'configure'), options);
    },
    rotateSecret: async (id) => (await call<{ secret: string }>(base, 'POST', project(id, 'rotate-secret'), {})).secret,
    failNext: async (id, route, fault) => {
      await call(base, 'POST', project(id, 'fail-next'), { route, status: fault?.status, times: fault?.times });
    },
    delayNext: async (id, route, ms, times) => {
      await call(base, 'POST', project(id, 'delay-next'), { route, ms, times });
    },
    dropChatConnections: async (id) => {
      await call(base, 'POST', project(id, 'drop-chat-connections'), {});
    },
    requests: (id) => call<EmulatorRequest[]>(base, 'GET', id === undefined ? '/__emulator/requests' : `/__emulator/requests?projectId=${encodeURIComponent(id)}`),
    mintToken: async (id, options = {}) => (await call<{ token: string }>(base, 'POST', project(id, 'tokens'), options)).token,
    reset: async (projectId) => {
      await call(base, 'POST', '/__emulator/reset', projectId === undefined ? {} : { projectId });
    },
  };
}
