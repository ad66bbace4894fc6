import { InjectionToken } from '@angular/core';
import type { TiledeskOptions } from '@tiledesk-auth/core';
import type { Observable } from 'rxjs';

/**
 * Fetches a fresh Tiledesk token from your server. It runs in an injection context, so it may call
 * `inject()` (typically `inject(HttpClient)`), and may return an Observable (its first value is
 * used), a Promise or the token itself. `null` means nobody is logged into your app (map your
 * endpoint's 401 to it): the chat signs out and the state is `signed-out`, not `error`. An
 * `HttpErrorResponse` keeps its `status` on the `token-fetch-failed` error and in the log.
 *
 * @example
 * ```ts
 * const getToken: TiledeskTokenSource = () =>
 *   inject(HttpClient)
 *     .post<{ token: string }>('/api/tiledesk-token', {}, { withCredentials: true })
 *     .pipe(
 *       map((body) => body.token),
 *       catchError((e: HttpErrorResponse) => (e.status === 401 ? of(null) : throwError(() => e))),
 *     );
 * ```
 */
export type TiledeskTokenSource = () => Observable<string | null> | Promise<string | null> | string | null;

/**
 * What {@link provideTiledesk} and `TiledeskModule.forRoot()` take: the core's options, with a
 * `getToken` that may use Angular's DI, plus `autoSignIn`.
 *
 * @example
 * ```ts
 * const config: TiledeskConfig = {
 *   projectId: '65f0c0ffee0123456789abcd',
 *   getToken: () => inject(TokenApi).fetchTiledeskToken(),
 * };
 * ```
 */
export interface TiledeskConfig extends Omit<TiledeskOptions, 'getToken'> {
  /** Where tokens come from; needed by `signIn()` without an argument and by token refresh. */
  getToken?: TiledeskTokenSource;
  /**
   * Sign in as soon as the app starts. Default: `true` when `getToken` is given. When `false`
   * the widget still loads at start-up and you call `signIn()` yourself.
   */
  autoSignIn?: boolean;
}

/**
 * The configuration given to {@link provideTiledesk}, for code that needs to read it.
 *
 * @example
 * ```ts
 * const { projectId } = inject(TILEDESK_CONFIG);
 * ```
 */
export const TILEDESK_CONFIG = new InjectionToken<TiledeskConfig>('TILEDESK_CONFIG');
