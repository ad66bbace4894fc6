import { listen } from './dom-events.js';
import { fail } from './fail.js';
import type { TiledeskAuthStateChangedDetail } from './widget-events.js';
import { dropStoredTokens } from './widget-storage.js';

/**
 * The widget's globals, as far as core touches them (kept off the global `Window` type on purpose).
 *
 * @example
 * ```ts
 * widgetWindow().tiledesk?.['hide'];
 * ```
 */
export interface WidgetWindow {
  /** The stub (queues calls in `q`) before boot, a forwarder to `tiledesk` after. */
  Tiledesk?: ((name: string, arg?: unknown) => unknown) & { q?: unknown[] };
  /** The booted widget instance. */
  tiledesk?: Record<string, unknown>;
  tiledeskSettings?: Record<string, unknown>;
}

/**
 * `window` seen through {@link WidgetWindow}.
 *
 * @example
 * ```ts
 * const booted = !!widgetWindow().tiledesk;
 * ```
 */
export const widgetWindow = (): WidgetWindow => window as unknown as WidgetWindow;

/**
 * What every client on the page shares about the one widget the page can host.
 *
 * @example
 * ```ts
 * const page = loadWidget(projectId, url, settings, true);
 * await page.boot;
 * ```
 */
export interface WidgetPage {
  /** The project whose widget this is. */
  readonly id: string;
  /** Resolves at the widget's first `onAuthStateChanged` (its queue is drained by then). */
  readonly boot: Promise<void>;
  /** `true` once booted. */
  up: boolean;
  /** The last `onAuthStateChanged`, level-triggered (`user_id` is stale when `isLogged` is false). */
  auth?: Pick<TiledeskAuthStateChangedDetail, 'isLogged' | 'user_id'>;
  /** Whether the chat panel is open, from `onOpen`/`onClose` (the widget's `open` is a toggle). */
  open: boolean;
  /** Live clients using this page's widget. */
  n: number;
}

/**
 * `window.Tiledesk`, defining the queueing stub first if the page has none: calls made before boot
 * are queued and run by the widget when it drains the queue.
 *
 * @example
 * ```ts
 * stub(widgetWindow())('setAttributeParameter', { key: 'plan', value: 'pro' });
 * ```
 */
export const stub = (w: WidgetWindow): NonNullable<WidgetWindow['Tiledesk']> => {
  const q: unknown[] = [];
  return (w.Tiledesk ||= Object.assign((...a: unknown[]) => void q.push(a), { q }));
};

let page: (WidgetPage & { s: Element; off(): void }) | undefined;

/**
 * Injects `tiledeskSettings`, the stub and `script#tiledesk-jssdk` once per page, or reuses what is
 * there (also a script the host page added itself). Forces the early boot when `kick` is set: a
 * synthetic `mousemove` after `window.load` opens the v6 interaction gate. Never defines
 * `tileDeskAsyncInit` (that would stop the widget from draining its queue).
 *
 * @throws TiledeskAuthError `project-mismatch` if the page already hosts another project's widget.
 * @example
 * ```ts
 * const page = loadWidget('65f0c0ffee0123456789abcd', 'https://widget.tiledesk.com/v6/launch.js', { projectid: '65f0c0ffee0123456789abcd' }, true);
 * ```
 */
export function loadWidget(projectId: string, url: string, settings: Record<string, unknown>, kick: boolean): WidgetPage {
  const w = widgetWindow();
  let s = document.getElementById('tiledesk-jssdk');
  if (!page || page.s !== s) {
    // A new or reset page (or a script we did not add): start over from what the DOM says.
    page?.off();
    page = undefined;
    const owner = s ? w.tiledeskSettings?.['projectid'] : projectId;
    if (owner !== projectId) throw mismatch(owner);
    if (!s) {
      dropStoredTokens(projectId);
      w.tiledeskSettings = settings;
      stub(w);
      s = document.createElement('script');
      s.id = 'tiledesk-jssdk';
      (s as HTMLScriptElement).async = true;
      (s as HTMLScriptElement).src = url;
    }
    const el = s;
    const go = () => document.dispatchEvent(new Event('mousemove'));
    const gate = () => kick && (document.readyState === 'complete' ? go() : addEventListener('load', go, { once: true }));
    const up = !!(w.tiledesk && w.Tiledesk && !w.Tiledesk.q);
    let offs: (() => void)[] = [];
    const pg: WidgetPage & { s: Element; off(): void } = {
      id: projectId,
      s: el,
      up,
      open: false,
      n: 0,
      off: () => offs.forEach((f) => f()),
      boot: new Promise<void>((res, rej) => {
        if (up) res();
        offs = [
          listen('onAuthStateChanged', (d) => {
            const { isLogged, user_id } = (d ?? {}) as TiledeskAuthStateChangedDetail;
            pg.auth = { isLogged: isLogged === true, user_id };
            pg.up = true;
            // Logout closes the panel without firing onClose.
            if (!isLogged) pg.open = false;
            res();
          }),
          listen('onOpen', () => (pg.open = true)),
          listen('onClose', () => (pg.open = false)),
        ];
        el.addEventListener('error', () => {
          rej(fail('script-load-failed', 'Cannot load ' + url));
          // Let the next load() start from scratch.
          el.remove();
          pg.off();
          if (page === pg) page = undefined;
        });
        el.addEventListener('load', gate);
      }),
    };
    pg.boot.catch(() => undefined);
    page = pg;
    if (el.isConnected) gate();
    else document.head.appendChild(el);
  }
  if (page.id !== projectId) throw mismatch(page.id);
  return page;
}

const mismatch = (other: unknown) =>
  fail('project-mismatch', 'The page already hosts project ' + other + ' (one per page)');
