import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { catchError, map, of, throwError, timeout, type Observable, type OperatorFunction } from 'rxjs';

// The token server's HTTP API (docs/contracts.md). Paths are absolute from the origin: the app is
// served under /angular/ but the API lives at /api/.

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
 * loadBootData().then((boot) => bootstrapApplication(App, appConfig(boot)));
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

/**
 * The demo app's session and the token endpoint, over `HttpClient` with the session cookie.
 *
 * @example
 * ```ts
 * getToken: () => inject(TokenServerApi).tiledeskToken()
 * ```
 */
@Injectable({ providedIn: 'root' })
export class TokenServerApi {
  private readonly http = inject(HttpClient);

  /** Logs into the demo app as `userId` (sets the session cookie). */
  logIn(userId: string): Observable<DemoUser> {
    return this.http.post<{ user: DemoUser }>('/api/session', { userId }, { withCredentials: true }).pipe(
      map((body) => body.user),
      explainHttpFailure('POST', '/api/session'),
    );
  }

  /** Ends the demo app's session. */
  logOut(): Observable<void> {
    return this.http.delete<unknown>('/api/session', { withCredentials: true }).pipe(
      map(() => undefined),
      explainHttpFailure('DELETE', '/api/session'),
    );
  }

  /**
   * The Tiledesk token for the session's user, minted by the server, or `null` when the server
   * answers 401 (no session: the chat signs out, it is not an error). Other HTTP failures become
   * an `Error` carrying the `status`, which Tiledesk puts on its error. A hung endpoint is cut off
   * so the page can show the error and offer a retry.
   */
  tiledeskToken(): Observable<string | null> {
    return this.http.post<{ token: string }>('/api/tiledesk-token', {}, { withCredentials: true }).pipe(
      timeout(10_000),
      map((body): string | null => body.token),
      catchError((error: unknown) => (error instanceof HttpErrorResponse && error.status === 401 ? of(null) : throwError(() => error))),
      explainHttpFailure('POST', '/api/tiledesk-token'),
    );
  }
}

/**
 * Turns the server's refusal into the `Error` the page shows, in the words the React sample's
 * `fetch` calls use (`POST /api/session answered HTTP 500`), with the `status` and the
 * `HttpErrorResponse` as its cause. A failure without an answer (offline) is left as it is.
 */
function explainHttpFailure<T>(method: 'POST' | 'DELETE', path: string): OperatorFunction<T, T> {
  return catchError((error: unknown) => {
    if (!(error instanceof HttpErrorResponse) || error.status === 0) return throwError(() => error);
    const explained = Object.assign(new Error(`${method} ${path} answered HTTP ${error.status}`, { cause: error }), {
      status: error.status,
    });
    return throwError(() => explained);
  });
}
