import type { IncomingMessage, ServerResponse } from 'node:http';
import { EmulatorError } from './emulator-error';
import { readJsonObject, sendJson } from './http-helpers';
import type { EmulatorRoute, MintTokenOptions, TiledeskEmulator } from './types';

const ERROR_STATUS: Record<string, number> = { 'unknown-project': 404, 'duplicate-project': 409, 'invalid-argument': 400 };

function optionalNumber(body: Record<string, unknown>, key: string): number | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'number') throw new EmulatorError('invalid-argument', `${key} must be a number; got ${JSON.stringify(value)}`);
  return value;
}

function optionalString(body: Record<string, unknown>, key: string): string | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new EmulatorError('invalid-argument', `${key} must be a string; got ${JSON.stringify(value)}`);
  return value;
}

/**
 * Serves `/__emulator/*`, the JSON control API behind `connectTiledeskEmulator()`: every operation
 * of {@link TiledeskEmulator} except `close`, for processes that did not start the emulator.
 *
 * @example
 * ```ts
 * if (path.startsWith('/__emulator/')) return handleControlRequest(emulator, req, res, path);
 * ```
 */
export async function handleControlRequest(emulator: TiledeskEmulator, req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams): Promise<void> {
  try {
    const op = path.slice('/__emulator/'.length);
    if (req.method === 'GET' && op === 'info') {
      return sendJson(req, res, 200, { url: emulator.url, widgetUrl: emulator.widgetUrl, apiUrl: emulator.apiUrl });
    }
    if (req.method === 'GET' && op === 'requests') {
      return sendJson(req, res, 200, emulator.requests(query.get('projectId') ?? undefined));
    }
    if (req.method !== 'POST') return sendJson(req, res, 405, { error: { code: 'invalid-argument', message: `${req.method} is not allowed on ${path}` } });
    const body = await readJsonObject(req).catch((error: Error) => {
      throw new EmulatorError('invalid-argument', `body: ${error.message}`);
    });
    if (op === 'reset') {
      emulator.reset(optionalString(body, 'projectId'));
      return sendJson(req, res, 200, { ok: true });
    }
    if (op === 'projects') {
      const project = emulator.createProject({
        id: optionalString(body, 'id'),
        secret: optionalString(body, 'secret'),
        bootDelayMs: optionalNumber(body, 'bootDelayMs'),
        latencyMs: optionalNumber(body, 'latencyMs'),
      });
      return sendJson(req, res, 201, project);
    }
    const match = /^projects\/([^/]+)\/([a-z-]+)$/.exec(op);
    if (!match) return sendJson(req, res, 404, { error: { code: 'invalid-argument', message: `no control operation ${path}` } });
    const projectId = decodeURIComponent(match[1]);
    switch (match[2]) {
      case 'configure':
        emulator.configureProject(projectId, { bootDelayMs: optionalNumber(body, 'bootDelayMs'), latencyMs: optionalNumber(body, 'latencyMs') });
        return sendJson(req, res, 200, { ok: true });
      case 'rotate-secret':
        return sendJson(req, res, 200, { secret: emulator.rotateSecret(projectId) });
      case 'fail-next':
        emulator.failNext(projectId, body['route'] as EmulatorRoute, { status: body['status'] as number, times: optionalNumber(body, 'times') });
        return sendJson(req, res, 200, { ok: true });
      case 'delay-next':
        emulator.delayNext(projectId, body['route'] as EmulatorRoute, body['ms'] as number, optionalNumber(body, 'times'));
        return sendJson(req, res, 200, { ok: true });
      case 'drop-chat-connections':
        emulator.dropChatConnections(projectId);
        return sendJson(req, res, 200, { ok: true });
      case 'tokens':
        return sendJson(req, res, 200, { token: await emulator.mintToken(projectId, body as MintTokenOptions) });
      default:
        return sendJson(req, res, 404, { error: { code: 'invalid-argument', message: `no control operation ${path}` } });
    }
  } catch (error) {
    if (error instanceof EmulatorError) {
      return sendJson(req, res, ERROR_STATUS[error.code] ?? 400, { error: { code: error.code, message: error.message } });
    }
    return sendJson(req, res, 500, { error: { code: 'control-request-failed', message: (error as Error).message } });
  }
}
