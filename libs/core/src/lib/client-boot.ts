import { onAuth, syncAuth } from './auth-sync.js';
import type { ClientContext } from './client-context.js';
import { setStatus, status } from './client-status.js';
import { listen } from './dom-events.js';
import { fail } from './fail.js';
import { loadWidget, type WidgetPage } from './load-widget.js';
import { applyVisibility, wantedVisibility } from './launcher-visibility.js';
import type { TiledeskAuthStateChangedDetail } from './widget-events.js';
import { within } from './within.js';

/**
 * Follows one auth event. After a rebuild (`reInit()`/`restart()`) the new widget's launcher is
 * visible whatever was asked of the old one, so the visibility is applied again at its first
 * auth event, also when the status does not change (a visitor signed out stays signed out).
 */
function followAuth(c: ClientContext, detail: Partial<TiledeskAuthStateChangedDetail>): void {
  syncAuth(c, detail);
  if (c.rebuilt && !c.dead) {
    c.rebuilt = false;
    applyVisibility(c, wantedVisibility(c));
  }
}

/**
 * Loads the widget for this client (once; again after a failure) and resolves with the page once it
 * has booted, within `loadTimeoutMs`. Starts following the widget's auth events here, not at
 * construction. At boot it applies a pending `show()`/`hide()`, else the visibility policy.
 *
 * @example
 * ```ts
 * const page = await bootWidget(c);
 * ```
 */
export function bootWidget(c: ClientContext): Promise<WidgetPage> {
  if (!c.boot) {
    if (!c.following) {
      c.offs.add(onAuth((d) => followAuth(c, d)));
      // Only a widget that had booted can be rebuilding: the first boot applies visibility below.
      c.offs.add(listen('onBeforeInit', () => void (c.pg?.up && (c.rebuilt = true))));
    }
    c.following = true;
    if (status(c) === 'idle') setStatus(c, 'loading');
    const { o } = c;
    const ms = o.loadTimeoutMs;
    const p = (c.boot = new Promise<WidgetPage>((res) => {
      const page = loadWidget(o.projectId, o.widgetUrl, o.settings, o.bootImmediately);
      if (c.pg !== page) page.n++;
      c.pg = page;
      res(within(page.boot, ms, fail('timeout', 'Widget did not boot in ' + ms + ' ms')).then(() => page));
    }));
    p.then(
      () => {
        c.settle[0]();
        if (!c.dead) {
          // A widget booted before we came (another bundle's snippet) has told us nothing yet.
          syncAuth(c, c.pg?.auth || {});
          applyVisibility(c, c.forced ?? wantedVisibility(c));
          c.forced = undefined;
        }
      },
      (e) => {
        if (c.boot === p) c.boot = undefined;
        c.settle[1](e);
        // A sign-in under way reports the failure itself.
        if (!c.ops.busy() && !c.dead) {
          c.o.logger.error('tiledesk: the widget failed to load: ' + (e as Error).message, e);
          setStatus(c, 'error', null, e);
        }
      },
    );
  }
  return c.boot;
}
