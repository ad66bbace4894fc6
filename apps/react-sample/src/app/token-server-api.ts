// The token server's HTTP API (docs/contracts.md). Paths are relative to the origin, so the app
// works behind the token server at /react/ and behind Vite's dev proxy alike.

/** What `/api/config` says about the Tiledesk project this page talks to. */
export interface AppConfig {
  readonly projectId: string;
  readonly widgetUrl: string;
  readonly apiUrl: string | null;
  readonly mode: 'emulator' | 'tiledesk';
}

/** A user of the demo app (its own login, not Tiledesk's). */
export interface DemoUser {
  readonly id: string;
  readonly email: string;
  readonly firstname: string;
  readonly lastname: string;
}

async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(path, {
    ...init,
    credentials: 'include',
    headers: init.body ? { 'Content-Type': 'application/json' } : undefined,
  });
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path} answered HTTP ${response.status}`);
  return (await response.json()) as T;
}

export const fetchConfig = (): Promise<AppConfig> => request('/api/config');

export const fetchDemoUsers = (): Promise<DemoUser[]> => request('/api/demo-users');

export const fetchSessionUser = (): Promise<DemoUser | null> =>
  request<{ user: DemoUser | null }>('/api/session').then((body) => body.user);

export const logIn = (userId: string): Promise<DemoUser> =>
  request<{ user: DemoUser }>('/api/session', { method: 'POST', body: JSON.stringify({ userId }) }).then(
    (body) => body.user,
  );

export const logOut = (): Promise<void> => request('/api/session', { method: 'DELETE' }).then(() => undefined);

/**
 * The provider's `getToken`: the server mints a Tiledesk token for the session's user. A hung
 * endpoint is cut off so the page can show the error and offer a retry.
 */
export const fetchTiledeskToken = (): Promise<string> =>
  request<{ token: string }>('/api/tiledesk-token', {
    method: 'POST',
    body: '{}',
    signal: AbortSignal.timeout(10_000),
  }).then((body) => body.token);
