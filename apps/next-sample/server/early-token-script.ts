/**
 * The `window` property under which the page's early token request waits for the page's scripts:
 * a `Promise<Response>` of `POST /api/tiledesk-token`, taken by the first `getToken()` (the same
 * name as the token server's pages use).
 *
 * @example
 * ```ts
 * (window as unknown as Record<string, unknown>)[EARLY_TOKEN_GLOBAL]; // Promise<Response> | undefined
 * ```
 */
export const EARLY_TOKEN_GLOBAL = 'tiledeskTokenRequest';

/**
 * The code of the inline script at the top of `<head>` that starts the token request while the
 * browser is still reading the page: Next.js's scripts run only once they are downloaded and
 * React has hydrated the page, which on a small machine costs more than the HTML does. The
 * request is the one `getToken()` sends (same path, cookie, body, 10 s cut-off); the `catch` only
 * keeps a failure nobody takes from being reported as unhandled. Only for a visitor who is logged
 * in: anyone else would only get a 401.
 *
 * @example
 * ```tsx
 * <script dangerouslySetInnerHTML={{ __html: EARLY_TOKEN_SCRIPT }} />
 * ```
 */
export const EARLY_TOKEN_SCRIPT =
  `(window.${EARLY_TOKEN_GLOBAL}=fetch("/api/tiledesk-token",{method:"POST",credentials:"same-origin",` +
  `headers:{"Content-Type":"application/json"},body:"{}",signal:AbortSignal.timeout(10000)})).catch(function(){});`;
