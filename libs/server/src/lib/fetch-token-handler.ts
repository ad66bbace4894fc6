import { createTokenResponder, type TokenHandlerOptionsSource } from './token-request.js';

/**
 * Creates a Web Fetch API token endpoint, `(request: Request) => Promise<Response>`, for Next.js
 * route handlers, Hono, Bun, Deno and Workers. POST only (405 with `Allow: POST` otherwise),
 * same-origin `Content-Type: application/json` requests only (403 otherwise), 401
 * `{ error: 'not-signed-in' }` when `getUser` returns null, else `{ token, expiresAt }`. Every
 * response is JSON with `Cache-Control: no-store` and no CORS headers.
 *
 * Nothing is checked at creation, so `next build` can evaluate the route without the secrets.
 * The options (or the function returning them) are read and checked at the first request; while
 * they are wrong, every request answers 500 `{ error: 'internal-error' }` and logs one line naming
 * the option. To fail at start-up instead, call `assertTokenHandlerOptions()` there.
 *
 * @example
 * ```ts
 * // app/api/tiledesk-token/route.ts (Next.js)
 * export const POST = createTokenHandler({
 *   projectId: process.env.TILEDESK_PROJECT_ID!,
 *   secret: process.env.TILEDESK_SHARED_SECRET!,
 *   getUser: async () => (await auth())?.user ?? null,
 * });
 * ```
 */
export function createTokenHandler(options: TokenHandlerOptionsSource<Request>): (request: Request) => Promise<Response> {
  const respond = createTokenResponder(options, 'createTokenHandler');
  return async (request) => {
    const spec = await respond({
      method: request.method,
      header: (name) => request.headers.get(name) ?? (name === 'host' ? new URL(request.url).host : null),
      // request.url is absolute (Request requires it), so its scheme is its first characters.
      tls: request.url.startsWith('https:'),
      request,
    });
    return new Response(JSON.stringify(spec.body), { status: spec.status, headers: spec.headers });
  };
}
