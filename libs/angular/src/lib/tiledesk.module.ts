import { NgModule, type ModuleWithProviders } from '@angular/core';
import { provideTiledesk } from './provide-tiledesk';
import type { TiledeskConfig } from './tiledesk-config';

/**
 * {@link provideTiledesk} for apps bootstrapped with an NgModule. Import it once, in the root module.
 *
 * @example
 * ```ts
 * @NgModule({
 *   imports: [BrowserModule, TiledeskModule.forRoot({ projectId, getToken })],
 *   bootstrap: [AppComponent],
 * })
 * export class AppModule {}
 * ```
 */
@NgModule()
export class TiledeskModule {
  /**
   * The module with Tiledesk's providers, configured by `config`.
   *
   * @example
   * ```ts
   * imports: [TiledeskModule.forRoot({ projectId: '65f0c0ffee0123456789abcd', getToken })]
   * ```
   */
  static forRoot(config: TiledeskConfig): ModuleWithProviders<TiledeskModule> {
    return { ngModule: TiledeskModule, providers: [provideTiledesk(config)] };
  }
}
