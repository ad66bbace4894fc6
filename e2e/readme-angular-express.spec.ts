// Angular 21 standalone + Express, rebuilt from the READMEs: the Angular package's standalone
// quick start (app config, bootstrap, components, environment files) in what `ng new` leaves, and
// the server package's Express section (the token endpoint, which also serves the browser build),
// in a throwaway app outside the workspace. The development build (the emulator's widget URL of
// the README's environment file) by Angular's application builder, the README's server, then a
// visitor signed in, in Chromium, against the emulator (and on the real widget build too when
// TILEDESK_REAL_WIDGET_DIR names one). scripts/e2e.mjs builds the packages first.
import assert from 'node:assert/strict';
import { ANGULAR_PROJECT, angularArchitect, angularPackages, writeAngularWorkspace } from './support/readme-boilerplate';
import { atEmulator, combine, createReadmeApp, EXPRESS_LOGIN_STAND_IN, README_USER, readmeSetup } from './support/readme-app';
import { angularChatStatusEmail } from './support/readme-sign-in';
import { describeReadmeApp, startReadmeExpress } from './support/readme-suite';

describeReadmeApp('Angular 21 standalone + Express, from the READMEs', {
  firstTest: 'builds with the application builder, is served by the README Express app and signs the visitor in',
  signedIn: () => ({ signedInText: angularChatStatusEmail, expected: README_USER.email }),
  async start(run) {
    const setup = combine(
      atEmulator(await readmeSetup('libs/angular/README.md', ['Quick start: standalone']), run.tiledesk.emulator.url),
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
    const app = await createReadmeApp(setup, angularPackages({ ssr: false }));
    run.atEnd(() => app.remove());
    await writeAngularWorkspace(app, { ssr: false });
    await app.write('server/login.ts', EXPRESS_LOGIN_STAND_IN);

    // `ng build --configuration development`: the environment file with the emulator's widget URL.
    const built = await app.node([angularArchitect(), `${ANGULAR_PROJECT}:build:development`], { nice: true });
    assert.equal(built.code, 0, `the app did not build:\n${built.stdout}\n${built.stderr}`);

    const server = await startReadmeExpress(run, app, ['node_modules/tsx/dist/cli.mjs', 'server/main.ts'], {
      STATIC_DIR: `dist/${ANGULAR_PROJECT}/browser`,
    });
    return server.match[1];
  },
});
