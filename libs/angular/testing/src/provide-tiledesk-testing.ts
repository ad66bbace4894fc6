import { inject, makeEnvironmentProviders, type EnvironmentProviders } from '@angular/core';
import { TILEDESK_CLIENT_FACTORY, provideTiledesk } from '@tiledesk-auth/angular';
import type { TiledeskAuthState } from '@tiledesk-auth/core';
import { TiledeskTestingClient } from '@tiledesk-auth/core/testing';

/**
 * Provides the real `TiledeskAuthService` over an in-memory {@link TiledeskTestingClient}, for
 * TestBed tests of your components: no widget script, no network, no token. Nothing signs in by
 * itself; set the state you need or call `signIn()`.
 *
 * @example
 * ```ts
 * TestBed.configureTestingModule({ providers: [provideTiledeskTesting({ status: 'signed-out' })] });
 * const fake = TestBed.inject(TiledeskTestingClient);
 * fake.setState({ status: 'signed-in', user: { id: 'p_ada', email: 'ada@example.com' } });
 * ```
 */
export function provideTiledeskTesting(initialState?: Partial<TiledeskAuthState>): EnvironmentProviders {
  return makeEnvironmentProviders([
    provideTiledesk({ projectId: 'test-project', autoSignIn: false }),
    { provide: TiledeskTestingClient, useFactory: () => new TiledeskTestingClient(initialState) },
    {
      provide: TILEDESK_CLIENT_FACTORY,
      useFactory: () => {
        const fake = inject(TiledeskTestingClient);
        return () => fake;
      },
    },
  ]);
}
