import { listen } from './dom-events.js';
import { fail, noop } from './fail.js';
import type { TiledeskAuthStateChangedDetail } from './widget-events.js';
import { dropStoredTokens } from './widget-storage.js';
import { devMode } from './dev-mode.js';

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
  readonly projectId: string;
  /** Resolves at the widget's first `onBeforeInit`, when it has drained its queue and takes calls. */
  readonly boot: Promise<void>;
  /** `true` once booted. */
  booted: boolean;
  /** The last `onAuthStateChanged`, level-triggered (`user_id` is stale when `isLogged` is false). */
  lastAuth?: Pick<TiledeskAuthStateChangedDetail, 'isLogged' | 'user_id'>;
  /** Whether the chat panel is open, from `onOpen`/`onClose` (the widget's `open` is a toggle). */
  panelOpen: boolean;
  /** Live clients using this page's widget. */
  clients: number;
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
export const stub = (host: WidgetWindow): NonNullable<WidgetWindow['Tiledesk']> => {
  const queue: unknown[] = [];
  return (host.Tiledesk ||= Object.assign((...call: unknown[]) => void queue.push(call), { q: queue }));
};

/** The page's widget as this module keeps it: also its script element and how to stop listening. */
interface LoadedPage extends WidgetPage {
  readonly script: Element;
  stopListening(): void;
}

let current: LoadedPage | undefined;

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
  const host = widgetWindow();
  let found = document.getElementById('tiledesk-jssdk');
  if (!current || current.script !== found) {
    // A new or reset page (or a script we did not add): start over from what the DOM says.
    current?.stopListening();
    current = undefined;
    const owner = found ? host.tiledeskSettings?.['projectid'] : projectId;
    if (owner !== projectId) throw mismatch(owner);
    if (!found) {
      dropStoredTokens(projectId);
      host.tiledeskSettings = settings;
      stub(host);
      found = document.createElement('script');
      found.id = 'tiledesk-jssdk';
      (found as HTMLScriptElement).async = true;
      (found as HTMLScriptElement).src = url;
    }
    const script = found;
    const openGate = () => document.dispatchEvent(new Event('mousemove'));
    const kickBoot = () => kick && (document.readyState === 'complete' ? openGate() : addEventListener('load', openGate, { once: true }));
    const booted = !!(host.tiledesk && host.Tiledesk && !host.Tiledesk.q);
    let listeners: (() => void)[] = [];
    const page: LoadedPage = {
      projectId,
      script,
      booted,
      panelOpen: false,
      clients: 0,
      stopListening: () => listeners.forEach((off) => off()),
      boot: new Promise<void>((resolve, reject) => {
        if (booted) resolve();
        const open = () => {
          page.booted = true;
          resolve();
        };
        listeners = [
          // Callable from its onBeforeInit on: the queue is drained then and sign-in may start
          // before its first auth event (what a queued sign-in does). After this event's other
          // listeners, which must still see a widget that had not booted.
          listen('onBeforeInit', () => void Promise.resolve().then(open)),
          listen('onAuthStateChanged', (detail) => {
            const { isLogged, user_id } = (detail ?? {}) as TiledeskAuthStateChangedDetail;
            page.lastAuth = { isLogged: isLogged === true, user_id };
            // Logout closes the panel without firing onClose.
            if (!isLogged) page.panelOpen = false;
            open();
          }),
          listen('onOpen', () => (page.panelOpen = true)),
          listen('onClose', () => (page.panelOpen = false)),
        ];
        script.addEventListener('error', () => {
          reject(fail('script-load-failed', devMode && 'Cannot load ' + url));
          // Let the next load() start from scratch.
          script.remove();
          page.stopListening();
          if (current === page) current = undefined;
        });
        script.addEventListener('load', kickBoot);
      }),
    };
    page.boot.catch(noop);
    current = page;
    if (script.isConnected) kickBoot();
    else document.head.appendChild(script);
  }
  if (current.projectId !== projectId) throw mismatch(current.projectId);
  return current;
}

const mismatch = (other: unknown) => fail('project-mismatch', devMode && 'The page already hosts project ' + other + ' (one per page)');
