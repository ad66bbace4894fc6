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
  res.writeHead(status, {
    ...corsHeaders(req),
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

/**
 * Sends a JSON body WITHOUT CORS headers, for the control API: its answers (tokens, secrets, the
 * request log) are for local processes only, so no web page may read them, even one that gets a
 * request through. `no-store` keeps minted tokens out of caches; `nosniff` and
 * `Cross-Origin-Resource-Policy` stop a page from loading the JSON as a script or image.
 *
 * @example
 * ```ts
 * sendControlJson(res, 200, { secret });
 * ```
 */
export function sendControlJson(res: ServerResponse, status: number, body: unknown, extraHeaders: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Resource-Policy': 'same-origin',
    ...extraHeaders,
  });
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
export function sendText(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  text: string,
  contentType = 'text/plain; charset=utf-8',
): void {
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
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    405: 'Method Not Allowed',
    413: 'Payload Too Large',
    415: 'Unsupported Media Type',
    421: 'Misdirected Request',
    429: 'Too Many Requests',
    500: 'Internal Server Error',
    502: 'Bad Gateway',
    503: 'Service Unavailable',
    504: 'Gateway Timeout',
  };
  return texts[status] ?? `Status ${status}`;
}

const MAX_BODY_BYTES = 64 * 1024;
/** Past this, a client is flooding rather than mistaken: stop reading and answer at once. */
const MAX_DRAINED_BYTES = 16 * MAX_BODY_BYTES;

/**
 * A request body over the 64 KiB limit: answer 413.
 *
 * @example
 * ```ts
 * if (error instanceof BodyTooLargeError) return sendControlJson(res, 413, tooLarge, { Connection: 'close' });
 * ```
 */
export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';

  constructor(readonly limitBytes: number = MAX_BODY_BYTES) {
    super(`the request body is larger than ${limitBytes} bytes`);
  }
}

/**
 * Reads a small request body as text (64 KiB at most). A larger body rejects with
 * {@link BodyTooLargeError} once the client has finished sending it: reading (and dropping) the
 * rest first lets the client read the 413, where closing the socket mid-upload would make its
 * kernel discard that answer (a reset).
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
      if (size > MAX_DRAINED_BYTES) reject(new BodyTooLargeError());
      if (size > MAX_BODY_BYTES) chunks.length = 0;
      else chunks.push(chunk);
    });
    req.on('end', () => (size > MAX_BODY_BYTES ? reject(new BodyTooLargeError()) : resolve(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

/**
 * Parses a JSON object body; an empty body is `{}`. Anything else that is not an object throws a
 * `SyntaxError` (with our own words, not the parser's), a body over 64 KiB a {@link BodyTooLargeError}.
 *
 * @example
 * ```ts
 * const { id_project } = await readJsonObject(req);
 * ```
 */
export async function readJsonObject(req: IncomingMessage): Promise<Record<string, unknown>> {
  const text = await readBody(req);
  if (text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new SyntaxError('the request body is not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new SyntaxError('the request body must be a JSON object');
  }
  return parsed as Record<string, unknown>;
}

/**
 * The request's URL, or undefined when it is garbage a real server answers 400: a target that is
 * not a URL, or a path with malformed percent-encoding (`/api/%E0%A4%A/events`), which Express
 * refuses when it decodes a route parameter and a static file server refuses outright.
 *
 * @example
 * ```ts
 * const url = requestUrl(req);
 * if (!url) return sendText(req, res, 400, statusText(400));
 * ```
 */
export function requestUrl(req: IncomingMessage): URL | undefined {
  try {
    const url = new URL(req.url ?? '/', 'http://emulator.invalid');
    decodeURIComponent(url.pathname);
    return url;
  } catch {
    return undefined;
  }
}

/**
 * Logs an unexpected exception for the developer (stderr) instead of sending its message to a
 * client: internal text (paths, library messages) is nobody else's business.
 *
 * @example
 * ```ts
 * logUnexpectedError(`${req.method} ${path}`, error);
 * sendText(req, res, 500, statusText(500));
 * ```
 */
export function logUnexpectedError(where: string, error: unknown): void {
  console.error(`tiledesk-emulator: unexpected error on ${where}:`, error);
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
