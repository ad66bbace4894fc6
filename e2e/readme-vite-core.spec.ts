// Vite + @tiledesk-auth/core alone, rebuilt from the READMEs: core's quick start (index.html,
// main.ts, vite.config.ts) and the server package's Express section (the token endpoint, which
// also serves the build), in a throwaway app outside the workspace. `vite build` with the offline
// widget URL of libs/testing's README, the README's server, then a visitor signed in, in Chromium,
// against the emulator (and on the real widget build too when TILEDESK_REAL_WIDGET_DIR names one).
// scripts/e2e.mjs builds the packages first.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { userEnv, type AppProcess, type ConsumerApp } from './support/consumer-app';
import { combine, createReadmeApp, EXPRESS_LOGIN_STAND_IN, README_USER, readmeSetup } from './support/readme-app';
import { expectVisitorSignedIn, startReadmeEmulator, type ReadmeEmulator } from './support/readme-sign-in';
import { realWidgetDir } from './support/widgets';

const realWidget = realWidgetDir();
let tiledesk: ReadmeEmulator;
let browser: Browser;
let app: ConsumerApp | undefined;
let server: AppProcess | undefined;

before(async () => {
  tiledesk = await startReadmeEmulator();
  browser = await launchBrowser();
});

after(async () => {
  await server?.stop();
  await browser?.close();
  await tiledesk?.close();
  await app?.remove();
});

// The quick start's page: `#status` holds the status, `#user` the user's name or id.
async function signedInUser(page: Page): Promise<string | null | undefined> {
  return (await page.textContent('#status')) === 'signed-in' ? page.textContent('#user') : undefined;
}

describe('Vite + @tiledesk-auth/core, from the READMEs', () => {
  it('builds with vite build, is served by the README Express app and signs the visitor in', async () => {
    const setup = combine(
      await readmeSetup('libs/core/README.md', ['Quick start (no framework)']),
      await readmeSetup('libs/server/README.md', ['Express']),
    );
    assert.deepEqual(
      setup.files.map((file) => file.path),
      ['index.html', 'main.ts', 'vite.config.ts', 'server/app.ts', 'server/main.ts'],
    );
    app = await createReadmeApp(setup, ['vite']);
    await app.write('server/login.ts', EXPRESS_LOGIN_STAND_IN);

    const built = await app.node(['node_modules/vite/bin/vite.js', 'build'], {
      nice: true,
      env: userEnv({ VITE_TILEDESK_WIDGET_URL: tiledesk.offline.NEXT_PUBLIC_TILEDESK_WIDGET_URL }),
    });
    assert.equal(built.code, 0, `vite build failed:\n${built.stdout}\n${built.stderr}`);

    server = await app.start(['node_modules/tsx/dist/cli.mjs', 'server/main.ts'], /Listening on (http:\/\/127\.0\.0\.1:\d+)/, {
      env: userEnv({
        PORT: '0',
        STATIC_DIR: 'dist',
        SESSION_SECRET: randomBytes(24).toString('hex'),
        TILEDESK_PROJECT_ID: tiledesk.offline.TILEDESK_PROJECT_ID,
        TILEDESK_SHARED_SECRET: tiledesk.offline.TILEDESK_SHARED_SECRET,
      }),
    });
    await expectVisitorSignedIn(browser, tiledesk, server.match[1], {
      signedInText: signedInUser,
      expected: `${tiledesk.projectId}_${README_USER.id}`,
    });
  });

  if (realWidget !== undefined) {
    it('signs the visitor in on the real widget build too', async () => {
      assert.ok(server, 'the app was built and started');
      await tiledesk.serveRealWidget(realWidget);
      await expectVisitorSignedIn(browser, tiledesk, server.match[1], {
        signedInText: signedInUser,
        expected: `${tiledesk.projectId}_${README_USER.id}`,
      });
    });
  }
});
