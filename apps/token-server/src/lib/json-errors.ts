import type { ServerResponse } from 'node:http';
import type { ErrorRequestHandler } from 'express';
import type { TokenServerLogger } from './token-server-options';

/**
 * Answers an error that reached the end of a route as JSON: a client error (body-parser's
 * malformed JSON, too large, wrong charset) as that 4xx with the first words of its message
 * (it can quote the body), anything else as a logged 500 that says nothing of its cause.
 * Node's `res` only, so that the token fast path and Express answer alike. Once the headers are
 * out, nothing more is written.
 *
 * @example
 * ```ts
 * answerError(new Error('boom'), res, logger); // 500 {"error":"internal-error",...}
 * ```
 */
export function answerError(error: unknown, res: ServerResponse, logger: TokenServerLogger): void {
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    if (!res.headersSent) send(res, status, { error: 'bad-request', message: (error as Error).message.slice(0, 200) });
    return;
  }
  logger.error(`token-server: unexpected error: ${error instanceof Error ? `${error.name}: ${error.message}` : typeof error}`);
  if (!res.headersSent) send(res, 500, { error: 'internal-error', message: 'Unexpected server error.' });
}

/**
 * {@link answerError} as Express's last error handler.
 *
 * @example
 * ```ts
 * app.use(jsonErrors(logger));
 * ```
 */
export function jsonErrors(logger: TokenServerLogger): ErrorRequestHandler {
  return (error: unknown, _req, res, _next) => answerError(error, res, logger);
}

function send(res: ServerResponse, status: number, body: { error: string; message: string }): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}
