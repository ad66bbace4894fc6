import { bootWidget } from './client-boot.js';
import { createContext, type ClientContext } from './client-context.js';
import { destroyClient } from './destroy-client.js';
import { mustBe, noop } from './fail.js';
import type { TiledeskOptions } from './options.js';
import { signIn } from './sign-in.js';
import { onServer } from './server-rule.js';
import { signOut } from './sign-out.js';
import type { TiledeskClient } from './tiledesk-client.js';
import { widgetControls } from './widget-controls.js';
import { onWidgetEvent } from './widget-listeners.js';
import { devMode } from './dev-mode.js';

/**
 * Creates the client for one Tiledesk project. Construction is inert: nothing is loaded and no
 * listener is added until `load()`, `signIn()`, `signOut()` (when a widget is on the page) or `on()`.
 *
 * On a server (no `window` or no `document`: core's one rule, see `createTiledeskSafely()` for a
 * framework's own word) the client stays inert: it never touches the DOM, its state stays `idle`,
 * `ready`/`load()`/`signOut()` resolve at once, other methods do nothing, and `signIn()` rejects
 * with `not-in-browser`.
 *
 * @throws TiledeskAuthError `invalid-options` when an option is missing or malformed (naming it and
 * the value it got). Adapters use `createTiledeskSafely()`, which never throws.
 * @example
 * ```ts
 * const client = createTiledesk({
 *   projectId: '65f0c0ffee0123456789abcd',
 *   // 401: nobody is logged into the app, so nobody is signed into the chat.
 *   getToken: () => fetch('/api/tiledesk-token', { method: 'POST' }).then((r) => (r.status === 401 ? null : r.json().then((b) => b.token))),
 * });
 * client.subscribe((s) => console.log(s.status));
 * await client.signIn();
 * ```
 */
export function createTiledesk(options: TiledeskOptions): TiledeskClient {
  return clientOf(createContext(options, onServer()));
}

/**
 * The public face of a context: what `createTiledesk()` and `createTiledeskSafely()` return.
 *
 * @example
 * ```ts
 * const client = clientOf(createContext(options, onServer(true)));
 * ```
 */
export function clientOf(context: ClientContext): TiledeskClient {
  const { store } = context;
  return {
    projectId: context.options.projectId,
    ready: context.ready,
    load() {
      if (!context.disabled) bootWidget(context).catch(noop);
      return context.ready;
    },
    getState: store.get,
    subscribe(listener) {
      mustBe(typeof listener === 'function', devMode && 'subscribe(): listener must be a function');
      return context.disabled ? noop : store.subscribe(listener);
    },
    // Only getToken() can answer null: a given token resolves a user (the first overload).
    signIn: ((token?: string) => signIn(context, token)) as TiledeskClient['signIn'],
    signOut: () => signOut(context),
    on: (name, handler) => onWidgetEvent(context, name, handler),
    ...widgetControls(context),
    destroy: () => destroyClient(context),
  };
}
