import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * CORS headers for every answer: the host page runs on another origin than the emulator, and the
 * widget sends `Authorization`, which needs a preflight.
 *
 * @example
 * ```ts
 * res.writeHead(204, corsHeaders(req)).end();
 * ```
 */
export function corsHeaders(req: IncomingMessage): Record<string, string> {
  return {
    'Access-Control-Allow-Origin': req.headers.origin ?? '*',
    'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE, OPTIONS',
    'Access-Control-Allow-Headers': req.headers['access-control-request-headers'] ?? 'Authorization, Content-Type',
    'Access-Control-Max-Age': '600',
    Vary: 'Origin',
  };
}

/**
 * Sends a JSON body with CORS headers.
 *
 * @example
 * ```ts
 * sendJson(req, res, 200, { success: true });
 * ```
 */
export function sendJson(req: IncomingMessage, res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...corsHeaders(req), 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

/**
 * Sends plain text with CORS headers (Tiledesk's failures are a bare `Unauthorized`).
 *
 * @example
 * ```ts
 * sendText(req, res, 401, 'Unauthorized');
 * ```
 */
export function sendText(req: IncomingMessage, res: ServerResponse, status: number, text: string, contentType = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { ...corsHeaders(req), 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

/**
 * The standard text for a status, as Express sends it (`Unauthorized`, `Forbidden`, ...).
 *
 * @example
 * ```ts
 * statusText(401); // 'Unauthorized'
 * ```
 */
export function statusText(status: number): string {
  const texts: Record<number, string> = {
    400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 429: 'Too Many Requests',
    500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
  };
  return texts[status] ?? `Status ${status}`;
}

const MAX_BODY_BYTES = 64 * 1024;

/**
 * Reads a small request body as text (64 KiB at most, more is an error).
 *
 * @example
 * ```ts
 * const body = await readBody(req);
 * ```
 */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error(`request body larger than ${MAX_BODY_BYTES} bytes`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * Parses a JSON object body; an empty body is `{}`. Anything else that is not an object throws.
 *
 * @example
 * ```ts
 * const { id_project } = await readJsonObject(req);
 * ```
 */
export async function readJsonObject(req: IncomingMessage): Promise<Record<string, unknown>> {
  const text = await readBody(req);
  if (text.trim() === '') return {};
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new SyntaxError('the request body must be a JSON object');
  }
  return parsed as Record<string, unknown>;
}

/**
 * Resolves after `ms` milliseconds (0 resolves at once).
 *
 * @example
 * ```ts
 * await sleep(project.latencyMs);
 * ```
 */
export function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
