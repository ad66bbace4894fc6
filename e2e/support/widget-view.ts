import type { Page } from 'playwright-core';
import { waitUntil } from './wait-until';
import type { WidgetKind } from './widgets';

/**
 * What the page shows of the widget's launcher, and what the widget itself thinks.
 *
 * @example
 * ```ts
 * const visible = state.display !== 'none' && state.width > 0 && state.isShown === true;
 * ```
 */
export interface LauncherState {
  /** Computed `display` of `#tiledesk-container`; `'absent'` when there is no container. */
  readonly display: string;
  /** Computed `visibility` of `#tiledesk-container`. */
  readonly visibility: string;
  /**
   * The largest box drawn inside the container that lies in the viewport, in CSS pixels. The
   * container itself may be a 0×0 fixed anchor (the real widget's is): what shows is inside it.
   */
  readonly width: number;
  readonly height: number;
  /** Whether the launcher button itself (in the page, or inside the real widget's iframe) is visible. */
  readonly buttonVisible: boolean;
  /** `isShown` of the widget's live settings; `undefined` before the widget handed them out. */
  readonly isShown: unknown;
}

/**
 * One widget event the page received (recorded from the first navigation on).
 *
 * @example
 * ```ts
 * const onlines = events.filter((e) => e.name === 'onAuthStateChanged' && e.event === 'online');
 * ```
 */
export interface WidgetEventRecord {
  readonly name: string;
  /** `detail.event` of `onAuthStateChanged` (`'online'`/`'offline'`). */
  readonly event: unknown;
  readonly isLogged: unknown;
}

/**
 * The widget as a visitor and a test see it, the same questions asked of either widget: the
 * emulated one draws its launcher and panel in the host page; the real one draws them inside its
 * iframe `#tiledeskiframe`, and its own state is read through its live settings and storage.
 *
 * @example
 * ```ts
 * const view = widgetView(page, 'real', 'widget_sv5', projectId);
 * await view.openChat();
 * ```
 */
export interface WidgetView {
  readonly kind: WidgetKind;
  /** The launcher as the page renders it, plus the widget's own `isShown`. */
  launcher(): Promise<LauncherState>;
  /** Waits until the launcher is visible by both measures; fails saying what was seen instead. */
  waitForVisibleLauncher(): Promise<LauncherState>;
  /** Clicks the widget's own launcher button, as a visitor would, and waits for the chat to open. */
  openChat(): Promise<void>;
  /**
   * What the widget itself holds about its signed-in user, as text to search: the emulated
   * widget's panel; for the real widget its `senderId` and its stored `currentUser`.
   */
  userDescription(): Promise<string>;
  /** Every `onInit` / `onAuthStateChanged` the page received, in order. */
  events(): Promise<WidgetEventRecord[]>;
}

/**
 * An init script (run before any page script) that records the widget's events and keeps a
 * reference to its live settings. A capture listener on `document` sees every widget event,
 * because `<chat-root>` sits in the host document, and survives the widget rebuilding itself.
 *
 * @example
 * ```ts
 * await context.addInitScript(WIDGET_RECORDER);
 * ```
 */
export const WIDGET_RECORDER = `(() => {
  const seen = [];
  Object.defineProperty(window, '__e2eWidgetEvents', { value: seen });
  for (const name of ['onBeforeInit', 'onInit', 'onAuthStateChanged']) {
    document.addEventListener(name, (event) => {
      const detail = event.detail || {};
      if (detail.global) window.__e2eWidgetSettings = detail.global;
      if (name !== 'onBeforeInit') seen.push({ name, event: detail.event, isLogged: detail.isLogged });
    }, true);
  }
})();`;

const EMULATED_LAUNCHER = '#tiledesk-emulator-launcher';
const EMULATED_PANEL = '#tiledesk-emulator-panel';
const REAL_FRAME = '#tiledeskiframe';
/** The real widget's launcher button, inside its iframe. */
const REAL_LAUNCHER = '#c21-launcher-button';
/** The real widget's chat panel, inside its iframe; shown while the chat is open. */
const REAL_CHAT_PANEL = '#chat21-conversations';

/**
 * The {@link WidgetView} of `page` for the widget `kind`; `storagePrefix` and `projectId` name
 * the widget's localStorage keys (`<prefix>_<projectId>_<key>`).
 *
 * @example
 * ```ts
 * const state = await widgetView(page, 'emulated', 'widget_sv6', projectId).launcher();
 * ```
 */
export function widgetView(page: Page, kind: WidgetKind, storagePrefix: string, projectId: string): WidgetView {
  const launcherButton = kind === 'emulated' ? page.locator(EMULATED_LAUNCHER) : page.frameLocator(REAL_FRAME).locator(REAL_LAUNCHER);
  const launcher = async (): Promise<LauncherState> => {
    const drawn = await page.evaluate(() => {
      const container = document.getElementById('tiledesk-container');
      const settings = (window as unknown as { __e2eWidgetSettings?: { isShown?: unknown } }).__e2eWidgetSettings;
      if (container === null) return { display: 'absent', visibility: 'absent', width: 0, height: 0, isShown: settings?.isShown };
      const style = getComputedStyle(container);
      let largest = { width: 0, height: 0 };
      for (const element of [container, ...Array.from(container.querySelectorAll('*'))]) {
        const box = element.getBoundingClientRect();
        const inViewport = box.right > 0 && box.bottom > 0 && box.left < innerWidth && box.top < innerHeight;
        if (inViewport && box.width * box.height > largest.width * largest.height) largest = { width: box.width, height: box.height };
      }
      return { display: style.display, visibility: style.visibility, ...largest, isShown: settings?.isShown };
    });
    return { ...drawn, buttonVisible: await launcherButton.isVisible() };
  };

  return {
    kind,
    launcher,
    waitForVisibleLauncher() {
      return waitUntil(`the ${kind} widget's launcher to be visible`, async () => {
        const state = await launcher();
        const rendered =
          state.display !== 'none' && state.display !== 'absent' && state.visibility !== 'hidden' && state.width > 0 && state.height > 0;
        if (rendered && state.buttonVisible && state.isShown === true) return state;
        // Thrown, not returned: on timeout waitUntil reports the last state seen.
        throw new Error(
          `#tiledesk-container display ${state.display}, visibility ${state.visibility}, largest box inside ${state.width}x${state.height}, ` +
            `launcher button ${state.buttonVisible ? 'visible' : 'not visible'}; the widget's isShown is ${String(state.isShown)}`,
        );
      });
    },
    async openChat() {
      await launcherButton.click();
      const panel = kind === 'emulated' ? page.locator(EMULATED_PANEL) : page.frameLocator(REAL_FRAME).locator(REAL_CHAT_PANEL);
      await panel.waitFor({ state: 'visible' });
    },
    async userDescription() {
      if (kind === 'emulated') return ((await page.locator('#tiledesk-emulator-user').textContent()) ?? '').trim();
      return page.evaluate(
        ({ key }) => {
          const settings = (window as unknown as { __e2eWidgetSettings?: { senderId?: unknown } }).__e2eWidgetSettings;
          return `senderId ${String(settings?.senderId)}; currentUser ${localStorage.getItem(key) ?? 'none'}`;
        },
        { key: `${storagePrefix}_${projectId}_currentUser` },
      );
    },
    events() {
      return page.evaluate(() => [...((window as unknown as { __e2eWidgetEvents?: WidgetEventRecord[] }).__e2eWidgetEvents ?? [])]);
    },
  };
}
