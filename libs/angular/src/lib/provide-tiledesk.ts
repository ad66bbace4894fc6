import { inject, makeEnvironmentProviders, provideEnvironmentInitializer, type EnvironmentProviders } from '@angular/core';
import { TiledeskAuthService } from './tiledesk-auth.service';
import { TILEDESK_CONFIG, type TiledeskConfig } from './tiledesk-config';

/**
 * Adds Tiledesk to a standalone app: the config, the {@link TiledeskAuthService}, and an
 * initializer that creates the service at start-up, so the widget loads (and, with `getToken`,
 * signs in) without any component asking for it. Never throws into the bootstrap: a malformed
 * config (a bad `projectId`, `autoSignIn` without `getToken`, ...) makes the state `error` with
 * code `invalid-options`, logged once at start-up (to `logger.error`, else `console.error`), and
 * the app runs on without the chat.
 *
 * @example
 * ```ts
 * bootstrapApplication(App, {
 *   providers: [
 *     provideZonelessChangeDetection(),
 *     provideHttpClient(),
 *     provideTiledesk({
 *       projectId: '65f0c0ffee0123456789abcd',
 *       // The endpoint's 401 (nobody logged in) is null: signed-out, not an error.
 *       getToken: () =>
 *         inject(HttpClient)
 *           .post<{ token: string }>('/api/tiledesk-token', {})
 *           .pipe(
 *             map((b) => b.token),
 *             catchError((e: HttpErrorResponse) => (e.status === 401 ? of(null) : throwError(() => e))),
 *           ),
 *     }),
 *   ],
 * });
 * ```
 */
export function provideTiledesk(config: TiledeskConfig): EnvironmentProviders {
  return makeEnvironmentProviders([
    { provide: TILEDESK_CONFIG, useValue: config },
    TiledeskAuthService,
    provideEnvironmentInitializer(() => {
      inject(TiledeskAuthService);
    }),
  ]);
}
