import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';
import { userEnv, type AppProcess, type ConsumerApp } from './consumer-app';
import { expectVisitorSignedIn, startReadmeEmulator, type ReadmeEmulator, type SignedInCheck } from './readme-sign-in';
import { realWidgetDir } from './widgets';

/**
 * What a README app's first test gets: the file's emulator, and a way to have what it creates
 * cleaned up after the file even when the test fails halfway.
 *
 * @example
 * ```ts
 * const app = await createReadmeApp(setup, ['vite']);
 * run.atEnd(() => app.remove());
 * ```
 */
export interface ReadmeAppRun {
  readonly tiledesk: ReadmeEmulator;
  /** Runs `cleanUp` after the file, the last one registered first (a server stops before its app goes). */
  atEnd(cleanUp: () => Promise<void>): void;
}

/**
 * How {@link describeReadmeApp} builds, starts and checks one README app.
 *
 * @example
 * ```ts
 * const spec: ReadmeAppSpec = { firstTest: 'builds and signs the visitor in', start, signedIn };
 * ```
 */
export interface ReadmeAppSpec {
  /** The name of the test that builds and starts the app, then signs the visitor in. */
  readonly firstTest: string;
  /** Builds and starts the app; resolves with the URL a visitor opens. */
  start(run: ReadmeAppRun): Promise<string>;
  /** What the app's page shows once the visitor is signed in. */
  signedIn(tiledesk: ReadmeEmulator): SignedInCheck;
}

/**
 * Registers a README app's spec file: one emulator and one browser for the file, a test that
 * builds and starts the app and signs the visitor in, and, when TILEDESK_REAL_WIDGET_DIR names a
 * build of the real widget, a test that signs the visitor in again on it, without rebuilding.
 *
 * @example
 * ```ts
 * describeReadmeApp('Vite + @tiledesk-auth/core, from the READMEs', {
 *   firstTest: 'builds with vite build and signs the visitor in',
 *   start: async (run) => buildAndServe(run),
 *   signedIn: (tiledesk) => ({ signedInText: signedInUser, expected: `${tiledesk.projectId}_ada` }),
 * });
 * ```
 */
export function describeReadmeApp(title: string, spec: ReadmeAppSpec): void {
  const realWidget = realWidgetDir();
  let tiledesk: ReadmeEmulator;
  let browser: Browser;
  let appUrl: string | undefined;
  const cleanUps: (() => Promise<void>)[] = [];

  before(async () => {
    tiledesk = await startReadmeEmulator();
    browser = await launchBrowser();
  });

  after(async () => {
    for (const cleanUp of cleanUps.reverse()) await cleanUp();
    await browser?.close();
    await tiledesk?.close();
  });

  describe(title, () => {
    it(spec.firstTest, async () => {
      appUrl = await spec.start({ tiledesk, atEnd: (cleanUp) => cleanUps.push(cleanUp) });
      await expectVisitorSignedIn(browser, tiledesk, appUrl, spec.signedIn(tiledesk));
    });

    if (realWidget !== undefined) {
      it('signs the visitor in on the real widget build too', async () => {
        assert.ok(appUrl, 'the app was built and started');
        await tiledesk.serveRealWidget(realWidget);
        await expectVisitorSignedIn(browser, tiledesk, appUrl, spec.signedIn(tiledesk));
      });
    }
  });
}

/**
 * Starts the server package's README Express app (`server/main.ts` or what wraps it) with the
 * emulator project's id and secret, a fresh session secret and a free port, and stops it after
 * the file. `STATIC_DIR` is the browser build it serves, when it serves one.
 *
 * @example
 * ```ts
 * const server = await startReadmeExpress(run, app, ['node_modules/tsx/dist/cli.mjs', 'server/main.ts'], { STATIC_DIR: 'dist' });
 * server.match[1]; // 'http://127.0.0.1:<port>'
 * ```
 */
export async function startReadmeExpress(
  run: ReadmeAppRun,
  app: ConsumerApp,
  command: readonly string[],
  settings: Readonly<Record<string, string>> = {},
): Promise<AppProcess> {
  const server = await app.start(command, /Listening on (http:\/\/127\.0\.0\.1:\d+)/, {
    env: userEnv({
      PORT: '0',
      ...settings,
      SESSION_SECRET: randomBytes(24).toString('hex'),
      TILEDESK_PROJECT_ID: run.tiledesk.offline.TILEDESK_PROJECT_ID,
      TILEDESK_SHARED_SECRET: run.tiledesk.offline.TILEDESK_SHARED_SECRET,
    }),
  });
  run.atEnd(() => server.stop());
  return server;
}
