// apps/next-sample's own promises, beyond the auth scenarios it shares with the other samples: no
// secret and no server code in what `next build` ships to browsers, no secret in any answer or
// in the server's log, a sealed session cookie that a sign-out ends for good, and a refusal to
// start with a real Tiledesk project but no SESSION_SECRET.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { startNextStack } from './support/next-stack';

const root = resolve(__dirname, '..');
const buildDir = resolve(root, 'apps/next-sample/.next');

/** Text that only server code holds: names of secret settings and of server-only modules. */
const SERVER_ONLY_MARKERS = [
  'TILEDESK_SHARED_SECRET',
  'SESSION_SECRET',
  'TILEDESK_EMULATOR_CONTROL_TOKEN',
  'x-tiledesk-emulator-control-token',
  'is misconfigured',
  'getIronSession',
];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(js|mjs|cjs|json|html|css|txt|rsc)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

function markersIn(files: readonly string[]): Set<string> {
  const found = new Set<string>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const marker of SERVER_ONLY_MARKERS) if (text.includes(marker)) found.add(marker);
  }
  return found;
}

describe('next-sample', () => {
  it('ships no secret and no server code to the browser (.next/static)', () => {
    const shipped = filesUnder(join(buildDir, 'static'));
    assert.ok(
      shipped.some((file) => file.endsWith('.js')),
      'the build has browser scripts (build it: npx nx build next-sample)',
    );
    assert.deepEqual([...markersIn(shipped)], [], 'no server-only text in .next/static');
    // The scan can fail: the server half of the same build holds every marker.
    assert.deepEqual([...markersIn(filesUnder(join(buildDir, 'server')))].sort(), [...SERVER_ONLY_MARKERS].sort());
  });

  it("keeps the project's secret and the emulator's control token out of every answer and its log; a sign-out ends the sealed session", async () => {
    const stack = await startNextStack('emulated');
    try {
      const jsonPost = (path: string, body: unknown, cookie?: string) =>
        fetch(`${stack.url}${path}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Origin: stack.url, ...(cookie === undefined ? {} : { Cookie: cookie }) },
          body: JSON.stringify(body),
        });
      const login = await jsonPost('/api/session', { userId: 'ada' });
      assert.equal(login.status, 200);
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      assert.match(cookie, /^tiledesk_demo_session=Fe26\.2\*/, 'an iron-session seal');
      // Encrypted: neither the user nor the field names show (hex and base64 may well contain "ada").
      assert.doesNotMatch(decodeURIComponent(cookie), /ada@example|Lovelace|userId|endsAt/, 'the cookie does not show who is signed in');

      const token = await jsonPost('/api/tiledesk-token', {}, cookie);
      assert.equal(token.status, 200);
      assert.match(((await token.json()) as { token: string }).token, /^JWT /);
      await stack.useSecret(stack.rotateSecret());
      assert.equal((await jsonPost('/api/tiledesk-token', {}, cookie)).status, 200, 'signs with the new secret');

      const page = await (await fetch(`${stack.url}/`, { headers: { Cookie: cookie } })).text();
      assert.match(page, /"sessionUser":\{"id":"ada"|Lovelace/, 'the page knows the session');
      const scripts = [...page.matchAll(/src="(\/_next\/static\/[^"]+\.js)"/g)].map((match) => match[1] ?? '');
      assert.ok(scripts.length > 0, 'the page loads its scripts from /_next/static');
      const answers = [page, ...(await Promise.all(scripts.map(async (path) => (await fetch(`${stack.url}${path}`)).text())))];
      for (const path of ['/api/config', '/api/demo-users', '/api/session']) {
        answers.push(await (await fetch(`${stack.url}${path}`, { headers: { Cookie: cookie } })).text());
      }
      const secrets = [...stack.secrets, stack.emulator.controlToken];
      assert.equal(stack.secrets.length, 2, "the test saw the project's first and second secret");
      for (const secret of secrets) {
        assert.ok(
          answers.every((answer) => !answer.includes(secret)),
          'no answer carries a secret',
        );
        assert.ok(!stack.serverOutput().includes(secret), 'the server never logs a secret');
      }

      const logout = await fetch(`${stack.url}/api/session`, { method: 'DELETE', headers: { Cookie: cookie } });
      assert.deepEqual(await logout.json(), { user: null });
      // A copy of the cookie kept from before the sign-out is no session.
      assert.equal((await jsonPost('/api/tiledesk-token', {}, cookie)).status, 401);
      const replayed = await fetch(`${stack.url}/api/session`, { headers: { Cookie: cookie } });
      assert.deepEqual(await replayed.json(), { user: null });
    } finally {
      await stack.close();
    }
  });

  it('refuses to start with a real Tiledesk project but no SESSION_SECRET, in one line that quotes no secret', async () => {
    const secret = 'c6b7a1e4-1f0e-4d2b-9a55-0c3b8e2f7d61';
    const { SESSION_SECRET: _session, TILEDESK_EMULATOR_URL: _url, TILEDESK_REAL_WIDGET_DIR: _build, ...env } = process.env;
    const child = spawn(process.execPath, ['--import', 'tsx', 'apps/next-sample/main.ts'], {
      cwd: root,
      env: {
        ...env,
        PORT: '0',
        TSX_TSCONFIG_PATH: 'tsconfig.base.json',
        TILEDESK_PROJECT_ID: '65f0c0ffee0123456789abcd',
        TILEDESK_SHARED_SECRET: secret,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((done) => child.once('exit', (exitCode) => done(exitCode)));
    assert.equal(code, 1);
    assert.deepEqual(output.trim().split('\n').length, 1, `one line, got: ${output}`);
    assert.match(output, /^next-sample: SESSION_SECRET is required with a real Tiledesk project/);
    assert.ok(!output.includes(secret), 'the shared secret is not printed');
  });
});
