// The samples' HTTP API (docs/contracts.md), answered by apps/token-server and by apps/next-sample's
// Route Handlers alike. Paths are absolute from the origin: a sample may be served under /react/ or
// /angular/, but the API lives at /api/ (behind Vite's and Angular's dev proxies too).
import type { DemoUser } from './demo-users';

/**
 * What `GET /api/config` says about the Tiledesk project the page talks to (the part the page reads).
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
 * Everything the page needs before it can configure Tiledesk: the answers of `GET /api/config`,
 * `GET /api/demo-users` and `GET /api/session` (its `user`).
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

/** The token endpoint, which {@link fetchTiledeskToken} and the page's early request (early-token.ts) post to. */
const TOKEN_PATH = '/api/tiledesk-token';

/** A refusal in the words the page shows; `status` travels with it: Tiledesk keeps it on its token-fetch-failed error and in its log. */
function refusal(method: string, path: string, status: number): Error {
  return Object.assign(new Error(`${method} ${path} answered HTTP ${status}`), { status });
}

async function send<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const response = await fetch(path, {
    method,
    credentials: 'include',
    headers: body === undefined ? undefined : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal,
  });
  if (!response.ok) throw refusal(method, path, response.status);
  return (await response.json()) as T;
}

/**
 * Reads the config, the demo users and the session in parallel, before Tiledesk is configured:
 * the client needs the project id, and signs in at start-up only when there is a session. For a
 * page that came without its boot data (a dev server); see `embeddedBootData()`.
 *
 * @example
 * ```ts
 * const boot = embeddedBootData() ?? (await loadBootData());
 * ```
 */
export async function loadBootData(): Promise<BootData> {
  const [config, users, session] = await Promise.all([
    send<AppConfig>('GET', '/api/config'),
    send<DemoUser[]>('GET', '/api/demo-users'),
    send<{ user: DemoUser | null }>('GET', '/api/session'),
  ]);
  return { config, users, sessionUser: session.user };
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
 * The token endpoint's answer as `getToken` gives it: the token, `null` for the 401 (no session:
 * the chat signs out, it is not an error), an error carrying the HTTP status otherwise. Shared by
 * {@link fetchTiledeskToken} and the page's early request, so both read the answer alike.
 *
 * @example
 * ```ts
 * const token = await earlyRequest.then(tokenFromAnswer);
 * ```
 */
export async function tokenFromAnswer(response: Pick<Response, 'ok' | 'status' | 'json'>): Promise<string | null> {
  if (response.status === 401) return null;
  if (!response.ok) throw refusal('POST', TOKEN_PATH, response.status);
  return ((await response.json()) as { token: string }).token;
}

/**
 * The Tiledesk token for the session's user, minted by the server: a `getToken` for the client or
 * provider. A hung endpoint is cut off after 10 s, so the page can show the error and offer a retry.
 *
 * @example
 * ```tsx
 * <TiledeskProvider projectId={config.projectId} getToken={fetchTiledeskToken}>…</TiledeskProvider>
 * ```
 */
export const fetchTiledeskToken = (): Promise<string | null> =>
  fetch(TOKEN_PATH, {
    method: 'POST',
    credentials: 'include',
    headers: { 'Content-Type': 'application/json' },
    body: '{}',
    signal: AbortSignal.timeout(10_000),
  }).then(tokenFromAnswer);
