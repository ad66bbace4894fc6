/**
 * Where the token server's page leaves the token request it starts for a logged-in visitor (an
 * inline script at the top of `<head>`): a `Promise<Response>` of `POST /api/tiledesk-token`.
 */
const EARLY_TOKEN_GLOBAL = 'tiledeskTokenRequest';

/**
 * The answer of the token request the page started before this bundle ran, once: the token,
 * `null` for the endpoint's 401 (nobody logged in), an error carrying the HTTP status otherwise,
 * as `TokenServerApi.tiledeskToken()` gives. `undefined` when the page started none (`ng serve`,
 * a visitor without a session) or it was already taken: later calls (token refresh) ask
 * `HttpClient`. The request starts while the browser still reads the page, so neither this
 * bundle nor Angular's bootstrap comes before it.
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
  return (request as Promise<Response>).then(async (response) => {
    if (response.status === 401) return null;
    // `status` travels with the error: Tiledesk keeps it on its token-fetch-failed error and in its log.
    if (!response.ok)
      throw Object.assign(new Error(`POST /api/tiledesk-token answered HTTP ${response.status}`), { status: response.status });
    return ((await response.json()) as { token: string }).token;
  });
}
