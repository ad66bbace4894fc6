// A fresh Angular app can install the APF package: a new standalone app outside the
// workspace, with dist/libs/angular and dist/libs/core in its node_modules, is built by Angular's own
// application builder (which links the partially compiled package) and then signs a visitor in,
// in Chromium, against the emulator. scripts/e2e.mjs builds the packages first.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import express from 'express';
import type { Browser } from 'playwright-core';
import { startTiledeskEmulator } from '@tiledesk-auth/testing';
import { launchBrowser } from './support/browser';
import { createConsumerApp } from './support/consumer-app';
import { waitUntil } from './support/wait-until';

type Emulator = Awaited<ReturnType<typeof startTiledeskEmulator>>;

let app: Awaited<ReturnType<typeof createConsumerApp>>;
let emulator: Emulator;
let browser: Browser;

before(async () => {
  emulator = await startTiledeskEmulator();
  browser = await launchBrowser();
  app = await createConsumerApp({
    packages: ['core', 'angular'],
    dependencies: [
      '@angular/core',
      '@angular/common',
      '@angular/platform-browser',
      '@angular/compiler',
      '@angular/compiler-cli',
      '@angular/build',
      'rxjs',
      'tslib',
      'typescript',
    ],
  });
});

after(async () => {
  await browser?.close();
  await emulator?.close();
  await app?.remove();
});

// What `ng new` would leave, minus what this test does not need (tests, styles, assets).
async function writeFreshApp(project: { id: string; widgetUrl: string }): Promise<void> {
  const build = {
    outputPath: { base: 'dist', browser: '' },
    index: 'src/index.html',
    browser: 'src/main.ts',
    tsConfig: 'tsconfig.json',
    polyfills: [],
  };
  await app.write(
    'angular.json',
    JSON.stringify({
      version: 1,
      projects: {
        app: {
          root: '',
          sourceRoot: 'src',
          projectType: 'application',
          architect: { build: { builder: '@angular/build:application', options: build } },
        },
      },
    }),
  );
  await app.write(
    'tsconfig.json',
    JSON.stringify({
      compilerOptions: {
        strict: true,
        target: 'ES2022',
        module: 'ES2022',
        moduleResolution: 'bundler',
        lib: ['ES2022', 'DOM'],
        isolatedModules: true,
      },
      files: ['src/main.ts'],
      angularCompilerOptions: { strictTemplates: true, strictInjectionParameters: true },
    }),
  );
  await app.write(
    'src/index.html',
    '<!doctype html><html><head><meta charset="utf-8"><title>fresh</title><link rel="icon" href="data:,"></head><body><app-root></app-root></body></html>',
  );
  await app.write(
    'src/main.ts',
    `import { Component, inject, provideZonelessChangeDetection } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { provideTiledesk, TiledeskAuthService } from '@tiledesk-auth/angular';

@Component({
  selector: 'app-root',
  template: '<p id="status">{{ auth.state().status }}</p><p id="email">{{ auth.user()?.email }}</p>',
})
class App {
  readonly auth = inject(TiledeskAuthService);
}

bootstrapApplication(App, {
  providers: [
    provideZonelessChangeDetection(),
    provideTiledesk({
      projectId: ${JSON.stringify(project.id)},
      widgetUrl: ${JSON.stringify(project.widgetUrl)},
      getToken: () => fetch('/token', { method: 'POST' }).then((response) => response.text()),
    }),
  ],
}).catch((error: unknown) => console.error(error));
`,
  );
}

describe('@tiledesk-auth/angular in a fresh Angular app', () => {
  it('builds with the Angular application builder and signs the visitor in', async () => {
    const project = emulator.createProject({ bootDelayMs: 0 });
    await writeFreshApp(project);
    // The Angular CLI's build runner, as `ng build` would call it (a dependency of @angular/build).
    const architect = createRequire(require.resolve('@angular/build/package.json')).resolve('@angular-devkit/architect/bin/cli.js');
    const built = await app.node([architect, 'app:build']);
    assert.equal(built.code, 0, `the fresh app did not build:\n${built.stdout}\n${built.stderr}`);

    // The app's own server: its build output, and a token endpoint as a customer's server would have.
    const server = express()
      .post('/token', async (_req, res) => {
        res.type('text').send(await emulator.mintToken(project.id, { userId: 'ada' }));
      })
      .use(express.static(join(app.dir, 'dist')))
      .listen(0, '127.0.0.1');
    await new Promise((ready) => server.once('listening', ready));
    const { port } = server.address() as { port: number };
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
      await page.goto(`http://127.0.0.1:${port}/`);
      await waitUntil('the fresh app to sign the visitor in', async () => (await page.textContent('#status')) === 'signed-in');
      assert.equal(await page.textContent('#email'), 'ada@example.test');
      assert.deepEqual(errors, []);
      await page.close();
    } finally {
      await new Promise((done) => server.close(done));
    }
  });
});
