import { InjectionToken } from '@angular/core';
import { createTiledesk, type TiledeskClient, type TiledeskOptions } from '@tiledesk-auth/core';

/**
 * Makes the core client the service wraps. Defaults to core's `createTiledesk`; replace it to wrap
 * a client of your own (this is how `provideTiledeskTesting()` swaps in its fake).
 *
 * @example
 * ```ts
 * providers: [
 *   provideTiledesk({ projectId }),
 *   { provide: TILEDESK_CLIENT_FACTORY, useValue: (options) => myInstrumentedClient(options) },
 * ]
 * ```
 */
export type TiledeskClientFactory = (options: TiledeskOptions) => TiledeskClient;

/**
 * Injection token of the {@link TiledeskClientFactory}.
 *
 * @example
 * ```ts
 * TestBed.configureTestingModule({
 *   providers: [provideTiledesk(config), { provide: TILEDESK_CLIENT_FACTORY, useValue: () => fake }],
 * });
 * ```
 */
export const TILEDESK_CLIENT_FACTORY = new InjectionToken<TiledeskClientFactory>('TILEDESK_CLIENT_FACTORY', {
  providedIn: 'root',
  factory: () => createTiledesk,
});
