// Angular 21 standalone + Express, rebuilt from the READMEs: the Angular package's standalone
// quick start (app config, bootstrap, components, environment files) in what `ng new` leaves, and
// the server package's Express section (the token endpoint, which also serves the browser build),
// in a throwaway app outside the workspace. The development build (the emulator's widget URL of
// the README's environment file) by Angular's application builder, the README's server, then a
// visitor signed in, in Chromium, against the emulator. scripts/e2e.mjs builds the packages first.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { startTiledeskEmulator } from '@tiledesk-auth/testing';
import { launchBrowser } from './support/browser';
import { userEnv, type AppProcess, type ConsumerApp } from './support/consumer-app';
import { watchPage } from './support/page-watch';
import { ANGULAR_PROJECT, writeAngularWorkspace } from './support/readme-boilerplate';
import {
  atEmulator,
  combine,
  createReadmeApp,
  EXPRESS_LOGIN_STAND_IN,
  offlineSettings,
  README_USER,
  readmeSetup,
} from './support/readme-app';
import { waitUntil } from './support/wait-until';

type Emulator = Awaited<ReturnType<typeof startTiledeskEmulator>>;

/** What `ng new` installs, beside the packages of the READMEs' install lines. */
const ANGULAR_FRAMEWORK = [
  '@angular/core',
  '@angular/common',
  '@angular/platform-browser',
  '@angular/compiler',
  '@angular/compiler-cli',
  '@angular/build',
  'rxjs',
  'tslib',
  'typescript',
];

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

describe('Angular 21 standalone + Express, from the READMEs', () => {
  it('builds with the application builder, is served by the README Express app and signs the visitor in', async () => {
    const offline = await offlineSettings(emulator.url);
    const project = emulator.createProject({ id: offline.TILEDESK_PROJECT_ID, secret: offline.TILEDESK_SHARED_SECRET });
    const setup = combine(
      atEmulator(await readmeSetup('libs/angular/README.md', ['Quick start: standalone']), emulator.url),
      await readmeSetup('libs/server/README.md', ['Express']),
    );
    assert.deepEqual(
      setup.files.map((file) => file.path),
      [
        'src/app/app.config.ts',
        'src/main.ts',
        'src/app/chat-status.ts',
        'src/app/app.ts',
        'src/environments/environment.ts',
        'src/environments/environment.development.ts',
        'server/app.ts',
        'server/main.ts',
      ],
    );
    app = await createReadmeApp(setup, ANGULAR_FRAMEWORK);
    await writeAngularWorkspace(app, { ssr: false });
    await app.write('server/login.ts', EXPRESS_LOGIN_STAND_IN);

    // The Angular CLI's build runner, as `ng build --configuration development` calls it.
    const architect = createRequire(require.resolve('@angular/build/package.json')).resolve('@angular-devkit/architect/bin/cli.js');
    const built = await app.node([architect, `${ANGULAR_PROJECT}:build:development`], { nice: true });
    assert.equal(built.code, 0, `the app did not build:\n${built.stdout}\n${built.stderr}`);

    server = await app.start(['node_modules/tsx/dist/cli.mjs', 'server/main.ts'], /Listening on (http:\/\/127\.0\.0\.1:\d+)/, {
      env: userEnv({
        PORT: '0',
        STATIC_DIR: `dist/${ANGULAR_PROJECT}/browser`,
        SESSION_SECRET: randomBytes(24).toString('hex'),
        TILEDESK_PROJECT_ID: project.id,
        TILEDESK_SHARED_SECRET: project.secret,
      }),
    });
    const page = await browser.newPage();
    const watch = watchPage(page);
    // Chromium asks every page for /favicon.ico; the README's app has none.
    watch.expectFailedResource(/\/favicon\.ico$/);
    await page.goto(server.match[1]);
    await waitUntil('the page to show signed-in', async () => (await page.textContent('app-chat-status'))?.includes('Status: signed-in'), {
      timeoutMs: 30_000,
    });
    assert.match((await page.textContent('app-chat-status')) ?? '', new RegExp(`Chatting as ${README_USER.email}`));
    assert.equal(await page.isEnabled('app-chat-status button'), true);
    assert.equal(
      emulator.requests(project.id).filter((entry) => entry.route === 'signinWithCustomToken' && entry.status === 200).length,
      1,
    );
    await watch.assertClean([project.secret]);
    await page.close();
  });
});
