// The folder is "%5F%5Ftest": Next.js keeps folders that start with "_" out of the routes, and
// "%5F" is how a URL segment that starts with "_" is written (this route is /__test/<hook>).
import { handleTestHook } from '../../../server/test-hooks';

export const dynamic = 'force-dynamic';

/**
 * `POST /__test/<hook>`: the e2e tests' hooks, in emulator mode only (see `server/test-hooks.ts`).
 *
 * @example
 * ```ts
 * await fetch('/__test/token-expires-in', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"seconds":8}' });
 * ```
 */
export async function POST(request: Request, { params }: { params: Promise<{ hook: string }> }): Promise<Response> {
  return handleTestHook((await params).hook, request);
}
