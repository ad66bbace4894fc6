// One case per attack on the token server, each with the answer it must get.
import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { capturingLogger, Visitor } from '../test-support/http-client';
import { tokenServerOptionsFromEnv } from './config-from-env';
import { SESSION_COOKIE, SESSION_LIFETIME_MS } from './demo-session';
import { cspHash } from './inline-script-hashes';
import { boundLine, limitLogLines } from './log-limiter';
import { type RunningTokenServer, startTokenServer } from './start-token-server';
import { TokenServerConfigError } from './token-server-options';

const PROJECT_ID = '65f0c0ffee0123456789abcd';
const SHARED_SECRET = '5d0f3c7e-2b1a-4c9d-8e7f-6a5b4c3d2e1f';
const SESSION_SECRET = 'security-spec-session-secret-0123456789';
const ALL_BUT_DATE = [
  'hrtime',
  'nextTick',
  'performance',
  'queueMicrotask',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'requestIdleCallback',
  'cancelIdleCallback',
  'setImmediate',
  'clearImmediate',
  'setInterval',
  'clearInterval',
  'setTimeout',
  'clearTimeout',
] as const;

/** cookie-signature's format, which express-session and cookie-parser both use: `s:value.hmac`. */
function signCookieValue(value: string, secret: string): string {
  const mac = createHmac('sha256', secret).update(value).digest('base64').replace(/=+$/, '');
  return encodeURIComponent(`s:${value}.${mac}`);
}

/** The session cookie's raw value (`s%3A<id>.<mac>`) from a visitor's Cookie header. */
function sessionCookieOf(visitor: Visitor): string {
  const match = new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(visitor.cookieHeader);
  if (!match) throw new Error('the visitor holds no session cookie');
  return match[1];
}

