import { runInInjectionContext, type Injector } from '@angular/core';
import type { TiledeskOptions } from '@tiledesk-auth/core';
import { firstValueFrom, isObservable } from 'rxjs';
import type { TiledeskConfig, TiledeskTokenSource } from './tiledesk-config';

/**
 * Turns the Angular config into core options: drops `autoSignIn` and gives core a `getToken` that
 * runs in `injector`'s context and always answers with a Promise.
 *
 * @example
 * ```ts
 * const client = createTiledesk(toCoreOptions(config, inject(Injector)));
 * ```
 */
export function toCoreOptions(config: TiledeskConfig, injector: Injector): TiledeskOptions {
  const { getToken, autoSignIn: _autoSignIn, ...options } = config;
  return getToken ? { ...options, getToken: () => callTokenSource(getToken, injector) } : options;
}

function callTokenSource(getToken: TiledeskTokenSource, injector: Injector): Promise<string> {
  // The Promise constructor turns a synchronous throw into a rejection, which core reports as
  // `token-fetch-failed` like any other failure.
  return new Promise<string>((resolve) => {
    const result = runInInjectionContext(injector, getToken);
    resolve(isObservable(result) ? firstValueFrom(result) : result);
  });
}
