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
 * if (c.wantOpen) openPanel(c);
 * ```
 */
export function openPanel(c: ClientContext): void {
  if (c.dead) return;
  c.wantOpen = status(c) !== 'signed-in';
  if (!c.wantOpen && c.pg && !c.pg.open) {
    c.pg.open = true;
    call(c.pg, 'open');
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
    if (c.dead) return;
    if (c.pg?.up) applyVisibility(c, visibility);
    else c.forced = visibility;
  };
  return {
    show() {
      // The host's own show() ends the hold of its settings.startHidden: the policy applies again.
      if (!c.dead) c.hiddenUntilHostShows = false;
      toggle('show');
    },
    hide: () => toggle('hide'),
    open: () => openPanel(c),
    close() {
      c.wantOpen = false;
      if (!c.dead && c.pg?.open) {
        c.pg.open = false;
        call(c.pg, 'close');
      }
    },
    setAttribute(key, value) {
      mustBe(typeof key === 'string' && key, 'setAttribute(): key must be a non-empty string');
      if (!c.dead) call(c.pg, 'setAttributeParameter', { key, value });
    },
  };
}
