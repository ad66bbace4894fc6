import { onAuth } from './auth-sync.js';
import type { ClientContext } from './client-context.js';
import { noop } from './fail.js';
import { within } from './within.js';

/**
 * Follows the chat of a refresh (a new token for the visitor the widget has signed in: the timer's,
 * or `signIn()` again for the same visitor) until it is back online. The widget answers such a sign-in
 * before its chat reconnects, and its connect handler then reads the widget's current user: a
 * `logout()` in that gap has set it to `null`, and the real widget throws there (`reading 'uid'`).
 * So until `online` for `userId` comes, the sign-in fails, the client is destroyed, or about as
 * long as a logout may take has passed, {@link refreshConnected} keeps logouts waiting. Returns
 * `sent`, so the caller awaits the sign-in as before.
 *
 * @example
 * ```ts
 * await guard(followRefreshConnection(context, user.id, sendToken(context, header)));
 * ```
 */
export function followRefreshConnection<T>(context: ClientContext, userId: string, sent: Promise<T>): Promise<T> {
  let stopListening = noop;
  let release = noop;
  const online = new Promise<void>((resolve) => {
    release = resolve;
    stopListening = onAuth((detail) => detail.isLogged === true && detail.user_id === userId && resolve());
  });
  context.cleanups.add(release);
  const connected: Promise<void> = within(
    sent.then(() => online, noop),
    Math.min(context.options.loadTimeoutMs / 2, 5000),
  ).then(() => {
    stopListening();
    context.cleanups.delete(release);
    if (context.refreshConnecting === connected) context.refreshConnecting = undefined;
  });
  context.refreshConnecting = connected;
  return sent;
}

/**
 * Settles once the chat of the last refresh is online again, or will not be (see
 * {@link followRefreshConnection}); at once when no refresh is connecting. What a logout waits for first.
 *
 * @example
 * ```ts
 * await guard(refreshConnected(context));
 * call(context.page, 'logout');
 * ```
 */
export const refreshConnected = (context: ClientContext): Promise<void> => context.refreshConnecting ?? Promise.resolve();
