import type { ClientContext, LauncherVisibility } from './client-context.js';
import { call } from './widget-call.js';

/**
 * The visibility the client wants now: hidden while the host's own `settings.startHidden: true`
 * still holds (until the host calls `show()`), else what `showWhen` says for the current status.
 *
 * @example
 * ```ts
 * applyVisibility(context, wantedVisibility(context));
 * ```
 */
export function wantedVisibility(context: ClientContext): LauncherVisibility {
  if (context.hiddenUntilHostShows) return 'hide';
  const { showWhen } = context.options;
  return showWhen === 'always' || (showWhen === 'signed-in' && context.store.get().status === 'signed-in') ? 'show' : 'hide';
}

/**
 * Shows or hides the launcher. A 'show' is two `show()` calls on purpose: while the widget's
 * `startHidden` setting is true, its `show()` shows nothing, it only sets `startHidden` to false
 * (and marks the launcher not shown); only the next `show()` shows. That setting lives in the
 * widget's iframe, out of reach, and it can be true in states core does not choose: a host's
 * `settings.startHidden`, a widget the page booted with its own snippet, a widget rebuilt by
 * `reInit()` from the page's settings. When it is already false, both calls show, so the pair is
 * right in every state, where a single call would leave some visitors with no launcher at all.
 *
 * @example
 * ```ts
 * applyVisibility(context, 'show');
 * ```
 */
export function applyVisibility(context: ClientContext, visibility: LauncherVisibility): void {
  call(context.page, visibility);
  if (visibility === 'show') call(context.page, 'show');
}
