import type { TiledeskAuthState } from './auth-state.js';
import { noop } from './fail.js';
import type { TiledeskOptions } from './options.js';
import type { TiledeskAuthError } from './tiledesk-auth-error.js';
import type { TiledeskClient } from './tiledesk-client.js';
import { devMode } from './dev-mode.js';

/**
 * The client an adapter gets for options that cannot work (a bad `projectId`, ...): the chat stays
 * off and the host app goes on. Its state is `error` with `error` from the start; `ready`, `load()`
 * and `signIn()` reject with it; the rest does nothing. The first `load()`/`signIn()` (an adapter's
 * start-up) reports it once, to the options' logger when it is a valid one, else to
 * `console.error`: silence would leave a developer with a chat that never shows and no clue why.
 *
 * @example
 * ```ts
 * const client = createFailedClient(options, fail('invalid-options', 'createTiledesk(): projectId must be ...'));
 * client.getState().status; // 'error'
 * ```
 */
export function createFailedClient(options: unknown, error: TiledeskAuthError): TiledeskClient {
  const { projectId, logger } = (options && typeof options === 'object' ? options : {}) as Partial<TiledeskOptions>;
  const report = typeof logger?.error === 'function' ? logger : console;
  const state: TiledeskAuthState = Object.freeze({ status: 'error', user: null, error });
  const ready: Promise<never> = Promise.reject(error);
  ready.catch(noop);
  let reported = false;
  const start = (): Promise<never> => {
    if (!reported) report.error(devMode ? 'tiledesk: the chat is off: ' + error.message : 'tiledesk', error);
    reported = true;
    return ready;
  };
  return {
    projectId: typeof projectId === 'string' ? projectId : '',
    ready,
    load: start,
    signIn: start,
    getState: () => state,
    subscribe: () => noop,
    signOut: () => Promise.resolve(),
    on: () => noop,
    show: noop,
    hide: noop,
    open: noop,
    close: noop,
    setAttribute: noop,
    destroy: noop,
  };
}
