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
  if (c.widgetRebuilt && !c.inert) {
    c.widgetRebuilt = false;
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
  if (!c.booting) {
    if (!c.followingAuth) {
      c.cleanups.add(onAuth((d) => followAuth(c, d)));
      // Only a widget that had booted can be rebuilding: the first boot applies visibility below.
      c.cleanups.add(listen('onBeforeInit', () => void (c.page?.booted && (c.widgetRebuilt = true))));
    }
    c.followingAuth = true;
    if (status(c) === 'idle') setStatus(c, 'loading');
    const { options } = c;
    const ms = options.loadTimeoutMs;
    const booting = (c.booting = new Promise<WidgetPage>((resolve) => {
      const page = loadWidget(options.projectId, options.widgetUrl, options.settings, options.bootImmediately);
      if (c.page !== page) page.clients++;
      c.page = page;
      resolve(within(page.boot, ms, fail('timeout', 'Widget did not boot in ' + ms + ' ms')).then(() => page));
    }));
    booting.then(
      () => {
        c.settleReady[0]();
        if (!c.inert) {
          // A widget booted before we came (another bundle's snippet) has told us nothing yet.
          syncAuth(c, c.page?.lastAuth || {});
          applyVisibility(c, c.visibilityAtBoot ?? wantedVisibility(c));
          c.visibilityAtBoot = undefined;
        }
      },
      (e) => {
        if (c.booting === booting) c.booting = undefined;
        c.settleReady[1](e);
        // A sign-in under way reports the failure itself.
        if (!c.operations.busy() && !c.inert) {
          c.options.logger.error('tiledesk: the widget failed to load: ' + (e as Error).message, e);
          setStatus(c, 'error', null, e);
        }
      },
    );
  }
  return c.booting;
}
