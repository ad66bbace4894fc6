// `npm start` (scripts/start.mjs) as a newcomer meets it: it serves the three samples (React and
// Angular from the token server, Next.js from its own server on the next port), says where, stops
// cleanly on Ctrl-C, and explains a busy port in one line. Runs with --no-build: scripts/e2e.mjs
// has built the samples already.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { waitUntil } from './support/wait-until';

const root = resolve(__dirname, '..');

interface StartRun {
  readonly process: ChildProcess;
  readonly stdout: () => string;
  readonly stderr: () => string;
  readonly exited: Promise<number | null>;
}

function runStart(env: Record<string, string>, args = ['--no-build']): StartRun {
  // Only what the test sets: a real widget build or real credentials of the caller would change the banner.
  const {
    TILEDESK_PROJECT_ID: _id,
    TILEDESK_SHARED_SECRET: _secret,
    TILEDESK_WIDGET_URL: _w,
    TILEDESK_REAL_WIDGET_DIR: _r,
    ...baseEnv
  } = process.env;
  const child = spawn(process.execPath, ['scripts/start.mjs', ...args], {
    cwd: root,
    env: { ...baseEnv, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return { process: child, stdout: () => stdout, stderr: () => stderr, exited };
}

function listen(port: number): Promise<Server> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => done(server));
  });
}

async function freePort(): Promise<number> {
  const server = await listen(0);
  const address = server.address();
  await new Promise((done) => server.close(done));
  assert.ok(address && typeof address === 'object');
  return address.port;
}

/** A free port whose next port is free too: npm start puts the Next.js sample there. */
async function freePortPair(): Promise<number> {
  for (;;) {
    const port = await freePort();
    const next = await listen(port + 1).catch(() => undefined);
    if (next) {
      await new Promise((done) => next.close(done));
      return port;
    }
  }
}

async function assertFree(port: number): Promise<void> {
  await waitUntil(
    `port ${port} to be free again`,
    async () => {
      const server = await listen(port).catch(() => undefined);
      if (!server) return false;
      await new Promise((done) => server.close(done));
      return true;
    },
    { timeoutMs: 15_000 },
  );
}

/** The Next.js sample's page answers 200 with the support page. */
async function assertNextPage(url: string): Promise<void> {
  const page = await fetch(url);
  assert.equal(page.status, 200, `${url} is served`);
  const html = await page.text();
  assert.match(html, /<html/i);
  assert.match(html, /data-testid="status"/, 'the Next.js page carries the support page');
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, fail) => setTimeout(() => fail(new Error(`Timed out after ${ms} ms waiting for ${what}`)), ms).unref()),
  ]);
}

