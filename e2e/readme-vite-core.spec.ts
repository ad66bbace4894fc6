// Vite + @tiledesk-auth/core alone, rebuilt from the READMEs: core's quick start (index.html,
// main.ts, vite.config.ts) and the server package's Express section (the token endpoint, which
// also serves the build), in a throwaway app outside the workspace. `vite build` with the offline
// widget URL of libs/testing's README, the README's server, then a visitor signed in, in Chromium,
// against the emulator (and on the real widget build too when TILEDESK_REAL_WIDGET_DIR names one).
// scripts/e2e.mjs builds the packages first.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { userEnv } from './support/consumer-app';
import { combine, createReadmeApp, EXPRESS_LOGIN_STAND_IN, README_USER, readmeSetup } from './support/readme-app';
import { describeReadmeApp, startReadmeExpress } from './support/readme-suite';

// The quick start's page: `#status` holds the status, `#user` the user's name or id.
async function signedInUser(page: Page): Promise<string | null | undefined> {
  return (await page.textContent('#status')) === 'signed-in' ? page.textContent('#user') : undefined;
}

describeReadmeApp('Vite + @tiledesk-auth/core, from the READMEs', {
  firstTest: 'builds with vite build, is served by the README Express app and signs the visitor in',
  signedIn: (tiledesk) => ({ signedInText: signedInUser, expected: `${tiledesk.projectId}_${README_USER.id}` }),
  async start(run) {
    const setup = combine(
      await readmeSetup('libs/core/README.md', ['Quick start (no framework)']),
      await readmeSetup('libs/server/README.md', ['Express']),
    );
    assert.deepEqual(
      setup.files.map((file) => file.path),
      ['index.html', 'main.ts', 'vite.config.ts', 'server/app.ts', 'server/main.ts'],
    );
    const app = await createReadmeApp(setup, ['vite']);
    run.atEnd(() => app.remove());
    await app.write('server/login.ts', EXPRESS_LOGIN_STAND_IN);

    const built = await app.node(['node_modules/vite/bin/vite.js', 'build'], {
      nice: true,
      env: userEnv({ VITE_TILEDESK_WIDGET_URL: run.tiledesk.offline.NEXT_PUBLIC_TILEDESK_WIDGET_URL }),
    });
    assert.equal(built.code, 0, `vite build failed:\n${built.stdout}\n${built.stderr}`);

    const server = await startReadmeExpress(run, app, ['node_modules/tsx/dist/cli.mjs', 'server/main.ts'], { STATIC_DIR: 'dist' });
    return server.match[1];
  },
});
