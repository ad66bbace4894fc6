import { cspHash } from './inline-script-hashes';

/**
 * The `window` property under which a sample page's early token request waits for the page's
 * bundle: a `Promise<Response>` of `POST /api/tiledesk-token`, taken by the bundle's first
 * `getToken()`.
 *
 * @example
 * ```ts
 * (window as unknown as Record<string, unknown>)[EARLY_TOKEN_GLOBAL]; // Promise<Response> | undefined
 * ```
 */
export const EARLY_TOKEN_GLOBAL = 'tiledeskTokenRequest';

/**
 * The code of the inline script that starts the token request while the browser is still reading
 * the page, before the bundle has even arrived: a bundle runs only once it is downloaded,
 * compiled and its framework evaluated, which on a small machine costs more than the HTML does.
 * The request is the one the samples' `getToken()` sends (same path, cookie, body, 10 s cut-off);
 * the `catch` only keeps a failure that nobody takes from being reported as unhandled. The text
 * is constant, so one CSP hash covers every page.
 *
 * @example
 * ```ts
 * `<script>${EARLY_TOKEN_SCRIPT}</script>`;
 * ```
 */
export const EARLY_TOKEN_SCRIPT =
  `(window.${EARLY_TOKEN_GLOBAL}=fetch("/api/tiledesk-token",{method:"POST",credentials:"include",` +
  `headers:{"Content-Type":"application/json"},body:"{}",signal:AbortSignal.timeout(10000)})).catch(function(){});`;

/**
 * The CSP hash source of {@link EARLY_TOKEN_SCRIPT}, for the `script-src` of a page that has it.
 *
 * @example
 * ```ts
 * pagePolicy({ scripts: [...inline.scripts, EARLY_TOKEN_SCRIPT_HASH], handlers: inline.handlers });
 * ```
 */
export const EARLY_TOKEN_SCRIPT_HASH = cspHash(EARLY_TOKEN_SCRIPT);

/**
 * The early token request as a script element, for the page of a visitor who is logged in (for
 * anyone else the request would only be answered 401).
 *
 * @example
 * ```ts
 * earlyTokenScript(); // '<script>(window.tiledeskTokenRequest=fetch(…)).catch(…);</script>'
 * ```
 */
export function earlyTokenScript(): string {
  return `<script>${EARLY_TOKEN_SCRIPT}</script>`;
}
