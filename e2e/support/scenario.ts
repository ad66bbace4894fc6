import type { Browser, BrowserContext, Page } from 'playwright-core';
import { watchPage, type PageWatch } from './page-watch';
import { startDemoStack, type DemoStack, type SampleApp } from './stack';
import { waitUntil, type WaitOptions } from './wait-until';
import { WIDGET_RECORDER, widgetView, type WidgetView } from './widget-view';
import type { WidgetKind } from './widgets';

/**
 * A page of a sample app under test, with its recorder and the sample's data-testids as helpers.
 *
 * @example
 * ```ts
 * await tab.open();
 * await tab.waitForStatus('signed-in');
 * ```
 */
export interface SampleTab {
  readonly page: Page;
  readonly context: BrowserContext;
  readonly watch: PageWatch;
  /** The widget of this page (emulated or real), asked the same questions either way. */
  readonly widget: WidgetView;
  /** Navigates to the sample app. */
  open(): Promise<void>;
  /** Sets the demo session cookie in this tab's context, as the sample's login would. */
  setSession(userId: string): Promise<void>;
  /** The text of `data-testid=<testId>`, trimmed; `undefined` when absent. */
  text(testId: string): Promise<string | undefined>;
  /** Clicks `data-testid=<testId>`. */
  click(testId: string): Promise<void>;
  /** Waits until the `status` test id shows `status`; returns it. */
  waitForStatus(status: string, options?: WaitOptions): Promise<string>;
  /** Every distinct status text the page has shown, in order (recorded by a MutationObserver). */
  statusHistory(): Promise<string[]>;
  /** Every `widget_sv<digits>_*` entry of localStorage, whatever its prefix or project. */
  widgetStorage(): Promise<Record<string, string>>;
}

/**
 * What a scenario gets: its own token server + emulator, its own browser context and a first tab.
 *
 * @example
 * ```ts
 * await runScenario(browser, 'react', 'real', async ({ stack, tab }) => { ... });
 * ```
 */
export interface ScenarioContext {
  readonly app: SampleApp;
  readonly widget: WidgetKind;
  readonly stack: DemoStack;
  readonly tab: SampleTab;
  /** Another device: a fresh browser context (no shared cookies or storage) with its own tab. */
  newDevice(): Promise<SampleTab>;
  /** Another tab of the first tab's browser: the same context, so the same cookies and storage. */
  newTab(): Promise<SampleTab>;
}

const STATUS_RECORDER = `(() => {
  const seen = [];
  Object.defineProperty(window, '__e2eStatusHistory', { value: seen });
  const read = () => {
    const el = document.querySelector('[data-testid="status"]');
    const text = el && el.textContent ? el.textContent.trim() : '';
    if (text && seen[seen.length - 1] !== text) seen.push(text);
  };
  new MutationObserver(read).observe(document, { subtree: true, childList: true, characterData: true });
})();`;

/**
 * Runs `body` with a fresh stack (serving the `widget` asked for) and context, then checks
 * scenario 10 (no page errors, no console errors but the real widget's known noise, no secret in
 * any response) on every tab it opened, and tears everything down.
 *
 * @example
 * ```ts
 * it('signs in on load', () => runScenario(browser, 'react', 'emulated', async ({ tab }) => {
 *   await tab.open();
 * }));
 * ```
 */
export async function runScenario(
  browser: Browser,
  app: SampleApp,
  widget: WidgetKind,
  body: (scenario: ScenarioContext) => Promise<void>,
): Promise<void> {
  const stack = await startDemoStack(widget, app);
  const contexts: BrowserContext[] = [];
  const tabs: SampleTab[] = [];
  const newDevice = async (): Promise<SampleTab> => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    contexts.push(context);
    // Nothing leaves the machine: the real widget's build links fonts and logos on the Internet.
    await context.route(
      (url) => !isLoopback(url),
      (route) => route.abort('blockedbyclient'),
    );
    await context.addInitScript(STATUS_RECORDER);
    await context.addInitScript(WIDGET_RECORDER);
    const tab = createTab(context, await context.newPage(), stack, app);
    tabs.push(tab);
    return tab;
  };
  try {
    const tab = await newDevice();
    const newTab = async (): Promise<SampleTab> => {
      const sibling = createTab(tab.context, await tab.context.newPage(), stack, app);
      tabs.push(sibling);
      return sibling;
    };
    await body({ app, widget, stack, tab, newDevice, newTab });
    // Close first: the widget's chat long-poll never completes, and waiting for its body would
    // stall the check. Every response that completed while the page was open is still checked.
    for (const context of contexts) await context.close();
    for (const each of tabs) await each.watch.assertClean(stack.secrets);
  } finally {
    for (const context of contexts) await context.close().catch(() => undefined);
    await stack.close();
  }
}

function isLoopback(url: URL): boolean {
  return url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]' || !/^(https?|wss?):$/.test(url.protocol);
}

function createTab(context: BrowserContext, page: Page, stack: DemoStack, app: SampleApp): SampleTab {
  const watch = watchPage(page);
  if (stack.widget === 'real') {
    watch.tolerateRealWidgetNoise({
      widgetBase: stack.config.widgetUrl.replace(/launch\.js$/, ''),
      apiUrl: stack.emulator.apiUrl,
      projectId: stack.projectId,
    });
  }
  const byTestId = (testId: string) => page.locator(`[data-testid="${testId}"]`);
  const text = async (testId: string) => {
    const locator = byTestId(testId);
    if ((await locator.count()) === 0) return undefined;
    return ((await locator.first().textContent()) ?? '').trim();
  };
  return {
    page,
    context,
    watch,
    widget: widgetView(page, stack.widget, stack.storagePrefix, stack.projectId),
    async open() {
      await page.goto(stack.appUrl(app));
    },
    async setSession(userId) {
      const response = await context.request.post(`${stack.url}/api/session`, { data: { userId } });
      if (!response.ok()) throw new Error(`POST /api/session for ${userId} answered ${response.status()}`);
    },
    text,
    async click(testId) {
      await byTestId(testId).first().click();
    },
    async waitForStatus(status, options) {
      let shown: string | undefined;
      try {
        return await waitUntil(
          `status "${status}" on the ${app} sample`,
          async () => {
            shown = await text('status');
            return shown === status ? shown : undefined;
          },
          options,
        );
      } catch (error) {
        // Say what the page showed instead: "error (token-rejected)" is the usual story.
        const detail = shown === 'error' ? ` (${(await text('error').catch(() => undefined)) ?? 'no error code'})` : '';
        throw new Error(`${(error as Error).message}; the page shows "${shown ?? 'no status element'}"${detail}`);
      }
    },
    statusHistory() {
      return page.evaluate(() => [...((window as unknown as { __e2eStatusHistory?: string[] }).__e2eStatusHistory ?? [])]);
    },
    widgetStorage() {
      return page.evaluate(() => {
        const entries: Record<string, string> = {};
        for (let i = 0; i < localStorage.length; i++) {
          const key = localStorage.key(i);
          if (key !== null && /^widget_sv\d+_/.test(key)) entries[key] = localStorage.getItem(key) ?? '';
        }
        return entries;
      });
    },
  };
}
