import type { ClientContext, LauncherVisibility } from './client-context.js';
import { status } from './client-status.js';
import { mustBe } from './fail.js';
import type { TiledeskClient } from './tiledesk-client.js';
import { applyVisibility } from './launcher-visibility.js';
import { call } from './widget-call.js';
import { devMode } from './dev-mode.js';

/**
 * Opens the chat panel if it is closed (the widget's `open()` is a toggle). While nobody is signed in
 * it only remembers the wish: the widget's `open()` would start a guest sign-in.
 *
 * @example
 * ```ts
 * if (context.openAfterSignIn) openPanel(context);
 * ```
 */
export function openPanel(context: ClientContext): void {
  if (context.disabled) return;
  context.openAfterSignIn = status(context) !== 'signed-in';
  if (!context.openAfterSignIn && context.page && !context.page.panelOpen) {
    context.page.panelOpen = true;
    call(context.page, 'open');
  }
}

/**
 * The client's `show`, `hide`, `open`, `close` and `setAttribute`.
 *
 * @example
 * ```ts
 * const { show, open } = widgetControls(context);
 * ```
 */
export function widgetControls(context: ClientContext): Pick<TiledeskClient, 'show' | 'hide' | 'open' | 'close' | 'setAttribute'> {
  // Before boot, remember the last show()/hide(): applied at boot instead of the policy.
  const toggle = (visibility: LauncherVisibility) => {
    if (context.disabled) return;
    if (context.page?.booted) applyVisibility(context, visibility);
    else context.visibilityAtBoot = visibility;
  };
  return {
    show() {
      // The host's own show() ends the hold of its settings.startHidden: the policy applies again.
      if (!context.disabled) context.hiddenUntilHostShows = false;
      toggle('show');
    },
    hide: () => toggle('hide'),
    open: () => openPanel(context),
    close() {
      context.openAfterSignIn = false;
      if (!context.disabled && context.page?.panelOpen) {
        context.page.panelOpen = false;
        call(context.page, 'close');
      }
    },
    setAttribute(key, value) {
      mustBe(typeof key === 'string' && key, devMode && 'setAttribute(): key must be a non-empty string');
      if (!context.disabled) call(context.page, 'setAttributeParameter', { key, value });
    },
  };
}
