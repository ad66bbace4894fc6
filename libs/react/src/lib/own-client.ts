import { createTiledeskSafely, type TiledeskAuthError, type TiledeskClient, type TiledeskOptions } from '@tiledesk-auth/core';

/**
 * A client the provider made itself, with a way to swap the `getToken` it calls: the client is
 * built once, but an app that passes an inline `getToken` expects its latest closure to be used.
 *
 * @example
 * ```ts
 * const own = createOwnClient({ projectId, getToken });
 * own.setGetToken(nextGetToken);
 * ```
 */
export interface OwnClient {
  readonly client: TiledeskClient;
  setGetToken(getToken: TiledeskOptions['getToken']): void;
}

/**
 * Builds the provider's own client. Inert until `load()`/`signIn()`, so it may be built during
 * render. Never throws: invalid options (or the provider's own `problem` with its props) give a
 * client in state `error`, reported once when the provider starts it, so the host app renders on.
 * A `getToken` removed later keeps the last one: core decided at construction that tokens come
 * from `getToken`, and a missing one would only turn into a failed refresh.
 *
 * @example
 * ```ts
 * const { client } = createOwnClient({ projectId: '65f0c0ffee0123456789abcd' });
 * ```
 */
export function createOwnClient(options: TiledeskOptions, problem?: TiledeskAuthError): OwnClient {
  const first = options.getToken;
  let latest = first;
  return {
    // Core treats "no getToken" as "tokens come to signIn()", so pass a wrapper only if one was given.
    client: createTiledeskSafely({ ...options, getToken: first && (() => (latest ?? first)()) }, { problem }),
    setGetToken: (next) => {
      latest = next ?? latest;
    },
  };
}