describe('npm start', () => {
  it('serves the three samples, prints the URLs and demo users, and stops cleanly on Ctrl-C', async () => {
    const port = await freePortPair();
    const run = runStart({ PORT: String(port) });
    try {
      await waitUntil('the start banner', () => run.stdout().includes('Press Ctrl-C to stop'), { timeoutMs: 90_000, intervalMs: 200 });
      const base = `http://127.0.0.1:${port}`;
      assert.match(run.stdout(), new RegExp(`${base}/react/`));
      assert.match(run.stdout(), new RegExp(`${base}/angular/`));
      assert.match(run.stdout(), /embedded Tiledesk emulator/);
      assert.match(run.stdout(), /Widget: +the emulator's stand-in \(TILEDESK_REAL_WIDGET_DIR=/);

      const users = (await (await fetch(`${base}/api/demo-users`)).json()) as Array<{ id: string; email: string }>;
      assert.ok(users.length > 0);
      for (const user of users) assert.ok(run.stdout().includes(user.email), `the banner lists ${user.email}`);
      for (const app of ['react', 'angular']) {
        const page = await fetch(`${base}/${app}/`);
        assert.equal(page.status, 200, `/${app}/ is served`);
        assert.match(await page.text(), /<html/i);
      }
      // The Next.js sample: on the next port, with the same demo users.
      const nextBase = `http://127.0.0.1:${port + 1}`;
      assert.match(run.stdout(), new RegExp(`Next\\.js sample: +${nextBase}/`));
      await assertNextPage(`${nextBase}/`);
      assert.deepEqual(await (await fetch(`${nextBase}/api/demo-users`)).json(), users);

      run.process.kill('SIGINT');
      assert.equal(await withTimeout(run.exited, 15_000, 'npm start to stop'), 0, 'Ctrl-C is a clean stop');
      // Both servers went with it: their ports are free again.
      await (await listen(port)).close();
      await assertFree(port + 1);
    } finally {
      run.process.kill('SIGKILL');
    }
  });

  it('PORT=0 starts on a free port and the banner names the port it got', async () => {
    const run = runStart({ PORT: '0' });
    try {
      await waitUntil('the start banner', () => run.stdout().includes('Press Ctrl-C to stop'), { timeoutMs: 90_000, intervalMs: 200 });
      const base = /React sample: +(http:\/\/127\.0\.0\.1:(\d+))\/react\//.exec(run.stdout());
      assert.ok(base, `the banner names the React sample's URL:\n${run.stdout()}`);
      assert.notEqual(Number(base[2]), 0, 'the banner shows the port the server got, not 0');
      assert.match(run.stdout(), new RegExp(`Angular sample: +${base[1]}/angular/`));
      assert.equal((await fetch(`${base[1]}/react/`)).status, 200, 'the sample answers on that port');
      const next = /Next\.js sample: +(http:\/\/127\.0\.0\.1:(\d+))\//.exec(run.stdout());
      assert.ok(next, `the banner names the Next.js sample's URL:\n${run.stdout()}`);
      assert.notEqual(Number(next[2]), 0, 'the banner shows the port the Next.js sample got, not 0');
      await assertNextPage(`${next[1]}/`);
      run.process.kill('SIGINT');
      assert.equal(await withTimeout(run.exited, 15_000, 'npm start to stop'), 0, 'Ctrl-C is a clean stop');
    } finally {
      run.process.kill('SIGKILL');
    }
  });

  it('stops both servers too when its terminal closes (SIGHUP)', async () => {
    const port = await freePort();
    const nextPort = await freePort();
    const run = runStart({ PORT: String(port), NEXT_PORT: String(nextPort) });
    try {
      await waitUntil('the start banner', () => run.stdout().includes('Press Ctrl-C to stop'), { timeoutMs: 90_000, intervalMs: 200 });
      assert.match(
        run.stdout(),
        new RegExp(`Next\\.js sample: +http://127\\.0\\.0\\.1:${nextPort}/`),
        'NEXT_PORT places the Next.js sample',
      );
      run.process.kill('SIGHUP');
      await withTimeout(run.exited, 15_000, 'npm start to stop');
      // The servers run in sessions of their own, so only npm start can pass the hang-up on.
      await assertFree(port);
      await assertFree(nextPort);
    } finally {
      run.process.kill('SIGKILL');
    }
  });

  it('serves the real widget build TILEDESK_REAL_WIDGET_DIR names, and says so', async () => {
    // The plumbing only: a folder shaped like a widget build. The real build itself is driven
    // by the auth scenarios (auth-scenarios.<app>.real.spec.ts).
    const build = mkdtempSync(join(tmpdir(), 'widget-build-'));
    writeFileSync(join(build, 'launch.js'), '/* a widget build stand-in */');
    const port = await freePort();
    const nextPort = await freePort();
    const run = runStart({ PORT: String(port), NEXT_PORT: String(nextPort), TILEDESK_REAL_WIDGET_DIR: relative(root, build) });
    try {
      await waitUntil('the start banner', () => run.stdout().includes('Press Ctrl-C to stop'), { timeoutMs: 90_000, intervalMs: 200 });
      assert.ok(run.stdout().includes(`Widget:          the real Tiledesk widget, the build in ${build}`), run.stdout());
      const config = (await (await fetch(`http://127.0.0.1:${port}/api/config`)).json()) as {
        mode: string;
        widget: string;
        widgetUrl: string;
      };
      assert.deepEqual([config.mode, config.widget], ['emulator', 'real']);
      const script = await fetch(config.widgetUrl);
      assert.equal(script.status, 200);
      assert.match(await script.text(), /a widget build stand-in/, 'the page gets the build, not the emulated widget');
      const nextConfig = (await (await fetch(`http://127.0.0.1:${nextPort}/api/config`)).json()) as typeof config;
      assert.deepEqual([nextConfig.mode, nextConfig.widget], ['emulator', 'real'], 'the Next.js sample serves the build too');
      assert.match(await (await fetch(nextConfig.widgetUrl)).text(), /a widget build stand-in/);
      run.process.kill('SIGINT');
      assert.equal(await withTimeout(run.exited, 15_000, 'npm start to stop'), 0);
    } finally {
      run.process.kill('SIGKILL');
      rmSync(build, { recursive: true, force: true });
    }
  });

  it('uses the real Tiledesk project when TILEDESK_PROJECT_ID and TILEDESK_SHARED_SECRET are set', async () => {
    const port = await freePort();
    const nextPort = await freePort();
    const projectId = '65f0c0ffee0123456789abcd';
    // Nothing is sent to Tiledesk until a browser signs in, so this needs no network. No
    // SESSION_SECRET: npm start gives the Next.js sample a key per start, as the token server makes one.
    const run = runStart({
      PORT: String(port),
      NEXT_PORT: String(nextPort),
      TILEDESK_PROJECT_ID: projectId,
      TILEDESK_SHARED_SECRET: 'c6b7a1e4-1f0e-4d2b-9a55-0c3b8e2f7d61',
    });
    try {
      await waitUntil('the start banner', () => run.stdout().includes('Press Ctrl-C to stop'), { timeoutMs: 90_000, intervalMs: 200 });
      assert.match(run.stdout(), new RegExp(`real Tiledesk project ${projectId}`));
      const config = (await (await fetch(`http://127.0.0.1:${port}/api/config`)).json()) as {
        mode: string;
        projectId: string;
        widgetUrl: string;
      };
      assert.deepEqual([config.mode, config.projectId], ['tiledesk', projectId]);
      assert.match(config.widgetUrl, /^https:\/\/.+\/launch\.js$/);
      const nextConfig = (await (await fetch(`http://127.0.0.1:${nextPort}/api/config`)).json()) as typeof config;
      assert.deepEqual([nextConfig.mode, nextConfig.projectId, nextConfig.widgetUrl], ['tiledesk', projectId, config.widgetUrl]);
      assert.equal(
        (await fetch(`http://127.0.0.1:${nextPort}/__test/secret`, { method: 'POST' })).status,
        404,
        'no test hooks with real Tiledesk',
      );
      assert.ok(!run.stdout().includes('c6b7a1e4'), 'the secret is not printed');
      run.process.kill('SIGINT');
      assert.equal(await withTimeout(run.exited, 15_000, 'npm start to stop'), 0);
    } finally {
      run.process.kill('SIGKILL');
    }
  });

  it('explains a port that is already in use in one line', async () => {
    const busy = await listen(0);
    const address = busy.address();
    assert.ok(address && typeof address === 'object');
    try {
      const run = runStart({ PORT: String(address.port) });
      assert.equal(await withTimeout(run.exited, 15_000, 'npm start to give up'), 1);
      const lines = run.stderr().trim().split('\n');
      assert.equal(lines.length, 1, `one line, got: ${run.stderr()}`);
      assert.match(lines[0] ?? '', new RegExp(`port ${address.port} .*already in use.*PORT=`));
    } finally {
      busy.close();
    }
  });

  it('reports a configuration error of the token server in one line', async () => {
    const run = runStart({ PORT: String(await freePort()), TILEDESK_PROJECT_ID: '65f0c0ffee0123456789abcd' });
    assert.equal(await withTimeout(run.exited, 30_000, 'npm start to give up'), 1);
    const lines = run.stderr().trim().split('\n');
    assert.equal(lines.length, 1, `one line, got: ${run.stderr()}`);
    assert.match(lines[0] ?? '', /TILEDESK_PROJECT_ID is set but TILEDESK_SHARED_SECRET is not/);
  });

  it('reports a configuration error before building the samples', async () => {
    // Without --no-build: a build would take far longer than the limit below.
    const run = runStart({ PORT: String(await freePort()), TILEDESK_SHARED_SECRET: 'c6b7a1e4-1f0e-4d2b-9a55-0c3b8e2f7d61' }, []);
    assert.equal(await withTimeout(run.exited, 15_000, 'npm start to give up'), 1);
    assert.doesNotMatch(run.stdout(), /Building/);
    assert.match(run.stderr(), /^token-server: TILEDESK_SHARED_SECRET is set but TILEDESK_PROJECT_ID is not/);
  });

  it('rejects a PORT that is not a port number', async () => {
    const run = runStart({ PORT: 'http' });
    assert.equal(await withTimeout(run.exited, 15_000, 'npm start to give up'), 1);
    assert.match(run.stderr(), /PORT must be a port number/);
  });
});
