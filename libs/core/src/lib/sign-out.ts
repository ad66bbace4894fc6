import { bootWidget } from './client-boot.js';
import type { ClientContext } from './client-context.js';
import { setStatus } from './client-status.js';
import { tellOtherTabs } from './cross-tab.js';
import type { Guard } from './last-call-wins.js';
import { stopRefresh } from './token-refresh.js';
import { logOut } from './user-switch.js';
import { clearWidgetStorage } from './widget-storage.js';

/**
 * Ends the visitor's chat session inside the running operation: nobody is wanted any more, the
 * widget logs out if it has someone signed in, and the project's storage is emptied. The caller
 * sets the final state.
 *
 * @example
 * ```ts
 * await leaveSession(context, guard); // getToken() answered null
 * ```
 */
export async function leaveSession(context: ClientContext, guard: Guard): Promise<void> {
  stopRefresh(context);
  context.wantedUser = null;
  context.tokenExpiry = undefined;
  // Attached to a widget that booted before us, we have not seen its auth state: log out to be sure.
  if (context.page?.booted && context.page.lastAuth?.isLogged !== false) await logOut(context, guard);
}

/**
 * `signOut()` of the client. Safe when signed out. When this client never loaded the widget but a
 * widget is on the page (restored by the page's own snippet, or signed in by another client), it
 * attaches to it first so that visitor is logged out too. Always clears the project's storage and
 * tells the site's other tabs. Rejects only with `superseded` or `destroyed`: a widget that never
 * answers is signed out all the same. `fromOtherTab`: another tab signed out; this one neither
 * tells the others again (no loop) nor touches the shared storage (the widget's logout empties it,
 * and the other tab may already be signing the next user in).
 *
 * @example
 * ```ts
 * await signOut(context);
 * ```
 */
export async function signOut(context: ClientContext, fromOtherTab = false): Promise<void> {
  if (context.disabled) return;
  if (!fromOtherTab) tellOtherTabs(context);
  const [live, guard, end] = context.operations.begin();
  context.openAfterSignIn = false;
  stopRefresh(context);
  context.wantedUser = null;
  context.tokenExpiry = undefined;
  try {
    await guard(context.callInFlight);
    if (!context.page && document.getElementById('tiledesk-jssdk')) await guard(bootWidget(context));
    await leaveSession(context, guard);
  } catch (e) {
    if (!live()) throw e;
  } finally {
    if (live()) {
      if (!fromOtherTab) clearWidgetStorage(context.options.projectId);
      setStatus(context, 'signed-out');
    }
    end();
  }
}
