// The token server's HTTP API (docs/contracts.md). Paths are absolute from the origin: the app is
// served under /react/ but the API lives at /api/ (behind the token server and Vite's dev proxy alike).
// The types and loadBootData() are the same as the Angular sample's; only the session calls differ.

/**
 * What `/api/config` says about the Tiledesk project this page talks to.
 *
 * @example
 * ```ts
 * const { projectId, widgetUrl } = (await loadBootData()).config;
 * ```
 */
export interface AppConfig {
  readonly projectId: string;
  readonly widgetUrl: string;
  readonly mode: 'emulator' | 'tiledesk';
}

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
 * Everything the page needs before it can configure Tiledesk.
 *
 * @example
 * ```ts
 * const { config, users, sessionUser } = await loadBootData();
 * ```
 */
export interface BootData {
  readonly config: AppConfig;
  readonly users: readonly DemoUser[];
  readonly sessionUser: DemoUser | null;
}

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(path, { credentials: 'include' });
  if (!response.ok) throw new Error(`GET ${path} answered HTTP ${response.status}`);
  return (await response.json()) as T;
}

/**
 * Reads the config, the demo users and the session in parallel, before Tiledesk is configured:
 * the client needs the project id, and signs in at start-up only when there is a session.
 *
 * @example
 * ```ts
 * loadBootData().then((data) => setBoot({ phase: 'ready', data }));
 * ```
 */
export async function loadBootData(): Promise<BootData> {
  const [config, users, session] = await Promise.all([
    getJson<AppConfig>('/api/config'),
    getJson<DemoUser[]>('/api/demo-users'),
    getJson<{ user: DemoUser | null }>('/api/session'),
  ]);
  return { config, users, sessionUser: session.user };
}

async function send<T>(method: 'POST' | 'DELETE', path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const response = await fetch(path, {
    method,
    credentials: 'include',
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
 * The provider's `getToken`: the Tiledesk token for the session's user, minted by the server, or
 * `null` when the server answers 401 (no session: the chat signs out, it is not an error). A hung
 * endpoint is cut off so the page can show the error and offer a retry.
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
