import type { IncomingMessage, ServerResponse } from 'node:http';
import { refuseControlRequest } from './control-guard';
import { EmulatorError } from './emulator-error';
import { BodyTooLargeError, logUnexpectedError, readJsonObject, sendControlJson } from './http-helpers';
import type { EmulatorRoute, MintTokenOptions, TiledeskEmulator } from './types';

const ERROR_STATUS: Record<string, number> = { 'unknown-project': 404, 'duplicate-project': 409, 'invalid-argument': 400 };

function optionalNumber(body: Record<string, unknown>, key: string): number | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'number') throw new EmulatorError('invalid-argument', `${key} must be a number; got ${JSON.stringify(value)}`);
  return value;
}

function decodeProjectId(encoded: string): string {
  try {
    return decodeURIComponent(encoded);
  } catch {
    throw new EmulatorError('invalid-argument', 'the project id in the path has malformed percent-encoding');
  }
}

function optionalString(body: Record<string, unknown>, key: string): string | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new EmulatorError('invalid-argument', `${key} must be a string; got ${JSON.stringify(value)}`);
  return value;
}

function isJson(req: IncomingMessage): boolean {
  return (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase() === 'application/json';
}

/**
 * Serves `/__emulator/*`, the JSON control API behind `connectTiledeskEmulator()`: every operation
 * of {@link TiledeskEmulator} except `close`, for processes that did not start the emulator.
 *
 * Only local processes holding the run's control token get in (see `refuseControlRequest`), and
 * no answer carries CORS headers, so no web page open in the developer's browser can drive it or
 * read it. POST bodies must be `application/json`: a page can send `text/plain` without a CORS
 * preflight, never `application/json`. `GET info` needs no token (it tells only the URLs the caller
 * already used, which makes it a safe liveness probe) but passes the same browser checks.
 *
 * @example
 * ```ts
 * if (path.startsWith('/__emulator/')) return handleControlRequest(emulator, req, res, path);
 * ```
 */
export async function handleControlRequest(
  emulator: TiledeskEmulator,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  query: URLSearchParams,
): Promise<void> {
  const op = path.slice('/__emulator/'.length);
  const refusal = refuseControlRequest(req, { url: emulator.url, token: emulator.controlToken }, !(req.method === 'GET' && op === 'info'));
  if (refusal) return sendControlJson(res, refusal.status, { error: { code: 'control-request-refused', message: refusal.message } });
  try {
    if (req.method === 'GET' && op === 'info') {
      return sendControlJson(res, 200, { url: emulator.url, widgetUrl: emulator.widgetUrl, apiUrl: emulator.apiUrl });
    }
    if (req.method === 'GET' && op === 'requests') {
      return sendControlJson(res, 200, emulator.requests(query.get('projectId') ?? undefined));
    }
    const connections = req.method === 'GET' ? /^projects\/([^/]+)\/chat-connections$/.exec(op) : null;
    if (connections) {
      return sendControlJson(res, 200, { open: emulator.openChatConnections(decodeProjectId(connections[1])) });
    }
    if (req.method !== 'POST')
      return sendControlJson(
        res,
        405,
        { error: { code: 'invalid-argument', message: `${req.method} is not allowed on ${path}` } },
        { Allow: 'GET, POST' },
      );
    if (!isJson(req)) {
      return sendControlJson(res, 415, {
        error: { code: 'invalid-argument', message: 'control requests send their body as Content-Type: application/json' },
      });
    }
    let body: Record<string, unknown>;
    try {
      body = await readJsonObject(req);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        return sendControlJson(res, 413, { error: { code: 'invalid-argument', message: error.message } }, { Connection: 'close' });
      }
      throw new EmulatorError('invalid-argument', `body: ${(error as Error).message}`);
    }
    if (op === 'reset') {
      emulator.reset(optionalString(body, 'projectId'));
      return sendControlJson(res, 200, { ok: true });
    }
    if (op === 'projects') {
      const project = emulator.createProject({
        id: optionalString(body, 'id'),
        secret: optionalString(body, 'secret'),
        bootDelayMs: optionalNumber(body, 'bootDelayMs'),
        latencyMs: optionalNumber(body, 'latencyMs'),
      });
      return sendControlJson(res, 201, project);
    }
    const match = /^projects\/([^/]+)\/([a-z-]+)$/.exec(op);
    if (!match) return sendControlJson(res, 404, { error: { code: 'invalid-argument', message: `no control operation ${path}` } });
    const projectId = decodeProjectId(match[1]);
    switch (match[2]) {
      case 'configure':
        emulator.configureProject(projectId, {
          bootDelayMs: optionalNumber(body, 'bootDelayMs'),
          latencyMs: optionalNumber(body, 'latencyMs'),
        });
        return sendControlJson(res, 200, { ok: true });
      case 'rotate-secret':
        return sendControlJson(res, 200, { secret: emulator.rotateSecret(projectId) });
      case 'fail-next':
        emulator.failNext(projectId, body['route'] as EmulatorRoute, {
          status: body['status'] as number,
          times: optionalNumber(body, 'times'),
        });
        return sendControlJson(res, 200, { ok: true });
      case 'delay-next':
        emulator.delayNext(projectId, body['route'] as EmulatorRoute, body['ms'] as number, optionalNumber(body, 'times'));
        return sendControlJson(res, 200, { ok: true });
      case 'drop-chat-connections':
        emulator.dropChatConnections(projectId);
        return sendControlJson(res, 200, { ok: true });
      case 'tokens':
        return sendControlJson(res, 200, { token: await emulator.mintToken(projectId, body as MintTokenOptions) });
      default:
        return sendControlJson(res, 404, { error: { code: 'invalid-argument', message: `no control operation ${path}` } });
    }
  } catch (error) {
    if (error instanceof EmulatorError) {
      return sendControlJson(res, ERROR_STATUS[error.code] ?? 400, { error: { code: error.code, message: error.message } });
    }
    logUnexpectedError(`${req.method} ${path}`, error);
    return sendControlJson(res, 500, {
      error: { code: 'control-request-failed', message: 'the emulator failed unexpectedly; its stderr has the details' },
    });
  }
}
