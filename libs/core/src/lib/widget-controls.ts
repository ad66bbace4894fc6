import type { ClientContext, LauncherVisibility } from './client-context.js';
import { status } from './client-status.js';
import { mustBe } from './fail.js';
import type { TiledeskClient } from './tiledesk-client.js';
import { applyVisibility } from './launcher-visibility.js';
import { call } from './widget-call.js';

/**
 * Opens the chat panel if it is closed (the widget's `open()` is a toggle). While nobody is signed in
 * it only remembers the wish: the widget's `open()` would start a guest sign-in.
 *
 * @example
 * ```ts
 * if (c.openAfterSignIn) openPanel(c);
 * ```
 */
export function openPanel(c: ClientContext): void {
  if (c.inert) return;
  c.openAfterSignIn = status(c) !== 'signed-in';
  if (!c.openAfterSignIn && c.page && !c.page.panelOpen) {
    c.page.panelOpen = true;
    call(c.page, 'open');
  }
}

/**
 * The client's `show`, `hide`, `open`, `close` and `setAttribute`.
 *
 * @example
 * ```ts
 * const { show, open } = widgetControls(c);
 * ```
 */
export function widgetControls(c: ClientContext): Pick<TiledeskClient, 'show' | 'hide' | 'open' | 'close' | 'setAttribute'> {
  // Before boot, remember the last show()/hide(): applied at boot instead of the policy.
  const toggle = (visibility: LauncherVisibility) => {
    if (c.inert) return;
    if (c.page?.booted) applyVisibility(c, visibility);
    else c.visibilityAtBoot = visibility;
  };
  return {
    show() {
      // The host's own show() ends the hold of its settings.startHidden: the policy applies again.
      if (!c.inert) c.hiddenUntilHostShows = false;
      toggle('show');
    },
    hide: () => toggle('hide'),
    open: () => openPanel(c),
    close() {
      c.openAfterSignIn = false;
      if (!c.inert && c.page?.panelOpen) {
        c.page.panelOpen = false;
        call(c.page, 'close');
      }
    },
    setAttribute(key, value) {
      mustBe(typeof key === 'string' && key, 'setAttribute(): key must be a non-empty string');
      if (!c.inert) call(c.page, 'setAttributeParameter', { key, value });
    },
  };
}
