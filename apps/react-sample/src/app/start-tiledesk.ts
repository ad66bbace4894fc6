import { firstTokenEarly, type BootData } from '@samples/kit';
import { createTiledesk, type TiledeskClient } from '@tiledesk-auth/core';

/**
 * The boot data the page came with, and the Tiledesk client already started from it.
 *
 * @example
 * ```tsx
 * <App started={{ boot, client: startTiledesk(boot) }} />
 * ```
 */
export interface StartedTiledesk {
  readonly boot: BootData;
  readonly client: TiledeskClient;
}

/**
 * Creates the Tiledesk client and starts it at once: signs in when the demo app has a session,
 * else loads the widget. Called as the bundle runs, so signing in does not wait for React's first
 * render and its effects; the first token is the one the page already asked for, when it did
 * (`firstTokenEarly`). The provider then gets this client.
 *
 * @example
 * ```ts
 * const client = startTiledesk(boot);
 * ```
 */
export function startTiledesk(boot: BootData): TiledeskClient {
  const { config, sessionUser } = boot;
  // The first token may already be on its way: the page starts the request for a logged-in visitor.
  const client = createTiledesk({ projectId: config.projectId, widgetUrl: config.widgetUrl, getToken: firstTokenEarly });
  // A failure shows in the client's state (status `error`), which the page renders.
  (sessionUser ? client.signIn() : client.load()).catch(() => undefined);
  return client;
}
