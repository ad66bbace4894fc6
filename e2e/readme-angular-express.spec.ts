// Angular 21 standalone + Express, rebuilt from the READMEs: the Angular package's standalone
// quick start (app config, bootstrap, components, environment files) in what `ng new` leaves, and
// the server package's Express section (the token endpoint, which also serves the browser build),
// in a throwaway app outside the workspace. The development build (the emulator's widget URL of
// the README's environment file) by Angular's application builder, the README's server, then a
// visitor signed in, in Chromium, against the emulator (and on the real widget build too when
// TILEDESK_REAL_WIDGET_DIR names one). scripts/e2e.mjs builds the packages first.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { userEnv, type AppProcess, type ConsumerApp } from './support/consumer-app';
import { ANGULAR_PROJECT, angularArchitect, angularPackages, writeAngularWorkspace } from './support/readme-boilerplate';
import { atEmulator, combine, createReadmeApp, EXPRESS_LOGIN_STAND_IN, README_USER, readmeSetup } from './support/readme-app';
import { angularChatStatusEmail, expectVisitorSignedIn, startReadmeEmulator, type ReadmeEmulator } from './support/readme-sign-in';
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

describe('Angular 21 standalone + Express, from the READMEs', () => {
  it('builds with the application builder, is served by the README Express app and signs the visitor in', async () => {
    const setup = combine(
      atEmulator(await readmeSetup('libs/angular/README.md', ['Quick start: standalone']), tiledesk.emulator.url),
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
    app = await createReadmeApp(setup, angularPackages({ ssr: false }));
    await writeAngularWorkspace(app, { ssr: false });
    await app.write('server/login.ts', EXPRESS_LOGIN_STAND_IN);

    // `ng build --configuration development`: the environment file with the emulator's widget URL.
    const built = await app.node([angularArchitect(), `${ANGULAR_PROJECT}:build:development`], { nice: true });
    assert.equal(built.code, 0, `the app did not build:\n${built.stdout}\n${built.stderr}`);

    server = await app.start(['node_modules/tsx/dist/cli.mjs', 'server/main.ts'], /Listening on (http:\/\/127\.0\.0\.1:\d+)/, {
      env: userEnv({
        PORT: '0',
        STATIC_DIR: `dist/${ANGULAR_PROJECT}/browser`,
        SESSION_SECRET: randomBytes(24).toString('hex'),
        TILEDESK_PROJECT_ID: tiledesk.offline.TILEDESK_PROJECT_ID,
        TILEDESK_SHARED_SECRET: tiledesk.offline.TILEDESK_SHARED_SECRET,
      }),
    });
    await expectVisitorSignedIn(browser, tiledesk, server.match[1], { signedInText: angularChatStatusEmail, expected: README_USER.email });
  });

  if (realWidget !== undefined) {
    it('signs the visitor in on the real widget build too', async () => {
      assert.ok(server, 'the app was built and started');
      await tiledesk.serveRealWidget(realWidget);
      await expectVisitorSignedIn(browser, tiledesk, server.match[1], {
        signedInText: angularChatStatusEmail,
        expected: README_USER.email,
      });
    });
  }
});
