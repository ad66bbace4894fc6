// Angular 21 server-side rendering, rebuilt from the READMEs: the Angular package's standalone
// quick start and its "Server-side rendering" section (@angular/ssr, provideServerRendering, the
// Express server of @angular/ssr/node, started from the server package's Express app), in what
// `ng new` + `ng add @angular/ssr` leave, in a throwaway app outside the workspace. The server
// render answers 200 with the app in it and the chat untouched; then the browser signs the
// visitor in, in Chromium, against the emulator (and on the real widget build too when
// TILEDESK_REAL_WIDGET_DIR names one). scripts/e2e.mjs builds the packages first.
import assert from 'node:assert/strict';
import {
  ANGULAR_PROJECT,
  angularArchitect,
  angularPackages,
  withClientHydration,
  writeAngularWorkspace,
} from './support/readme-boilerplate';
import { atEmulator, combine, createReadmeApp, EXPRESS_LOGIN_STAND_IN, fileAt, README_USER, readmeSetup } from './support/readme-app';
import { angularChatStatusEmail } from './support/readme-sign-in';
import { describeReadmeApp, startReadmeExpress } from './support/readme-suite';

describeReadmeApp('Angular 21 server-side rendering, from the READMEs', {
  firstTest: 'renders on the server without the chat, then signs the visitor in in the browser',
  signedIn: () => ({ signedInText: angularChatStatusEmail, expected: README_USER.email }),
  async start(run) {
    const { tiledesk } = run;
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
    const app = await createReadmeApp(setup, angularPackages({ ssr: true }));
    run.atEnd(() => app.remove());
    await writeAngularWorkspace(app, { ssr: true });
    await app.write('src/app/app.config.ts', withClientHydration(fileAt(setup.files, 'src/app/app.config.ts').text));
    await app.write('server/login.ts', EXPRESS_LOGIN_STAND_IN);

    // `ng build --configuration development`: the environment file with the emulator's widget URL.
    const built = await app.node([angularArchitect(), `${ANGULAR_PROJECT}:build:development`], { nice: true });
    assert.equal(built.code, 0, `the app did not build:\n${built.stdout}\n${built.stderr}`);

    const server = await startReadmeExpress(run, app, [`dist/${ANGULAR_PROJECT}/server/server.mjs`]);
    const origin = server.match[1];

    const rendered = await fetch(`${origin}/`);
    const html = await rendered.text();
    assert.equal(rendered.status, 200);
    assert.match(html, /<h1>Support<\/h1>/, `the server rendered the app; its log:\n${server.output()}`);
    assert.match(html, /Status: idle/, 'on the server the chat stays idle');
    assert.doesNotMatch(html, /launch\.js|tiledesk-jssdk|tiledeskSettings/, 'the server render loads no widget');
    assert.deepEqual(tiledesk.emulator.requests(tiledesk.projectId), [], 'the server render asked Tiledesk for nothing');
    return origin;
  },
});
