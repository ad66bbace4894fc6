import { onAuth, syncAuth } from './auth-sync.js';
import { setStatus, status, type ClientContext } from './client-context.js';
import { fail } from './fail.js';
import { loadWidget, type WidgetPage } from './load-widget.js';
import { applyVisibility, wantedVisibility } from './launcher-visibility.js';
import { within } from './within.js';

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
    if (!c.following) c.offs.add(onAuth((d) => syncAuth(c, d)));
    c.following = true;
    if (status(c) == 'idle') setStatus(c, 'loading');
    const { o } = c;
    const ms = o.loadTimeoutMs;
    const p = (c.boot = new Promise<WidgetPage>((res) => {
      const page = loadWidget(o.projectId, o.widgetUrl, o.settings, o.bootImmediately);
      if (c.pg != page) page.n++;
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
        if (c.boot == p) c.boot = undefined;
        c.settle[1](e);
        if (!c.ops.busy() && !c.dead) setStatus(c, 'error', null, e);
      },
    );
  }
  return c.boot;
}
