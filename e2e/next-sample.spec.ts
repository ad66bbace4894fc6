// apps/next-sample's own promises, beyond the auth scenarios it shares with the other samples: no
// secret and no server code in what `next build` ships to browsers, no secret in any answer or
// in the server's log, a sealed session cookie that a sign-out ends for good, a refusal to
// start with a real Tiledesk project but no SESSION_SECRET, and a page Content-Security-Policy
// (a nonce per response) under which both widgets sign in without a single violation.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { startNextStack } from './support/next-stack';
import { runScenario } from './support/scenario';
import { selectedWidgets } from './support/widgets';

const root = resolve(__dirname, '..');
/** Chromium's console line for anything a Content-Security-Policy blocked, in any frame. */
/** Runs before the page: records that the early token script set `window.tiledeskTokenRequest`. */
const EARLY_TOKEN_TRAP = `(() => {
  let request;
  Object.defineProperty(window, 'tiledeskTokenRequest', {
    configurable: true,
    get: () => request,
    set: (value) => { request = value; window.__e2eEarlyTokenSet = value instanceof Promise; },
  });
})();`;
const CSP_VIOLATION = /Content Security Policy|Refused to (load|execute|apply|connect|frame|create)/i;
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

  describe('the page Content-Security-Policy', () => {
    let browser: Browser;
    before(async () => {
      browser = await launchBrowser();
    });
    after(async () => {
      await browser.close();
    });

    it("is on every page with a fresh nonce that only the page's own inline scripts carry; the API answers load nothing", async () => {
      const stack = await startNextStack('emulated');
      try {
        // Signed in, so the page carries the early token script as well as Next.js's own.
        const login = await fetch(`${stack.url}/api/session`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Origin: stack.url },
          body: JSON.stringify({ userId: stack.users[0]?.id ?? 'ada' }),
        });
        const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
        const first = await fetch(`${stack.url}/`, { headers: { Cookie: cookie } });
        const second = await fetch(`${stack.url}/`, { headers: { Cookie: cookie } });
        const policies = [first, second].map((answer) => answer.headers.get('content-security-policy') ?? '');
        const nonces = policies.map((policy) => /script-src [^;]*'nonce-([^']+)'/.exec(policy)?.[1]);
        assert.ok(nonces[0] !== undefined && nonces[1] !== undefined, `a script nonce in the policy, got: ${policies[0]}`);
        assert.notEqual(nonces[0], nonces[1], 'a new nonce per response');
        const script = /script-src ([^;]*)/.exec(policies[0] ?? '')?.[1] ?? '';
        assert.doesNotMatch(script, /unsafe-inline|unsafe-eval|strict-dynamic|\*/, 'script-src names exact sources only');
        assert.match(policies[0] ?? '', /frame-ancestors 'none'/);
        assert.match(policies[0] ?? '', /object-src 'none'/);
        assert.equal(first.headers.get('x-content-type-options'), 'nosniff');
        assert.equal(first.headers.get('x-frame-options'), 'DENY');
        assert.equal(first.headers.get('referrer-policy'), 'strict-origin-when-cross-origin');

        const page = await first.text();
        const inline = [...page.matchAll(/<script\b(?![^>]*\bsrc=)([^>]*)>/g)].map((match) => match[1] ?? '');
        assert.ok(inline.length > 0, 'the page has inline scripts (the RSC payload)');
        assert.match(page, /<script nonce="[^"]+">\(window\.tiledeskTokenRequest=fetch/, 'the early token script, with a nonce');
        for (const attributes of inline)
          assert.ok(attributes.includes(`nonce="${nonces[0]}"`), `an inline script without the nonce: <script${attributes}>`);
        // A nonce sent by the visitor is never the one the page uses.
        const forged = await fetch(`${stack.url}/`, {
          headers: { 'x-nonce': 'forged', 'Content-Security-Policy': "script-src 'nonce-forged'" },
        });
        assert.doesNotMatch(await forged.text(), /nonce="forged"/);
        assert.doesNotMatch(forged.headers.get('content-security-policy') ?? '', /forged/);

        const api = await fetch(`${stack.url}/api/config`);
        assert.match(api.headers.get('content-security-policy') ?? '', /^default-src 'none'/);
      } finally {
        await stack.close();
      }
    });

    for (const widget of selectedWidgets()) {
      it(`lets the ${widget} widget sign in and open the chat with no violation, the early token script and the page's boot data included`, () =>
        runScenario(browser, 'next', widget, async ({ stack, tab }) => {
          const violations: string[] = [];
          tab.page.on('console', (message) => {
            if (CSP_VIOLATION.test(message.text())) violations.push(message.text());
          });
          let policy = '';
          tab.page.on('response', (answer) => {
            if (answer.request().isNavigationRequest() && answer.frame() === tab.page.mainFrame())
              policy = answer.headers()['content-security-policy'] ?? '';
          });
          // The first getToken() takes and deletes the early request: note that it was ever set.
          await tab.page.addInitScript(EARLY_TOKEN_TRAP);
          await tab.setSession(stack.users[0]?.id ?? 'ada');
          await tab.open();
          await tab.waitForStatus('signed-in');
          await tab.widget.waitForVisibleLauncher();
          await tab.widget.openChat();
          assert.match(policy, /script-src 'self' http:\/\/127\.0\.0\.1:\d+ 'nonce-/, 'the page came with its policy');
          assert.deepEqual(violations, [], 'no Content-Security-Policy violation in any frame');
          // The early token script ran: its request is the one token request of the page.
          assert.equal(
            await tab.page.evaluate(() => (window as unknown as Record<string, unknown>)['__e2eEarlyTokenSet']),
            true,
            'the early token script ran',
          );
          assert.deepEqual(
            tab.watch.requestsTo(/\/api\/tiledesk-token$/, 'POST').map((request) => request.status),
            [200],
          );
        }));
    }
  });
});
