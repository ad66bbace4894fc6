import { createContext } from './client-context.js';
import { clientOf, createTiledesk } from './create-tiledesk.js';
import { createFailedClient } from './failed-client.js';
import type { TiledeskOptions } from './options.js';
import { onServer } from './server-rule.js';
import { TiledeskAuthError } from './tiledesk-auth-error.js';
import type { TiledeskClient } from './tiledesk-client.js';

/**
 * What a framework adapter knows that core cannot find out by itself.
 *
 * @example
 * ```ts
 * const host: TiledeskHost = { server: !isPlatformBrowser(platformId), create: myFactory };
 * ```
 */
export interface TiledeskHost {
  /** The framework renders on a server, whatever globals it defines: the client is core's inert one. */
  readonly server?: boolean;
  /** Makes the browser client. Default: `createTiledesk`. */
  readonly create?: (options: TiledeskOptions) => TiledeskClient;
  /** A problem the adapter found in options only it reads (Angular's `autoSignIn`): the chat stays off. */
  readonly problem?: TiledeskAuthError;
}

/**
 * `createTiledesk()` for code that must never take the host app down (the React provider, the
 * Angular providers): it never throws a `TiledeskAuthError`. Options that cannot work give a
 * client whose state is `error` (`invalid-options`, the message naming the option and the value it
 * got), reported once when it is first loaded or signed in: to `logger.error` when the options have
 * a valid logger, else to `console.error`. On a server (core's one rule: no `window` or
 * `document`, or `host.server`) it gives core's inert client, whatever `host.create` is.
 *
 * @example
 * ```ts
 * const client = createTiledeskSafely({ projectId: 'abc' });
 * client.getState().error?.code; // 'invalid-options'
 * ```
 */
export function createTiledeskSafely(options: TiledeskOptions, host: TiledeskHost = {}): TiledeskClient {
  try {
    if (host.problem) throw host.problem;
    return onServer(host.server) ? clientOf(createContext(options, true)) : (host.create ?? createTiledesk)(options);
  } catch (e) {
    if (e instanceof TiledeskAuthError) return createFailedClient(options, e);
    throw e;
  }
}
