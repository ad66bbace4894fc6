// Angular 21 server-side rendering, rebuilt from the READMEs: the Angular package's standalone
// quick start and its "Server-side rendering" section (@angular/ssr, provideServerRendering, the
// Express server of @angular/ssr/node, started from the server package's Express app), in what
// `ng new` + `ng add @angular/ssr` leave, in a throwaway app outside the workspace. The server
// render answers 200 with the app in it and the chat untouched; then the browser signs the
// visitor in, in Chromium, against the emulator. scripts/e2e.mjs builds the packages first.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { startTiledeskEmulator } from '@tiledesk-auth/testing';
import { launchBrowser } from './support/browser';
import { userEnv, type AppProcess, type ConsumerApp } from './support/consumer-app';
import { watchPage } from './support/page-watch';
import { ANGULAR_PROJECT, withClientHydration, writeAngularWorkspace } from './support/readme-boilerplate';
import {
  atEmulator,
  combine,
  createReadmeApp,
  EXPRESS_LOGIN_STAND_IN,
  fileAt,
  offlineSettings,
  README_USER,
  readmeSetup,
} from './support/readme-app';
import { waitUntil } from './support/wait-until';

type Emulator = Awaited<ReturnType<typeof startTiledeskEmulator>>;

/** What `ng new` and `ng add @angular/ssr` install, beside the packages of the READMEs' install lines. */
const ANGULAR_SSR_FRAMEWORK = [
  '@angular/core',
  '@angular/common',
  '@angular/platform-browser',
  '@angular/platform-server',
  '@angular/router',
  '@angular/ssr',
  '@angular/compiler',
  '@angular/compiler-cli',
  '@angular/build',
  '@types/node',
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

describe('Angular 21 server-side rendering, from the READMEs', () => {
  it('renders on the server without the chat, then signs the visitor in in the browser', async () => {
    const offline = await offlineSettings(emulator.url);
    const project = emulator.createProject({ id: offline.TILEDESK_PROJECT_ID, secret: offline.TILEDESK_SHARED_SECRET });
    const setup = combine(
      atEmulator(await readmeSetup('libs/angular/README.md', ['Quick start: standalone', 'Server-side rendering']), emulator.url),
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
    app = await createReadmeApp(setup, ANGULAR_SSR_FRAMEWORK);
    await writeAngularWorkspace(app, { ssr: true });
    await app.write('src/app/app.config.ts', withClientHydration(fileAt(setup.files, 'src/app/app.config.ts').text));
    await app.write('server/login.ts', EXPRESS_LOGIN_STAND_IN);

    const architect = createRequire(require.resolve('@angular/build/package.json')).resolve('@angular-devkit/architect/bin/cli.js');
    const built = await app.node([architect, `${ANGULAR_PROJECT}:build:development`], { nice: true });
    assert.equal(built.code, 0, `the app did not build:\n${built.stdout}\n${built.stderr}`);

    server = await app.start([`dist/${ANGULAR_PROJECT}/server/server.mjs`], /Listening on (http:\/\/127\.0\.0\.1:\d+)/, {
      env: userEnv({
        PORT: '0',
        SESSION_SECRET: randomBytes(24).toString('hex'),
        TILEDESK_PROJECT_ID: project.id,
        TILEDESK_SHARED_SECRET: project.secret,
      }),
    });
    const origin = server.match[1];

    const rendered = await fetch(`${origin}/`);
    const html = await rendered.text();
    assert.equal(rendered.status, 200);
    assert.match(html, /<h1>Support<\/h1>/, `the server rendered the app; its log:\n${server.output()}`);
    assert.match(html, /Status: idle/, 'on the server the chat stays idle');
    assert.doesNotMatch(html, /launch\.js|tiledesk-jssdk|tiledeskSettings/, 'the server render loads no widget');
    assert.deepEqual(
      emulator.requests(project.id).map((entry) => entry.path),
      [],
      'the server render asked Tiledesk for nothing',
    );

    const page = await browser.newPage();
    const watch = watchPage(page);
    // Chromium asks every page for /favicon.ico; the README's app has none.
    watch.expectFailedResource(/\/favicon\.ico$/);
    await page.goto(origin);
    await waitUntil('the page to show signed-in', async () => (await page.textContent('app-chat-status'))?.includes('Status: signed-in'), {
      timeoutMs: 30_000,
    });
    assert.match((await page.textContent('app-chat-status')) ?? '', new RegExp(`Chatting as ${README_USER.email}`));
    assert.equal(
      emulator.requests(project.id).filter((entry) => entry.route === 'signinWithCustomToken' && entry.status === 200).length,
      1,
    );
    await watch.assertClean([project.secret]);
    await page.close();
  });
});
