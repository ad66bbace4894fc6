// The sample's own HTTP API, called from the browser (same origin, so the session cookie goes along).

/**
 * A user of the demo app (its own login, not Tiledesk's).
 *
 * @example
 * ```ts
 * const ada: DemoUser = { id: 'ada', email: 'ada@example.com', firstname: 'Ada', lastname: 'Lovelace' };
 * ```
 */
export interface DemoUser {
  readonly id: string;
  readonly email: string;
  readonly firstname: string;
  readonly lastname: string;
}

/**
 * What the server says about the Tiledesk project this page talks to (`GET /api/config`).
 *
 * @example
 * ```ts
 * const mode: AppConfig['mode'] = 'emulator';
 * ```
 */
export interface AppConfig {
  readonly projectId: string;
  readonly widgetUrl: string;
  readonly mode: 'emulator' | 'tiledesk';
  readonly widget: 'emulated' | 'real';
}

/**
 * What the page's server component hands to the client: everything needed before Tiledesk can be
 * configured, so signing in waits for no round trip.
 *
 * @example
 * ```tsx
 * <SampleApp boot={{ config, users, sessionUser: null }} />
 * ```
 */
export interface BootData {
  readonly config: AppConfig;
  readonly users: readonly DemoUser[];
  readonly sessionUser: DemoUser | null;
}

async function send<T>(method: 'POST' | 'DELETE', path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal,
  });
  // `status` travels with the error: Tiledesk keeps it on its token-fetch-failed error and in its log.
  if (!response.ok) throw Object.assign(new Error(`${method} ${path} answered HTTP ${response.status}`), { status: response.status });
  return (await response.json()) as T;
}

/**
 * Logs into the demo app as `userId` (sets the session cookie).
 *
 * @example
 * ```ts
 * const user = await logIn('ada');
 * ```
 */
export const logIn = (userId: string): Promise<DemoUser> =>
  send<{ user: DemoUser }>('POST', '/api/session', { userId }).then((body) => body.user);

/**
 * Ends the demo app's session.
 *
 * @example
 * ```ts
 * await logOut();
 * ```
 */
export const logOut = (): Promise<void> => send('DELETE', '/api/session').then(() => undefined);

/**
 * The provider's `getToken`: the Tiledesk token for the session's user, minted by the Route
 * Handler, or `null` when it answers 401 (no session: the chat signs out, it is not an error). A
 * hung endpoint is cut off so the page can show the error and offer a retry.
 *
 * @example
 * ```tsx
 * <TiledeskProvider projectId={config.projectId} getToken={fetchTiledeskToken}>…</TiledeskProvider>
 * ```
 */
export const fetchTiledeskToken = (): Promise<string | null> =>
  send<{ token: string }>('POST', '/api/tiledesk-token', {}, AbortSignal.timeout(10_000)).then(
    (body) => body.token,
    (error: unknown) => {
      if ((error as { status?: unknown }).status === 401) return null;
      throw error;
    },
  );

/** Where the page's early token request waits (the same name as `server/early-token-script.ts`). */
const EARLY_TOKEN_GLOBAL = 'tiledeskTokenRequest';

/**
 * The answer of the token request the page started in its `<head>`, once: the token, `null` for
 * the endpoint's 401, an error carrying the HTTP status otherwise, like
 * {@link fetchTiledeskToken}. `undefined` when the page started none (nobody logged in) or it was
 * already taken: later calls (token refresh, a new sign-in) ask the server.
 *
 * @example
 * ```ts
 * const getToken = () => takeEarlyToken() ?? fetchTiledeskToken();
 * ```
 */
export function takeEarlyToken(host: object = window): Promise<string | null> | undefined {
  const slots = host as Record<string, unknown>;
  const request = slots[EARLY_TOKEN_GLOBAL];
  if (!(request instanceof Promise)) return undefined;
  delete slots[EARLY_TOKEN_GLOBAL];
  return (request as Promise<Response>).then(async (response) => {
    if (response.status === 401) return null;
    if (!response.ok)
      throw Object.assign(new Error(`POST /api/tiledesk-token answered HTTP ${response.status}`), { status: response.status });
    return ((await response.json()) as { token: string }).token;
  });
}

/**
 * The provider's `getToken`: the page's early answer the first time, the server afterwards.
 *
 * @example
 * ```tsx
 * <TiledeskProvider projectId={projectId} getToken={firstTokenEarly}>…</TiledeskProvider>
 * ```
 */
export const firstTokenEarly = (): Promise<string | null> => takeEarlyToken() ?? fetchTiledeskToken();
