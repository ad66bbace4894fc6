import { bootWidget } from './client-boot.js';
import { createContext } from './client-context.js';
import { destroyClient } from './destroy-client.js';
import { mustBe, noop } from './fail.js';
import type { TiledeskOptions } from './options.js';
import { signIn } from './sign-in.js';
import { signOut } from './sign-out.js';
import type { TiledeskClient } from './tiledesk-client.js';
import { widgetControls } from './widget-controls.js';
import { onWidgetEvent } from './widget-listeners.js';

/**
 * Creates the client for one Tiledesk project. Construction is inert: nothing is loaded and no
 * listener is added until `load()`, `signIn()`, `signOut()` (when a widget is on the page) or `on()`.
 *
 * On a server (no `window`) the client stays inert: it never touches the DOM, its state stays `idle`,
 * `ready`/`load()`/`signOut()` resolve at once, other methods do nothing, and `signIn()` rejects
 * with `not-in-browser`.
 *
 * @throws TiledeskAuthError `invalid-options` when an option is missing or malformed.
 * @example
 * ```ts
 * const client = createTiledesk({
 *   projectId: '65f0c0ffee0123456789abcd',
 *   getToken: () => fetch('/api/tiledesk-token', { method: 'POST' }).then((r) => r.json()).then((b) => b.token),
 * });
 * client.subscribe((s) => console.log(s.status));
 * await client.signIn();
 * ```
 */
export function createTiledesk(options: TiledeskOptions): TiledeskClient {
  const c = createContext(options);
  const { store } = c;
  return {
    projectId: c.o.projectId,
    ready: c.ready,
    load() {
      if (!c.dead) bootWidget(c).catch(noop);
      return c.ready;
    },
    getState: store.get,
    subscribe(listener) {
      mustBe(typeof listener == 'function', 'subscribe(): listener must be a function');
      return c.dead ? noop : store.subscribe(listener);
    },
    signIn: (token) => signIn(c, token),
    signOut: () => signOut(c),
    on: (name, handler) => onWidgetEvent(c, name, handler),
    ...widgetControls(c),
    destroy: () => destroyClient(c),
  };
}
