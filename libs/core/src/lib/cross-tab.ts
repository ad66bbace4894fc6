import type { ClientContext } from './client-context.js';
import { status } from './client-status.js';

/** What a client posts to the site's other tabs when it signs out. */
const SIGNED_OUT = 'signed-out';

/**
 * This client's channel to the site's other tabs (same origin, same project), opened once and
 * closed on destroy; none where `BroadcastChannel` is missing. A channel never hears its own posts.
 */
function channel(context: ClientContext): BroadcastChannel | undefined {
  if (!context.otherTabs && !context.disabled && typeof BroadcastChannel === 'function') {
    const tabs = (context.otherTabs = new BroadcastChannel('tiledesk-auth:' + context.options.projectId));
    context.cleanups.add(() => tabs.close());
  }
  return context.otherTabs;
}

/**
 * Makes a sign-out in another tab sign this client out too, while it is signed in. The message, not
 * the widget's storage, is the signal: a user switch in one tab empties the storage too (and the
 * other tab's own sign-out would empty it again under the switching tab), so reacting to storage
 * would undo switches and bounce sign-outs between tabs.
 *
 * @example
 * ```ts
 * followOtherTabs(context, () => signOut(context, true));
 * ```
 */
export function followOtherTabs(context: ClientContext, signOutHere: () => unknown): void {
  const tabs = channel(context);
  if (tabs)
    tabs.onmessage = (event) => void (event.data === SIGNED_OUT && !context.disabled && status(context) === 'signed-in' && signOutHere());
}

/**
 * Tells the site's other tabs that the chat was signed out here.
 *
 * @example
 * ```ts
 * tellOtherTabs(context);
 * ```
 */
export function tellOtherTabs(context: ClientContext): void {
  channel(context)?.postMessage(SIGNED_OUT);
}
