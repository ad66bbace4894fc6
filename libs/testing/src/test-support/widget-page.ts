import { EMULATED_WIDGET_EVENTS } from '../lib/widget-event-names';

/**
 * Helpers for the widget specs (jsdom): put the snippet a host page uses on the page, wait for the
 * widget, record its events, and clean the page between tests.
 */

/**
 * The page globals as a host page sees them.
 *
 * @example
 * ```ts
 * page.tiledesk?.on('onOpen', () => undefined);
 * ```
 */
export interface PageWindow extends Window {
  tiledeskSettings?: Record<string, unknown>;
  Tiledesk?: ((...args: unknown[]) => unknown) & { q?: unknown[] };
  tiledesk?: Record<string, unknown> & {
    on(name: string, fn: (event: Event) => void): void;
    tiledeskroot: HTMLElement;
  };
  tileDeskAsyncInit?: () => void;
}

/**
 * The page's window, typed with the widget's globals.
 *
 * @example
 * ```ts
 * expect(page.tiledesk).toBeUndefined();
 * ```
 */
export const page = window as unknown as PageWindow;

/**
 * Polls until `predicate` is truthy; rejects with `what` after `timeoutMs`.
 *
 * @example
 * ```ts
 * await waitFor('boot', () => page.tiledesk);
 * ```
 */
export async function waitFor<T>(what: string, predicate: () => T | undefined | null | false, timeoutMs = 8000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = predicate();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * Lets pending timers and XHR callbacks run.
 *
 * @example
 * ```ts
 * await settle(100);
 * ```
 */
export function settle(ms = 50): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Defines settings and the stub, runs `queue` against the stub, and adds the script tag, like the
 * Tiledesk snippet. Does not wait for the boot.
 *
 * @example
 * ```ts
 * addWidgetScript(project.widgetUrl, { projectid: project.id }, (Tiledesk) => Tiledesk('hide'));
 * ```
 */
export function addWidgetScript(
  widgetUrl: string,
  settings: Record<string, unknown>,
  queue?: (stub: (...args: unknown[]) => void) => void,
): HTMLScriptElement {
  page.tiledeskSettings = settings;
  // Queues a real `arguments` object, as the documented snippet does (the drains must cope with it).
  const stub = function Tiledesk() {
    // eslint-disable-next-line prefer-rest-params
    (stub.q ??= []).push(arguments);
  } as PageWindow['Tiledesk'] & { q?: unknown[] };
  stub.q = [];
  page.Tiledesk = stub;
  queue?.(stub);
  const script = document.createElement('script');
  script.id = 'tiledesk-jssdk';
  script.src = widgetUrl;
  script.async = true;
  document.head.appendChild(script);
  return script;
}

/**
 * `addWidgetScript`, then waits until `window.tiledesk` exists.
 *
 * @example
 * ```ts
 * const tiledesk = await loadWidget(project.widgetUrl, { projectid: project.id });
 * ```
 */
export async function loadWidget(
  widgetUrl: string,
  settings: Record<string, unknown>,
  queue?: (stub: (...args: unknown[]) => void) => void,
): Promise<NonNullable<PageWindow['tiledesk']>> {
  addWidgetScript(widgetUrl, settings, queue);
  return waitFor('window.tiledesk', () => page.tiledesk);
}

/**
 * One event the widget fired, as seen by a capture listener on `document`.
 *
 * @example
 * ```ts
 * const online = recorder.events.find((e: RecordedEvent) => e.detail['event'] === 'online');
 * ```
 */
export interface RecordedEvent {
  name: string;
  detail: Record<string, unknown>;
  event: Event;
}

/**
 * The widget events `recordEvents()` listens to.
 *
 * @example
 * ```ts
 * WIDGET_EVENTS.includes('onInit'); // true
 * ```
 */
export const WIDGET_EVENTS: readonly string[] = EMULATED_WIDGET_EVENTS;

/**
 * Records every widget event through capture listeners on `document` (they survive reInit).
 *
 * @example
 * ```ts
 * const recorder = recordEvents();
 * expect(recorder.names()).toContain('onInit');
 * ```
 */
export function recordEvents(): { events: RecordedEvent[]; names(): string[]; stop(): void } {
  const events: RecordedEvent[] = [];
  const listener = (event: Event) =>
    events.push({ name: event.type, detail: (event as CustomEvent).detail as Record<string, unknown>, event });
  for (const name of WIDGET_EVENTS) document.addEventListener(name, listener, true);
  return {
    events,
    names: () => events.map((e) => (e.name === 'onAuthStateChanged' ? `${e.name}:${String(e.detail['event'])}` : e.name)),
    stop: () => {
      for (const name of WIDGET_EVENTS) document.removeEventListener(name, listener, true);
    },
  };
}

/**
 * Removes everything the widget and the snippet put on the page.
 *
 * @example
 * ```ts
 * afterEach(resetPage);
 * ```
 */
export function resetPage(): void {
  try {
    (page.tiledesk?.['dispose'] as (() => void) | undefined)?.();
  } catch {
    // already disposed
  }
  document.querySelectorAll('chat-root, #tiledesk-container, #tiledesk-jssdk').forEach((node) => node.remove());
  delete page.tiledesk;
  delete page.Tiledesk;
  delete page.tiledeskSettings;
  delete page.tileDeskAsyncInit;
  localStorage.clear();
}
