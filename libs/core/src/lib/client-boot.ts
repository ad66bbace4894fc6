import { onAuth, syncAuth } from './auth-sync.js';
import type { ClientContext } from './client-context.js';
import { setStatus, status } from './client-status.js';
import { listen } from './dom-events.js';
import { fail } from './fail.js';
import { loadWidget, type WidgetPage } from './load-widget.js';
import { applyVisibility, wantedVisibility } from './launcher-visibility.js';
import type { TiledeskAuthStateChangedDetail } from './widget-events.js';
import { within } from './within.js';
import { devMode } from './dev-mode.js';

/**
 * Follows one auth event. After a rebuild (`reInit()`/`restart()`) the new widget's launcher is
 * visible whatever was asked of the old one, so the visibility is applied again at its first
 * auth event, also when the status does not change (a visitor signed out stays signed out).
 */
function followAuth(context: ClientContext, detail: Partial<TiledeskAuthStateChangedDetail>): void {
  syncAuth(context, detail);
  if (context.widgetRebuilt && !context.disabled) {
    context.widgetRebuilt = false;
    applyVisibility(context, wantedVisibility(context));
  }
}

/**
 * Loads the widget for this client (once; again after a failure) and resolves with the page once it
 * has booted, within `loadTimeoutMs`. Starts following the widget's auth events here, not at
 * construction. At boot it applies a pending `show()`/`hide()`, else the visibility policy.
 *
 * @example
 * ```ts
 * const page = await bootWidget(context);
 * ```
 */
export function bootWidget(context: ClientContext): Promise<WidgetPage> {
  if (!context.booting) {
    if (!context.followingAuth) {
      context.cleanups.add(onAuth((d) => followAuth(context, d)));
      // Only a widget that had booted can be rebuilding: the first boot applies visibility below.
      context.cleanups.add(listen('onBeforeInit', () => void (context.page?.booted && (context.widgetRebuilt = true))));
    }
    context.followingAuth = true;
    if (status(context) === 'idle') setStatus(context, 'loading');
    const { options } = context;
    const ms = options.loadTimeoutMs;
    const booting = (context.booting = new Promise<WidgetPage>((resolve) => {
      const page = loadWidget(options.projectId, options.widgetUrl, options.settings, options.bootImmediately);
      if (context.page !== page) page.clients++;
      context.page = page;
      resolve(within(page.boot, ms, fail('timeout', devMode && 'Widget did not boot in ' + ms + ' ms')).then(() => page));
    }));
    booting.then(
      () => {
        context.settleReady[0]();
        if (!context.disabled) {
          // A widget booted before we came (another bundle's snippet) has told us nothing yet.
          syncAuth(context, context.page?.lastAuth || {});
          applyVisibility(context, context.visibilityAtBoot ?? wantedVisibility(context));
          context.visibilityAtBoot = undefined;
        }
      },
      (e) => {
        if (context.booting === booting) context.booting = undefined;
        context.settleReady[1](e);
        // A sign-in under way reports the failure itself.
        if (!context.operations.busy() && !context.disabled) {
          context.options.logger.error(devMode ? 'tiledesk: the widget failed to load: ' + (e as Error).message : 'tiledesk', e);
          setStatus(context, 'error', null, e);
        }
      },
    );
  }
  return context.booting;
}
