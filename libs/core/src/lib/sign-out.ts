import { bootWidget } from './client-boot.js';
import { setStatus, type ClientContext } from './client-context.js';
import { logOut } from './user-switch.js';
import { clearWidgetStorage } from './widget-storage.js';

/**
 * `signOut()` of the client. Safe when signed out. When this client never loaded the widget but a
 * widget is on the page (restored by the page's own snippet, or signed in by another client), it
 * attaches to it first so that visitor is logged out too. Always clears the project's storage.
 * Rejects only with `superseded` or `destroyed`: a widget that never answers is signed out all the same.
 *
 * @example
 * ```ts
 * await signOut(c);
 * ```
 */
export async function signOut(c: ClientContext): Promise<void> {
  if (c.dead) return;
  const [live, guard, end] = c.ops.begin();
  clearTimeout(c.timer);
  c.wantOpen = false;
  c.me = null;
  c.exp = undefined;
  try {
    await guard(c.busy);
    if (!c.pg && document.getElementById('tiledesk-jssdk')) await guard(bootWidget(c));
    // Attached to a widget that booted before us, we have not seen its auth state: log out to be sure.
    if (c.pg?.up && c.pg.auth?.isLogged !== false) await logOut(c, guard);
  } catch (e) {
    if (!live()) throw e;
  } finally {
    if (live()) {
      clearWidgetStorage(c.o.projectId);
      setStatus(c, 'signed-out');
    }
    end();
  }
}
