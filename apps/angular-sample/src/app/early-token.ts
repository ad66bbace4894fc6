/** The token request started as the bundle ran, until the first `getToken` takes it. */
let early: Promise<string | null> | undefined;

/**
 * Starts the Tiledesk token request now, as the bundle runs, when the page's boot data says
 * someone is logged in: Angular's bootstrap then no longer comes before it. The first `getToken`
 * call takes this answer ({@link takeEarlyToken}); later ones (token refresh) ask `HttpClient`.
 * As there: the token, `null` for the endpoint's 401 (nobody logged in), an error otherwise.
 *
 * @example
 * ```ts
 * if (boot.sessionUser) requestTokenEarly();
 * ```
 */
export function requestTokenEarly(): void {
  early = fetch('/api/tiledesk-token', {
    method: 'POST',
    credentials: 'include',
    headers: { 'Content-Type': 'application/json' },
    body: '{}',
    signal: AbortSignal.timeout(10_000),
  }).then(async (response) => {
    if (response.status === 401) return null;
    // `status` travels with the error: Tiledesk keeps it on its token-fetch-failed error and in its log.
    if (!response.ok)
      throw Object.assign(new Error(`POST /api/tiledesk-token answered HTTP ${response.status}`), { status: response.status });
    return ((await response.json()) as { token: string }).token;
  });
  // Nobody may take it (bootstrap failed): no unhandled rejection for that.
  early.catch(() => undefined);
}

/**
 * The answer of {@link requestTokenEarly}, once; `undefined` when there is none (any more).
 *
 * @example
 * ```ts
 * getToken: () => takeEarlyToken() ?? inject(TokenServerApi).tiledeskToken()
 * ```
 */
export function takeEarlyToken(): Promise<string | null> | undefined {
  const answer = early;
  early = undefined;
  return answer;
}
