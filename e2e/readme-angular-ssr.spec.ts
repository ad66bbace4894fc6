// Angular 21 server-side rendering, rebuilt from the READMEs: the Angular package's standalone
// quick start and its "Server-side rendering" section (@angular/ssr, provideServerRendering, the
// Express server of @angular/ssr/node, started from the server package's Express app), in what
// `ng new` + `ng add @angular/ssr` leave, in a throwaway app outside the workspace. The server
// render answers 200 with the app in it and the chat untouched; then the browser signs the
// visitor in, in Chromium, against the emulator (and on the real widget build too when
// TILEDESK_REAL_WIDGET_DIR names one). scripts/e2e.mjs builds the packages first.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { userEnv, type AppProcess, type ConsumerApp } from './support/consumer-app';
import {
  ANGULAR_PROJECT,
  angularArchitect,
  angularPackages,
  withClientHydration,
  writeAngularWorkspace,
} from './support/readme-boilerplate';
import { atEmulator, combine, createReadmeApp, EXPRESS_LOGIN_STAND_IN, fileAt, README_USER, readmeSetup } from './support/readme-app';
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

describe('Angular 21 server-side rendering, from the READMEs', () => {
  it('renders on the server without the chat, then signs the visitor in in the browser', async () => {
    const setup = combine(
      atEmulator(await readmeSetup('libs/angular/README.md', ['Quick start: standalone', 'Server-side rendering']), tiledesk.emulator.url),
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
        'src/main.server.ts',
        'src/app/app.config.server.ts',
        'src/app/app.routes.server.ts',
        'src/server.ts',
        'server/app.ts',
        'server/main.ts',
      ],
    );
    app = await createReadmeApp(setup, angularPackages({ ssr: true }));
    await writeAngularWorkspace(app, { ssr: true });
    await app.write('src/app/app.config.ts', withClientHydration(fileAt(setup.files, 'src/app/app.config.ts').text));
    await app.write('server/login.ts', EXPRESS_LOGIN_STAND_IN);

    // `ng build --configuration development`: the environment file with the emulator's widget URL.
    const built = await app.node([angularArchitect(), `${ANGULAR_PROJECT}:build:development`], { nice: true });
    assert.equal(built.code, 0, `the app did not build:\n${built.stdout}\n${built.stderr}`);

    server = await app.start([`dist/${ANGULAR_PROJECT}/server/server.mjs`], /Listening on (http:\/\/127\.0\.0\.1:\d+)/, {
      env: userEnv({
        PORT: '0',
        SESSION_SECRET: randomBytes(24).toString('hex'),
        TILEDESK_PROJECT_ID: tiledesk.offline.TILEDESK_PROJECT_ID,
        TILEDESK_SHARED_SECRET: tiledesk.offline.TILEDESK_SHARED_SECRET,
      }),
    });
    const origin = server.match[1];

    const rendered = await fetch(`${origin}/`);
    const html = await rendered.text();
    assert.equal(rendered.status, 200);
    assert.match(html, /<h1>Support<\/h1>/, `the server rendered the app; its log:\n${server.output()}`);
    assert.match(html, /Status: idle/, 'on the server the chat stays idle');
    assert.doesNotMatch(html, /launch\.js|tiledesk-jssdk|tiledeskSettings/, 'the server render loads no widget');
    assert.deepEqual(tiledesk.emulator.requests(tiledesk.projectId), [], 'the server render asked Tiledesk for nothing');

    await expectVisitorSignedIn(browser, tiledesk, origin, { signedInText: angularChatStatusEmail, expected: README_USER.email });
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
