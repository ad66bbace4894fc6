import { checkHandlerOptions } from './token-handler-options.js';
import type { TokenHandlerOptions } from './token-request.js';

/**
 * Checks token handler options now and throws a `TiledeskTokenError` naming the option for the
 * first mistake (the same checks the handlers make at their first request). For servers that
 * would rather not start than serve a broken endpoint: call it at start-up with the options you
 * give the handler. The message never contains the secret.
 *
 * @example
 * ```ts
 * const options = { projectId: process.env.TILEDESK_PROJECT_ID!, secret: process.env.TILEDESK_SHARED_SECRET!, getUser };
 * assertTokenHandlerOptions(options); // throws at start-up, not at the first request
 * app.all('/api/tiledesk-token', createNodeTokenHandler(options));
 * ```
 */
export function assertTokenHandlerOptions<Req>(options: TokenHandlerOptions<Req>): void {
  checkHandlerOptions<Req>(options, 'assertTokenHandlerOptions');
}
