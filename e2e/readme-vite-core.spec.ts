// Vite + @tiledesk-auth/core alone, rebuilt from the READMEs: core's quick start (index.html,
// main.ts, vite.config.ts) and the server package's Express section (the token endpoint, which
// also serves the build), in a throwaway app outside the workspace. `vite build` with the offline
// widget URL of libs/testing's README, the README's server, then a visitor signed in, in Chromium,
// against the emulator. scripts/e2e.mjs builds the packages first.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { startTiledeskEmulator } from '@tiledesk-auth/testing';
import { launchBrowser } from './support/browser';
import { userEnv, type AppProcess, type ConsumerApp } from './support/consumer-app';
import { watchPage } from './support/page-watch';
import { combine, createReadmeApp, EXPRESS_LOGIN_STAND_IN, offlineSettings, README_USER, readmeSetup } from './support/readme-app';
import { waitUntil } from './support/wait-until';

type Emulator = Awaited<ReturnType<typeof startTiledeskEmulator>>;

let emulator: Emulator;
let browser: Browser;
let app: ConsumerApp | undefined;
let server: AppProcess | undefined;

before(async () => {
  emulator = await startTiledeskEmulator();
  browser = await launchBrowser();
});

after(async () => {
  await server?.stop();
  await browser?.close();
  await emulator?.close();
  await app?.remove();
});

describe('Vite + @tiledesk-auth/core, from the READMEs', () => {
  it('builds with vite build, is served by the README Express app and signs the visitor in', async () => {
    const offline = await offlineSettings(emulator.url);
    const project = emulator.createProject({ id: offline.TILEDESK_PROJECT_ID, secret: offline.TILEDESK_SHARED_SECRET });
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
      env: userEnv({ VITE_TILEDESK_WIDGET_URL: offline.NEXT_PUBLIC_TILEDESK_WIDGET_URL }),
    });
    assert.equal(built.code, 0, `vite build failed:\n${built.stdout}\n${built.stderr}`);

    server = await app.start(['node_modules/tsx/dist/cli.mjs', 'server/main.ts'], /Listening on (http:\/\/127\.0\.0\.1:\d+)/, {
      env: userEnv({
        PORT: '0',
        STATIC_DIR: 'dist',
        SESSION_SECRET: randomBytes(24).toString('hex'),
        TILEDESK_PROJECT_ID: project.id,
        TILEDESK_SHARED_SECRET: project.secret,
      }),
    });
    const page = await browser.newPage();
    const watch = watchPage(page);
    // Chromium asks every page for /favicon.ico; the README's page has none.
    watch.expectFailedResource(/\/favicon\.ico$/);
    await page.goto(server.match[1]);
    await waitUntil('the page to show signed-in', async () => (await page.textContent('#status')) === 'signed-in', { timeoutMs: 30_000 });
    assert.equal(await page.textContent('#user'), `${project.id}_${README_USER.id}`);
    assert.equal(
      emulator.requests(project.id).filter((entry) => entry.route === 'signinWithCustomToken' && entry.status === 200).length,
      1,
    );
    await watch.assertClean([project.secret]);
    await page.close();
  });
});
