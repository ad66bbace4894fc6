import { onAuth } from './auth-sync.js';
import type { ClientContext } from './client-context.js';
import { noop } from './fail.js';
import type { Guard } from './last-call-wins.js';
import type { WidgetPage } from './load-widget.js';
import { TiledeskAuthError } from './tiledesk-auth-error.js';
import { logOut } from './user-switch.js';
import { within } from './within.js';

/**
 * How long the widget gets to sign out by itself after refusing a signed-in visitor's token. Its own
 * sign-out closes the chat link first and reports `offline` when that is closed: milliseconds.
 */
const OWN_SIGN_OUT_MS = 1000;

/**
 * Whether `error` is Tiledesk refusing a token.
 *
 * @example
 * ```ts
 * if (isRefusal(error)) await settleRefusedVisitor(context, guard, page);
 * ```
 */
export const isRefusal = (error: unknown): boolean => error instanceof TiledeskAuthError && error.code === 'token-rejected';

/**
 * After Tiledesk refused a new token for the visitor the widget has signed in (a refresh, or
 * `signIn()` again for the same visitor), makes sure nobody stays signed in behind the error. The
 * widget signs that visitor out by itself (storage cleared, `offline` twice), possibly just after
 * its Promise rejected: wait briefly for that `offline`, and log the widget out only if it never
 * comes, so a widget that did its own sign-out is not signed out twice. Runs inside the caller's
 * operation, so the auth events it waits for do not move the state on their own.
 *
 * @example
 * ```ts
 * await settleRefusedVisitor(context, guard, page);
 * ```
 */
export async function settleRefusedVisitor(context: ClientContext, guard: Guard, page: WidgetPage): Promise<void> {
  // Events are dispatched synchronously: no offline can slip in between this check and the listener.
  if (!page.lastAuth?.isLogged) return;
  let off = noop;
  const signedOut = new Promise<boolean>((resolve) => (off = onAuth((detail) => !detail.isLogged && resolve(true))));
  try {
    const byItself = await guard(within(signedOut, OWN_SIGN_OUT_MS));
    if (!byItself) await logOut(context, guard);
  } finally {
    off();
  }
}
