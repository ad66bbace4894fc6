import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { DemoUser } from '@samples/kit';
import { catchError, map, of, throwError, timeout, type Observable, type OperatorFunction } from 'rxjs';

// The token server's session and token calls over Angular's HttpClient; the boot data, its types
// and the early token come from the samples' kit (@samples/kit), as in the other samples. Paths are
// absolute from the origin: the app is served under /angular/ but the API lives at /api/.

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