function tokenWith(server: RunningTokenServer, cookie: string): Promise<Response> {
  return fetch(`${server.url}/api/tiledesk-token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: `${SESSION_COOKIE}=${cookie}` },
  });
}

async function sessionWith(server: RunningTokenServer, cookie: string): Promise<unknown> {
  return (await fetch(`${server.url}/api/session`, { headers: { Cookie: `${SESSION_COOKIE}=${cookie}` } })).json();
}

function configError(env: Record<string, string>): TokenServerConfigError {
  try {
    tokenServerOptionsFromEnv(env);
  } catch (error) {
    expect(error).toBeInstanceOf(TokenServerConfigError);
    return error as TokenServerConfigError;
  }
  throw new Error('no configuration error for a bad environment');
}

/** `main.ts --check-config`, what `npm start` runs first. */
function checkConfig(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'apps/token-server/src/main.ts', '--check-config'], {
      cwd: join(__dirname, '../../../..'),
      env: { PATH: process.env['PATH'] ?? '', TSX_TSCONFIG_PATH: 'tsconfig.base.json', ...env },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('token server security (emulator mode, real HTTP)', () => {
  let server: RunningTokenServer;
  let logger: ReturnType<typeof capturingLogger>;
  let samplesDir: string;

  beforeAll(() => {
    samplesDir = mkdtempSync(join(tmpdir(), 'token-server-security-'));
    mkdirSync(join(samplesDir, 'angular-sample'));
    // What an Angular build writes: an inline style, a style sheet loaded by an onload handler,
    // and (for the test) an inline script.
    writeFileSync(
      join(samplesDir, 'angular-sample', 'index.html'),
      `<!doctype html><html><head><style>body{margin:0}</style><link rel="stylesheet" href="styles.css" media="print" onload="this.media='all'"></head>` +
        `<body><app-root></app-root><script>window.started = true;</script><script src="main.js" type="module"></script></body></html>`,
    );
    writeFileSync(join(samplesDir, 'angular-sample', 'main.js'), 'console.log("sample");');
  });
  afterAll(() => rmSync(samplesDir, { recursive: true, force: true }));

  beforeEach(async () => {
    logger = capturingLogger();
    server = await startTokenServer({ port: 0, host: '127.0.0.1', logger, samplesDir, sessionSecret: SESSION_SECRET });
  });
  afterEach(async () => {
    jest.useRealTimers();
    await server.close();
  });

  describe('1. the token route checks the session as every route does', () => {
    it('an unsigned cookie naming a user (tiledesk_demo_session=grace) gets 401, as /api/session says no user', async () => {
      expect((await tokenWith(server, 'grace')).status).toBe(401);
      expect(await sessionWith(server, 'grace')).toEqual({ user: null });
    });

    it('an old-style cookie, the user id signed with the right secret, gets 401: only server-issued ids count', async () => {
      const cookie = signCookieValue('grace', SESSION_SECRET);
      expect((await tokenWith(server, cookie)).status).toBe(401);
      expect(await sessionWith(server, cookie)).toEqual({ user: null });
    });

    it('a tampered cookie (one character of the id changed) gets 401', async () => {
      const ada = new Visitor(server.url);
      await ada.signIn('ada');
      const cookie = sessionCookieOf(ada);
      const at = cookie.indexOf('%3A') + 3;
      const tampered = `${cookie.slice(0, at)}${cookie[at] === 'A' ? 'B' : 'A'}${cookie.slice(at + 1)}`;
      expect((await tokenWith(server, tampered)).status).toBe(401);
      expect((await tokenWith(server, cookie)).status).toBe(200);
    });

    it('a real session id signed with another secret gets 401', async () => {
      const ada = new Visitor(server.url);
      await ada.signIn('ada');
      const sessionId = decodeURIComponent(sessionCookieOf(ada)).slice(2).split('.')[0];
      const cookie = signCookieValue(sessionId, 'another-secret-of-the-same-length-0123456');
      expect((await tokenWith(server, cookie)).status).toBe(401);
    });

    it("one session's id under another user's signature gets 401", async () => {
      const ada = new Visitor(server.url);
      const alan = new Visitor(server.url);
      await ada.signIn('ada');
      await alan.signIn('alan');
      const [adaId] = decodeURIComponent(sessionCookieOf(ada)).slice(2).split('.');
      const [, alanMac] = decodeURIComponent(sessionCookieOf(alan)).slice(2).split('.');
      const mixed = encodeURIComponent(`s:${adaId}.${alanMac}`);
      expect((await tokenWith(server, mixed)).status).toBe(401);
      expect(await sessionWith(server, mixed)).toEqual({ user: null });
    });

    it('an expired session gets 401 (the server checks the end, not only the browser)', async () => {
      const ada = new Visitor(server.url);
      await ada.signIn('ada');
      const cookie = sessionCookieOf(ada);
      expect((await tokenWith(server, cookie)).status).toBe(200);
      jest.useFakeTimers({ doNotFake: [...ALL_BUT_DATE], now: Date.now() + SESSION_LIFETIME_MS + 1000 });
      expect((await tokenWith(server, cookie)).status).toBe(401);
      expect(await sessionWith(server, cookie)).toEqual({ user: null });
    });
  });

  describe('2. sessions have an id, an end and a sign-out', () => {
    it('the cookie is a random session id, not the user id', async () => {
      const ada = new Visitor(server.url);
      await ada.signIn('ada');
      const value = decodeURIComponent(sessionCookieOf(ada));
      expect(value).toMatch(/^s:[\w-]{24,}\.[\w+/]+$/);
      expect(value).not.toContain('ada');
    });

    it('a copy of the cookie replayed after sign-out gets 401', async () => {
      const ada = new Visitor(server.url);
      await ada.signIn('ada');
      const copy = sessionCookieOf(ada);
      await ada.request('/api/session', { method: 'DELETE' });
      expect((await tokenWith(server, copy)).status).toBe(401);
      expect(await sessionWith(server, copy)).toEqual({ user: null });
    });

    it('each sign-in gets a fresh session id, and the one before it stops working', async () => {
      const ada = new Visitor(server.url);
      await ada.signIn('ada');
      const first = sessionCookieOf(ada);
      await ada.signIn('ada');
      const second = sessionCookieOf(ada);
      expect(second).not.toBe(first);
      expect((await tokenWith(server, first)).status).toBe(401);
      expect((await tokenWith(server, second)).status).toBe(200);
    });

    it("session fixation: an id planted in the victim's browser is worth nothing after the victim signs in", async () => {
      const attacker = new Visitor(server.url);
      await attacker.signIn('alan');
      const planted = sessionCookieOf(attacker);
      const victim = await fetch(`${server.url}/api/session`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Cookie: `${SESSION_COOKIE}=${planted}` },
        body: JSON.stringify({ userId: 'ada' }),
      });
      expect(victim.status).toBe(200);
      const issued = victim.headers.getSetCookie()[0]?.split(';')[0].split('=')[1];
      expect(issued).toBeDefined();
      expect(issued).not.toBe(planted);
      expect((await tokenWith(server, planted)).status).toBe(401);
      expect(await sessionWith(server, planted)).toEqual({ user: null });
    });
  });

  describe('3. security headers and a CSP that allows the widget and nothing else', () => {
    it('the landing page: nosniff, no framing, a referrer policy, a CSP with only its own style', async () => {
      const response = await fetch(`${server.url}/`);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toMatch(/style-src 'sha256-[\w+/=]+'/);
      expect(csp).not.toContain('unsafe-inline');
    });

    it("a sample page: scripts from itself, the widget's origin and its build's inline code by hash only", async () => {
      const response = await fetch(`${server.url}/angular/`);
      expect(response.status).toBe(200);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      const directives = new Map(
        (response.headers.get('content-security-policy') ?? '').split(';').map((part) => {
          const [name, ...values] = part.trim().split(/\s+/);
          return [name, values] as const;
        }),
      );
      const widgetOrigin = new URL(server.config.widgetUrl).origin;
      expect(directives.get('script-src')).toEqual([
        "'self'",
        widgetOrigin,
        cspHash('window.started = true;'),
        cspHash("this.media='all'"),
        "'unsafe-hashes'",
      ]);
      expect(directives.get('frame-src')).toEqual([widgetOrigin]);
      expect(directives.get('connect-src')).toEqual(expect.arrayContaining(["'self'", widgetOrigin, widgetOrigin.replace(/^http/, 'ws')]));
      expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
      expect(directives.get('object-src')).toEqual(["'none'"]);
      expect(directives.get('default-src')).toEqual(["'self'"]);
      expect(directives.get('style-src')).toEqual(["'self'", "'unsafe-inline'", widgetOrigin]);
    });

    it('the token answer is JSON that is never sniffed nor stored', async () => {
      const ada = new Visitor(server.url);
      await ada.signIn('ada');
      const response = await ada.postJson('/api/tiledesk-token');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('cache-control')).toBe('no-store');
    });

    it('static sample files and API answers carry nosniff and the no-content CSP', async () => {
      for (const path of ['/angular/main.js', '/api/config']) {
        const response = await fetch(`${server.url}${path}`);
        expect(response.headers.get('x-content-type-options')).toBe('nosniff');
        expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
      }
    });
  });

  describe('4. logs: bounded text, bounded lines, no secrets', () => {
    it('300 refused requests with 8 KB of attacker text give at most 21 short lines', async () => {
      const origin = `http://${'a'.repeat(8000)}.example`;
      for (let batch = 0; batch < 10; batch++) {
        await Promise.all(
          Array.from({ length: 30 }, () =>
            fetch(`${server.url}/api/tiledesk-token`, { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: origin } }),
          ),
        );
      }
      await server.close();
      expect(logger.lines.length).toBeLessThanOrEqual(21);
      expect(Math.max(...logger.lines.map((line) => line.length))).toBeLessThan(400);
    });

    it('a log line loses its control characters and is cut, with a count of what was cut', () => {
      expect(boundLine('refused: a\nforged: line\r\u0007', 300)).toBe('refused: a\\nforged: line\\r?');
      expect(boundLine('x'.repeat(1000), 10)).toBe(`${'x'.repeat(10)}… (990 more characters)`);
    });

    it('the rate limit opens again in the next window, after one summary line', () => {
      let now = 0;
      const sink = capturingLogger();
      const limited = limitLogLines(sink, { burst: 2, intervalMs: 1000, now: () => now });
      for (let i = 0; i < 5; i++) limited.warn(`refused ${i}`);
      now = 1500;
      limited.warn('refused later');
      expect(sink.lines).toEqual([
        'refused 0',
        'refused 1',
        'token-server: 3 more warning/error line(s) in the last 1 s were not logged (rate limit).',
        'refused later',
      ]);
    });

    it.each([
      [
        'a non-UUID secret in TILEDESK_PROJECT_ID',
        { TILEDESK_PROJECT_ID: 'Pr1v4te-Secret-Value', TILEDESK_SHARED_SECRET: SHARED_SECRET },
        'Pr1v4te-Secret-Value',
      ],
      [
        'a secret in TILEDESK_WIDGET_URL',
        { TILEDESK_PROJECT_ID: PROJECT_ID, TILEDESK_SHARED_SECRET: SHARED_SECRET, TILEDESK_WIDGET_URL: 'Pr1v4te-Secret-Value' },
        'Pr1v4te-Secret-Value',
      ],
      [
        'credentials in TILEDESK_WIDGET_URL',
        {
          TILEDESK_PROJECT_ID: PROJECT_ID,
          TILEDESK_SHARED_SECRET: SHARED_SECRET,
          TILEDESK_WIDGET_URL: 'https://me:Pr1v4te@w.example/launch.js',
        },
        'Pr1v4te',
      ],
      ['a secret in TOKEN_EXPIRES_IN', { TOKEN_EXPIRES_IN: SHARED_SECRET }, SHARED_SECRET],
      ['a secret in PORT', { PORT: SHARED_SECRET }, SHARED_SECRET],
      ['a weak SESSION_SECRET', { SESSION_SECRET: 'Pr1v4te' }, 'Pr1v4te'],
    ])('a configuration error for %s never prints the value', (_label, env, secretText) => {
      const error = configError(env);
      expect(error.message).not.toContain(secretText);
    });
  });

  describe('5. --check-config checks SESSION_SECRET and the widget URL', () => {
    it.each([
      ['blank', ' \t  '],
      ['short', 'only-twenty-chars-xx'],
      ['repeating', 'ab'.repeat(20)],
    ])('a %s SESSION_SECRET is refused', (_label, sessionSecret) => {
      expect(configError({ SESSION_SECRET: sessionSecret }).setting).toBe('SESSION_SECRET');
    });

    it('a random 32+ character SESSION_SECRET is accepted', () => {
      expect(tokenServerOptionsFromEnv({ SESSION_SECRET }).sessionSecret).toBe(SESSION_SECRET);
    });

    it.each([
      ['a whitespace-only SESSION_SECRET', { SESSION_SECRET: '      ' }, /^token-server: SESSION_SECRET is blank/],
      [
        'a widget URL that is not a launch.js',
        { TILEDESK_PROJECT_ID: PROJECT_ID, TILEDESK_SHARED_SECRET: SHARED_SECRET, TILEDESK_WIDGET_URL: 'https://widget.example.com/v6/' },
        /^token-server: TILEDESK_WIDGET_URL must be an http\(s\) URL ending in \/launch\.js/,
      ],
    ])('npm start stops at once on %s, in one line', async (_label, env, message) => {
      const { code, output } = await checkConfig(env);
      expect(code).toBe(1);
      expect(output.trimEnd().split('\n')).toHaveLength(1);
      expect(output).toMatch(message);
    });
  });
});

