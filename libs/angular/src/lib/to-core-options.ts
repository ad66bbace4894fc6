import { runInInjectionContext, type Injector } from '@angular/core';
import type { TiledeskOptions } from '@tiledesk-auth/core';
import { firstValueFrom, isObservable } from 'rxjs';
import type { TiledeskConfig, TiledeskTokenSource } from './tiledesk-config';

/**
 * Turns the Angular config into core options: drops `autoSignIn` and gives core a `getToken` that
 * runs in `injector`'s context and always answers with a Promise (of a token, or `null`: nobody
 * is logged in).
 *
 * @example
 * ```ts
 * const client = createTiledesk(toCoreOptions(config, inject(Injector)));
 * ```
 */
export function toCoreOptions(config: TiledeskConfig, injector: Injector): TiledeskOptions {
  const { getToken, autoSignIn: _autoSignIn, ...options } = config;
  // Anything but a function goes to core as it is, for core's own rule to name it.
  if (getToken === undefined) return options;
  if (typeof getToken !== 'function') return { ...options, getToken } as TiledeskOptions;
  return { ...options, getToken: () => callTokenSource(getToken, injector) };
}

function callTokenSource(getToken: TiledeskTokenSource, injector: Injector): Promise<string | null> {
  // The Promise constructor turns a synchronous throw into a rejection, which core reports as
  // `token-fetch-failed` like any other failure.
  return new Promise<string | null>((resolve) => {
    const result = runInInjectionContext(injector, getToken);
    resolve(isObservable(result) ? firstValueFrom(result) : result);
  });
}
