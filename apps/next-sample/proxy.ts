import { randomBytes } from 'node:crypto';
import { NextResponse, type NextRequest } from 'next/server';
import { NONCE_HEADER, pagePolicy, widgetSourcesOf, type WidgetSources } from './server/page-policy';
import { readSampleSettings } from './server/sample-settings';

let sources: WidgetSources | undefined;

/**
 * Gives every page a Content-Security-Policy with a fresh nonce: Next.js's inline scripts (its
 * RSC payload) differ on every page, so they cannot be hashed once as the token server's pages
 * are. The policy goes on the request too, where Next.js finds the nonce and puts it on its own
 * scripts, and on the answer, where the browser enforces it.
 *
 * @example
 * ```ts
 * // Next.js calls it before it renders a page.
 * const response = proxy(request);
 * ```
 */
export function proxy(request: NextRequest): NextResponse {
  // Settings do not change while the server runs, and main.ts has checked them before it started.
  sources ??= widgetSourcesOf(readSampleSettings(process.env));
  const nonce = randomBytes(18).toString('base64');
  const policy = pagePolicy(sources, nonce);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(NONCE_HEADER, nonce);
  requestHeaders.set('Content-Security-Policy', policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

/**
 * Pages only: the API answers and the test hooks get their fixed policy from next.config.ts, and
 * the build's static files need none.
 *
 * @example
 * ```ts
 * config.matcher; // one source: everything but /api, /__test and /_next
 * ```
 */
export const config = {
  matcher: [{ source: '/((?!api/|__test/|_next/).*)' }],
};
