// @tiledesk-auth/testing as our users get it: dist/libs/testing copied into a throwaway app outside
// the workspace, with no tsx, no esbuild and no tsconfig paths, for the three ways the README offers:
// the Node API, the CLI, and a Jest suite whose jsdom page loads the emulated widget.
// scripts/e2e.mjs builds the package first.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createConsumerApp } from './support/consumer-app';
import { waitUntil } from './support/wait-until';

let app: Awaited<ReturnType<typeof createConsumerApp>>;

/** What the built package declares it needs (its broker and file server, jose), as npm would install. */
function declaredDependencies(): string[] {
  const manifest = JSON.parse(readFileSync(resolve(__dirname, '../dist/libs/testing/package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
    peerDependencies?: Record<string, string>;
  };
  return [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})];
}

before(async () => {
  app = await createConsumerApp({ packages: ['testing'], dependencies: [...declaredDependencies(), 'jest', 'jest-environment-jsdom'] });
});

after(() => app.remove());

describe('@tiledesk-auth/testing in an app outside the workspace', () => {
  it('Node API: starts the emulator, serves the prebuilt widget and accepts a token it minted', async () => {
    await app.write(
      'emulate.mjs',
      `import { startTiledeskEmulator } from '@tiledesk-auth/testing';
const emulator = await startTiledeskEmulator();
const project = emulator.createProject({ bootDelayMs: 0 });
const token = await emulator.mintToken(project.id, { userId: 'ada' });
const script = await (await fetch(project.widgetUrl)).text();
const signIn = await fetch(emulator.apiUrl + 'auth/signinWithCustomToken', { method: 'POST', headers: { Authorization: token } });
console.log(JSON.stringify({ banner: script.split('\\n')[0], status: signIn.status, user: (await signIn.json()).user._id === project.id + '_ada' }));
await emulator.close();
`,
    );
    const { code, stdout, stderr } = await app.node(['emulate.mjs']);
    assert.equal(code, 0, stderr);
    assert.deepEqual(JSON.parse(stdout), { banner: '/* Tiledesk widget emulator (@tiledesk-auth/testing) */', status: 200, user: true });
  });

  it('CLI: the package bin prints where it listens and serves the widget there', async () => {
    const cli = spawn(process.execPath, ['node_modules/@tiledesk-auth/testing/src/cli.js', '--port', '0', '--exit-on-stdin-close'], {
      cwd: app.dir,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    try {
      let stdout = '';
      cli.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      const listening = await waitUntil('the CLI to print its URLs', () => {
        const line = stdout.split('\n').find((l) => l.startsWith('{'));
        return line ? (JSON.parse(line) as { widgetUrl: string }) : undefined;
      });
      const script = await fetch(listening.widgetUrl);
      assert.equal(script.status, 200);
      assert.match(script.headers.get('content-type') ?? '', /javascript/);
    } finally {
      const exited = new Promise((done) => cli.once('exit', done));
      cli.stdin.end();
      await exited;
    }
  });

  it('Jest: a suite spreading @tiledesk-auth/testing/jest signs a visitor in on its jsdom page', async () => {
    await app.write('jest.config.cjs', "module.exports = { ...require('@tiledesk-auth/testing/jest') };\n");
    await app.write(
      'widget.test.cjs',
      `const { connectTiledeskEmulator, mintVisitorToken } = require('@tiledesk-auth/testing/client');

test('the emulated widget signs the visitor in', async () => {
  const emulator = connectTiledeskEmulator();
  const project = await emulator.createProject({ bootDelayMs: 0 });
  window.tiledeskSettings = { projectid: project.id };
  window.Tiledesk = function () { (window.Tiledesk.q = window.Tiledesk.q || []).push(arguments); };
  const online = new Promise((resolve) =>
    document.addEventListener('onAuthStateChanged', (event) => event.detail.isLogged && resolve(event.detail.user_id), true));
  document.head.appendChild(Object.assign(document.createElement('script'), { id: 'tiledesk-jssdk', src: project.widgetUrl }));
  // Minted first: in Tiledesk(name, await x) the callee is read before the await, and the widget
  // may replace window.Tiledesk in between (a call to the old stub is never drained).
  // Signed in the suite's own realm: the client entry's minting needs no jose (an ES module).
  const token = await mintVisitorToken(project.id, project.secret, { userId: 'ada' });
  window.Tiledesk('signInWithCustomToken', token);
  expect(await online).toBe(project.id + '_ada');
  await window.tiledesk.logout();
});
`,
    );
    const jest = app.dir + '/node_modules/jest/bin/jest.js';
    const result = await app.node([jest, '--ci']);
    assert.equal(result.code, 0, `the Jest suite failed:\n${result.stdout}\n${result.stderr}`);
    assert.match(result.stderr, /Tests:\s+1 passed, 1 total/);
  });
});
