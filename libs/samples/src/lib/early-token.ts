// The early token request, both ends of it: the inline script a sample's server writes at the top
// of `<head>` for a logged-in visitor (apps/token-server, apps/next-sample), and the reader that
// hands its answer to the bundle's first `getToken()`. One file, so the two cannot drift apart.
import { fetchTiledeskToken, tokenFromAnswer } from './sample-api';

/**
 * The `window` property under which the page's early token request waits for the page's bundle:
 * a `Promise<Response>` of `POST /api/tiledesk-token`.
 *
 * @example
 * ```ts
 * (window as unknown as Record<string, unknown>)[EARLY_TOKEN_GLOBAL]; // Promise<Response> | undefined
 * ```
 */
export const EARLY_TOKEN_GLOBAL = 'tiledeskTokenRequest';

/**
 * The code of the inline script that starts the token request while the browser is still reading
 * the page, before the bundle has even arrived: a bundle runs only once it is downloaded, compiled
 * and its framework evaluated, which on a small machine costs more than the HTML does. The request
 * is the one {@link fetchTiledeskToken} sends (same path, cookie, body, 10 s cut-off); the `catch`
 * only keeps a failure that nobody takes from being reported as unhandled. The text is constant,
 * so one CSP hash covers every page. Only for a visitor who is logged in: anyone else would only
 * get a 401. Spelled out in plain literals, not as a template of {@link EARLY_TOKEN_GLOBAL} and the
 * path: esbuild (the Angular build) drops an unused string literal but keeps an unused template,
 * and no browser bundle uses this; the spec checks that the names agree.
 *
 * @example
 * ```tsx
 * <script nonce={nonce} dangerouslySetInnerHTML={{ __html: EARLY_TOKEN_SCRIPT }} />
 * ```
 */
export const EARLY_TOKEN_SCRIPT =
  '(window.tiledeskTokenRequest=fetch("/api/tiledesk-token",{method:"POST",credentials:"include",' +
  'headers:{"Content-Type":"application/json"},body:"{}",signal:AbortSignal.timeout(10000)})).catch(function(){});';

/**
 * The answer of the token request the page started before the bundle ran, once: the token, `null`
 * for the endpoint's 401 (nobody logged in), an error carrying the HTTP status otherwise, as
 * {@link fetchTiledeskToken} gives. `undefined` when the page started none (a dev server, a visitor
 * without a session) or it was already taken: later calls (token refresh, a new sign-in) ask the
 * server.
 *
 * @example
 * ```ts
 * getToken: () => takeEarlyToken() ?? inject(TokenServerApi).tiledeskToken()
 * ```
 */
export function takeEarlyToken(host: object = window): Promise<string | null> | undefined {
  const slots = host as Record<string, unknown>;
  const request = slots[EARLY_TOKEN_GLOBAL];
  if (!(request instanceof Promise)) return undefined;
  delete slots[EARLY_TOKEN_GLOBAL];
  return (request as Promise<Response>).then(tokenFromAnswer);
}

/**
 * A `getToken` for the client or provider: the page's early answer the first time, the server
 * ({@link fetchTiledeskToken}) afterwards.
 *
 * @example
 * ```tsx
 * <TiledeskProvider projectId={config.projectId} getToken={firstTokenEarly}>…</TiledeskProvider>
 * ```
 */
export const firstTokenEarly = (): Promise<string | null> => takeEarlyToken() ?? fetchTiledeskToken();
