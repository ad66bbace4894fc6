import type { TiledeskUser } from './auth-state.js';
import type { ClientContext } from './client-context.js';
import { noop } from './fail.js';
import type { Guard } from './last-call-wins.js';
import type { WidgetPage } from './load-widget.js';
import { refreshConnected } from './refresh-connection.js';
import { call } from './widget-call.js';
import { widgetCall } from './widget-request.js';
import { clearWidgetStorage, storedTokens } from './widget-storage.js';
import { within } from './within.js';

/**
 * Logs the widget out: once a refresh's chat still reconnecting is online (bounded: see
 * `followRefreshConnection()`), `autoStart` off (else an `autoStart: true` build signs a guest in
 * right after), then `logout()` with a bounded wait (half of `loadTimeoutMs`, at most 5 s: it may
 * never settle).
 *
 * @example
 * ```ts
 * await logOut(context, guard);
 * ```
 */
export async function logOut(context: ClientContext, guard: Guard): Promise<unknown> {
  // The reconnecting chat reads the widget's user when it connects; logging out first nulls it.
  await guard(refreshConnected(context));
  call(context.page, 'setParameter', { key: 'autoStart', value: false });
  return guard(within(widgetCall(context, 'logout'), Math.min(context.options.loadTimeoutMs / 2, 5000)).catch(noop));
}

/**
 * Makes room for `user` before a sign-in: logs out whoever the widget has signed in, and clears the
 * project's storage when it holds another visitor, so no previous conversation is left behind.
 *
 * @example
 * ```ts
 * await switchFrom(context, guard, page, token.user);
 * ```
 */
export async function switchFrom(context: ClientContext, guard: Guard, page: WidgetPage, user: TiledeskUser): Promise<void> {
  const logged = page.lastAuth?.isLogged;
  if (logged) await logOut(context, guard);
  if (logged || storedTokens(context.options.projectId).some(([, p]) => p?.['_id'] !== user.id))
    clearWidgetStorage(context.options.projectId);
}
