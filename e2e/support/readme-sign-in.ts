import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { startTiledeskEmulator } from '@tiledesk-auth/testing';
import { watchPage } from './page-watch';
import { offlineSettings } from './readme-app';
import { waitUntil } from './wait-until';
import type { WidgetKind } from './widgets';

type Emulator = Awaited<ReturnType<typeof startTiledeskEmulator>>;

/**
 * The emulator a README setup develops against: one project with the id and secret of libs/testing's
 * offline README, the offline settings at this emulator's address, and a way to serve the real widget
 * build at that same address afterwards (the app's build holds the widget URL, so it need not be
 * rebuilt).
 *
 * @example
 * ```ts
 * const tiledesk = await startReadmeEmulator();
 * await tiledesk.serveRealWidget('/builds/widget/dist');
 * ```
 */
export interface ReadmeEmulator {
  /** The emulator now serving the project. */
  readonly emulator: Emulator;
  readonly projectId: string;
  readonly secret: string;
  /** The `.env.local` values of libs/testing's offline README, pointing at this emulator. */
  readonly offline: Readonly<Record<string, string>>;
  /** Which widget its launcher serves now. */
  readonly widget: WidgetKind;
  /** Closes the emulated widget's emulator and starts one serving `buildDir` on the same port. */
  serveRealWidget(buildDir: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts the {@link ReadmeEmulator} of a README setup, on a free port.
 *
 * @example
 * ```ts
 * const tiledesk = await startReadmeEmulator();
 * tiledesk.offline.NEXT_PUBLIC_TILEDESK_WIDGET_URL; // 'http://127.0.0.1:<port>/p/65f0.../v6/launch.js'
 * ```
 */
export async function startReadmeEmulator(): Promise<ReadmeEmulator> {
  let emulator = await startTiledeskEmulator();
  const offline = await offlineSettings(emulator.url);
  const project = { id: offline.TILEDESK_PROJECT_ID, secret: offline.TILEDESK_SHARED_SECRET };
  emulator.createProject(project);
  return {
    get emulator() {
      return emulator;
    },
    projectId: project.id,
    secret: project.secret,
    offline,
    get widget() {
      return emulator.widget;
    },
    async serveRealWidget(buildDir) {
      const port = Number(new URL(emulator.url).port);
      await emulator.close();
      emulator = await startTiledeskEmulator({ port, widgetBuildDir: buildDir });
      emulator.createProject(project);
    },
    close: () => emulator.close(),
  };
}

/**
 * What the Angular quick start's `ChatStatus` shows of a signed-in visitor: its e-mail, once it
 * reads "Status: signed-in" and "Chatting as <email>" with its button enabled; `undefined` before.
 *
 * @example
 * ```ts
 * await expectVisitorSignedIn(browser, tiledesk, url, { signedInText: angularChatStatusEmail, expected: 'ada@example.com' });
 * ```
 */
export async function angularChatStatusEmail(page: Page): Promise<string | undefined> {
  const text = (await page.textContent('app-chat-status')) ?? '';
  if (!text.includes('Status: signed-in') || !(await page.isEnabled('app-chat-status button'))) return undefined;
  const chattingAs = page.locator('app-chat-status p', { hasText: 'Chatting as' });
  if ((await chattingAs.count()) === 0) return undefined;
  return ((await chattingAs.textContent()) ?? '').replace(/^\s*Chatting as\s*/, '').trim();
}

/**
 * How {@link expectVisitorSignedIn} reads a page's signed-in visitor, and what it must read.
 *
 * @example
 * ```ts
 * const check: SignedInCheck = { signedInText: angularChatStatusEmail, expected: 'ada@example.com' };
 * ```
 */
export interface SignedInCheck {
  /** What the page shows of its visitor once signed in; `undefined` (or `null`) until then. */
  readonly signedInText: (page: Page) => Promise<string | null | undefined>;
  /** What it must show then. */
  readonly expected: string;
}

/**
 * Opens `url` in a fresh context of `browser` (nothing may leave the machine), waits until
 * `signedInText` reads the page's signed-in state, and checks that it names `expected`, that the
 * emulator accepted exactly one sign-in, and that the page logged no error (the real widget's own
 * known lines aside) and received no secret.
 *
 * @example
 * ```ts
 * await expectVisitorSignedIn(browser, tiledesk, url, {
 *   signedInText: async (page) => ((await page.textContent('#status')) === 'signed-in' ? page.textContent('#user') : undefined),
 *   expected: `${tiledesk.projectId}_ada`,
 * });
 * ```
 */
export async function expectVisitorSignedIn(browser: Browser, tiledesk: ReadmeEmulator, url: string, check: SignedInCheck): Promise<void> {
  const context = await browser.newContext();
  try {
    await context.route(
      (address) => !['127.0.0.1', 'localhost'].includes(address.hostname) && /^(https?|wss?):$/.test(address.protocol),
      (route) => route.abort('blockedbyclient'),
    );
    const page = await context.newPage();
    const watch = watchPage(page);
    // Chromium asks every page for /favicon.ico; the README's apps have none.
    watch.expectFailedResource(/\/favicon\.ico$/);
    if (tiledesk.widget === 'real') {
      watch.tolerateRealWidgetNoise({
        widgetBase: tiledesk.offline.NEXT_PUBLIC_TILEDESK_WIDGET_URL.replace(/launch\.js$/, ''),
        apiUrl: tiledesk.emulator.apiUrl,
        projectId: tiledesk.projectId,
      });
    }
    await page.goto(url);
    const shown = await waitUntil(
      `the page to show its visitor signed in (${tiledesk.widget} widget)`,
      async () => (await check.signedInText(page)) ?? undefined,
      {
        timeoutMs: 30_000,
      },
    );
    assert.equal(shown, check.expected);
    const signIns = tiledesk.emulator.requests(tiledesk.projectId).filter((entry) => entry.route === 'signinWithCustomToken');
    assert.deepEqual(
      signIns.map((entry) => entry.status),
      [200],
      'one sign-in, accepted',
    );
    // Closed first: the chat's long-poll never completes, and the check reads every response body.
    await context.close();
    await watch.assertClean([tiledesk.secret]);
  } finally {
    await context.close();
  }
}
