import type { TiledeskUser } from './auth-state.js';
import { onAuth } from './auth-sync.js';
import { bootWidget } from './client-boot.js';
import type { ClientContext } from './client-context.js';
import { setStatus, status } from './client-status.js';
import { fail, noop } from './fail.js';
import { parseToken, type ParsedToken } from './jwt.js';
import { TiledeskAuthError } from './tiledesk-auth-error.js';
import { planRefresh, stopRefresh } from './token-refresh.js';
import { isRefusal, settleRefusedVisitor } from './refused-token.js';
import { switchFrom } from './user-switch.js';
import { widgetCall } from './widget-request.js';
import { openPanel } from './widget-controls.js';
import { clearWidgetStorage } from './widget-storage.js';
import { followOtherTabs, tellOtherTabs } from './cross-tab.js';
import { leaveSession, signOut } from './sign-out.js';
import { followRefreshConnection } from './refresh-connection.js';
import { devMode } from './dev-mode.js';

/** The HTTP status a fetcher's error carries: `status` (Angular's HttpErrorResponse, ours), or `response.status` (axios, ky). */
function httpStatus(error: unknown): number | undefined {
  const outer = error as { status?: unknown; response?: { status?: unknown } } | null | undefined;
  const status = outer?.status ?? outer?.response?.status;
  return typeof status === 'number' ? status : undefined;
}

/** Calls the app's `getToken()` and checks what it gave; `null` means nobody is logged into the app. */
async function fetchToken(context: ClientContext): Promise<ParsedToken | null> {
  let raw: unknown;
  try {
    raw = await context.options.getToken?.();
  } catch (e) {
    const status = httpStatus(e);
    throw fail('token-fetch-failed', devMode && 'getToken() failed' + (status === undefined ? '' : ' (HTTP ' + status + ')'), e, status);
  }
  if (raw === null) return null;
  if (typeof raw !== 'string') throw fail('token-fetch-failed', devMode && 'getToken() gave a ' + typeof raw + ', not a string or null');
  return parseToken(raw, context.options.projectId);
}

const sendToken = (context: ClientContext, header: string) =>
  widgetCall(context, 'signInWithCustomToken', header).then(noop, (e) => {
    throw fail('token-rejected', devMode && 'Tiledesk refused the token', e);
  });

/**
 * `signIn()` of the client (`refreshing`: a scheduled refresh, whose token-fetch failures leave the
 * state alone). Fetches the token and boots the widget in parallel; the same visitor only renews the
 * widget's token (no state change); another visitor is switched to; resolves once the widget reports
 * this visitor online. A `null` from `getToken()` signs the chat out (resolves `null`, state
 * `signed-out`; other tabs are told when someone was signed in here). Every failure but
 * `superseded`/`destroyed` goes to the logger.
 *
 * @example
 * ```ts
 * const user = await signIn(context, 'JWT eyJ...');
 * ```
 */
export async function signIn(context: ClientContext, token?: string, refreshing?: boolean): Promise<TiledeskUser | null> {
  if (context.disabled)
    throw fail(
      context.onServer ? 'not-in-browser' : 'destroyed',
      devMode && (context.onServer ? 'signIn() needs a browser' : 'Client destroyed'),
    );
  const [live, guard, end] = context.operations.begin();
  stopRefresh(context);
  let sent = false;
  try {
    // A malformed token fails here, before any network call.
    const given = token === undefined ? undefined : parseToken(token, context.options.projectId);
    if (!given && !context.options.getToken) throw fail('invalid-options', devMode && 'signIn() needs a token or the getToken option');
    if (status(context) !== 'signed-in') setStatus(context, 'signing-in');
    // Token and script in parallel: the slower of the two sets the pace, not their sum.
    const [parsed, page] = await guard(Promise.all([given || fetchToken(context), bootWidget(context)]));
    await guard(context.callInFlight);
    if (!parsed) {
      // Nobody is logged into the app (its session may have ended in another tab or on the server).
      if (context.wantedUser) tellOtherTabs(context);
      await leaveSession(context, guard);
      clearWidgetStorage(context.options.projectId);
      setStatus(context, 'signed-out');
      return null;
    }
    const { user } = parsed;
    const widgetAuth = page.lastAuth;
    if (widgetAuth?.isLogged && widgetAuth.user_id === user.id) {
      // Same visitor (a refresh): renew the widget's token; the state does not change.
      try {
        await guard(followRefreshConnection(context, user.id, sendToken(context, parsed.header)));
      } catch (refusal) {
        // Still inside this operation: the widget's sign-out events do not move the state, which
        // goes straight from signed-in to error.
        if (live() && isRefusal(refusal)) await settleRefusedVisitor(context, guard, page);
        throw refusal;
      }
    } else {
      setStatus(context, 'signing-in');
      await switchFrom(context, guard, page, user);
      let stopWaiting = noop;
      const online = new Promise<void>(
        (resolve) => (stopWaiting = onAuth((detail) => detail.isLogged && detail.user_id === user.id && resolve())),
      );
      sent = true;
      context.sentUserIds.add(user.id);
      try {
        await guard(sendToken(context, parsed.header));
        // The widget's promise resolves before the chat connects; `online` is the real signal.
        await guard(online);
      } finally {
        stopWaiting();
      }
    }
    context.wantedUser = user;
    context.tokenExpiry = parsed.exp;
    setStatus(context, 'signed-in', user);
    planRefresh(context, () => signIn(context, undefined, true));
    followOtherTabs(context, () => signOut(context, true));
    if (context.openAfterSignIn) openPanel(context);
    return context.store.get().user ?? user;
  } catch (thrown) {
    const e = thrown instanceof TiledeskAuthError ? thrown : fail('script-load-failed', devMode && 'The widget failed', thrown);
    if (live()) {
      // A refresh whose fetch failed is retried while the token lasts: a warning, not yet an error.
      const retried = refreshing && e.code === 'token-fetch-failed';
      context.options.logger[retried ? 'warn' : 'error'](
        devMode ? 'tiledesk: ' + (refreshing ? 'token refresh' : 'sign-in') + ' failed: ' + e.message : 'tiledesk',
        e,
      );
      if (sent || e.code === 'token-rejected') {
        // A half-done sign-in leaves its token in storage and logout() will not remove it; a refused
        // token leaves nobody signed in, so nothing of the visitor may stay behind either.
        context.wantedUser = null;
        context.tokenExpiry = undefined;
        clearWidgetStorage(context.options.projectId);
      }
      if (!retried) {
        stopRefresh(context);
        setStatus(context, 'error', null, e);
      }
    }
    throw e;
  } finally {
    end();
  }
}
