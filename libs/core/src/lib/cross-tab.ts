import type { ClientContext } from './client-context.js';
import { status } from './client-status.js';

/** What a client posts to the site's other tabs when it signs out. */
const SIGNED_OUT = 'signed-out';

/**
 * This client's channel to the site's other tabs (same origin, same project), opened once and
 * closed on destroy; none where `BroadcastChannel` is missing. A channel never hears its own posts.
 */
function channel(c: ClientContext): BroadcastChannel | undefined {
  if (!c.otherTabs && !c.inert && typeof BroadcastChannel === 'function') {
    const tabs = (c.otherTabs = new BroadcastChannel('tiledesk-auth:' + c.options.projectId));
    c.cleanups.add(() => tabs.close());
  }
  return c.otherTabs;
}

/**
 * Makes a sign-out in another tab sign this client out too, while it is signed in. The message, not
 * the widget's storage, is the signal: a user switch in one tab empties the storage too (and the
 * other tab's own sign-out would empty it again under the switching tab), so reacting to storage
 * would undo switches and bounce sign-outs between tabs.
 *
 * @example
 * ```ts
 * followOtherTabs(c, () => signOut(c, true));
 * ```
 */
export function followOtherTabs(c: ClientContext, signOutHere: () => unknown): void {
  const tabs = channel(c);
  if (tabs) tabs.onmessage = (event) => void (event.data === SIGNED_OUT && !c.inert && status(c) === 'signed-in' && signOutHere());
}

/**
 * Tells the site's other tabs that the chat was signed out here.
 *
 * @example
 * ```ts
 * tellOtherTabs(c);
 * ```
 */
export function tellOtherTabs(c: ClientContext): void {
  channel(c)?.postMessage(SIGNED_OUT);
}