describe('token server security (tiledesk mode)', () => {
  it('the sample CSP allows the cloud widget and the origins listed in CSP_CONNECT_SRC', async () => {
    const logger = capturingLogger();
    const options = tokenServerOptionsFromEnv({
      TILEDESK_PROJECT_ID: PROJECT_ID,
      TILEDESK_SHARED_SECRET: SHARED_SECRET,
      CSP_CONNECT_SRC: 'https://api.example.com/v3/, wss://chat.example.com/mqws/ws',
    });
    expect(options.cspConnectSrc).toEqual(['https://api.example.com', 'wss://chat.example.com']);
    const samplesDir = mkdtempSync(join(tmpdir(), 'token-server-security-'));
    mkdirSync(join(samplesDir, 'react-sample'));
    writeFileSync(join(samplesDir, 'react-sample', 'index.html'), '<!doctype html><script type="module" src="/react/app.js"></script>');
    const server = await startTokenServer({ ...options, port: 0, logger, samplesDir });
    try {
      const csp = (await fetch(`${server.url}/react/`)).headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self' https://widget.tiledesk.com;");
      expect(csp).toContain('frame-src https://widget.tiledesk.com;');
      expect(csp).toContain(
        "connect-src 'self' https://widget.tiledesk.com wss://widget.tiledesk.com https://api.example.com wss://api.example.com wss://chat.example.com",
      );
      // The real widget's fonts and logos, as style sheets, fonts and images only.
      expect(csp).toContain("font-src 'self' data: https://widget.tiledesk.com https://fonts.gstatic.com;");
      expect(csp).toContain("style-src 'self' 'unsafe-inline' https://widget.tiledesk.com https://fonts.googleapis.com;");
      expect(logger.lines.join('\n')).not.toMatch(/CSP_CONNECT_SRC/);
    } finally {
      await server.close();
      rmSync(samplesDir, { recursive: true, force: true });
    }
    expect(() => tokenServerOptionsFromEnv({ CSP_CONNECT_SRC: 'https://api.example.com' })).toThrow(/for a real Tiledesk project/);
    expect(
      configError({ TILEDESK_PROJECT_ID: PROJECT_ID, TILEDESK_SHARED_SECRET: SHARED_SECRET, CSP_CONNECT_SRC: "'unsafe-inline'" }).setting,
    ).toBe('CSP_CONNECT_SRC');
  });

  it('without CSP_CONNECT_SRC, the start-up log says what to add', async () => {
    const logger = capturingLogger();
    const server = await startTokenServer({
      tiledesk: { projectId: PROJECT_ID, secret: SHARED_SECRET },
      port: 0,
      logger,
      samplesDir: '/nonexistent-samples',
    });
    await server.close();
    expect(logger.lines.join('\n')).toMatch(
      /set CSP_CONNECT_SRC to the origins of apiUrl and chat21Config.MQTTendpoint in https:\/\/widget\.tiledesk\.com\/v6\/widget-config\.json/,
    );
  });
});
