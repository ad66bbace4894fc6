import { sampleRuntime } from '../../../server/sample-runtime';

export const dynamic = 'force-dynamic';

/**
 * `POST /api/tiledesk-token`: `{ token: 'JWT …', expiresAt }` for the session's user, minted by
 * `createTokenHandler()` of `@tiledesk-auth/server` (401 `not-signed-in` without a session, 403
 * for cross-site or non-JSON requests). Next.js answers other methods with 405.
 *
 * @example
 * ```ts
 * const { token } = await (await fetch('/api/tiledesk-token', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).json();
 * ```
 */
export async function POST(request: Request): Promise<Response> {
  return (await sampleRuntime()).tokenEndpoint.handle(request);
}
