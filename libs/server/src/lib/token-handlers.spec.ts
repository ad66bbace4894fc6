import type { IncomingMessage } from 'node:http';
import { jwtVerify } from 'jose';
import jsonwebtoken from 'jsonwebtoken';
import { PROJECT_ID, SECRET } from '../test-support/fixtures.js';
import { fetchHandlerListener, listenOnLoopback, type LoopbackServer } from '../test-support/http.js';
import { assertTokenHandlerOptions } from './assert-token-handler-options.js';
import { createTokenHandler } from './fetch-token-handler.js';
import { createNodeTokenHandler } from './node-token-handler.js';
import { TiledeskTokenError } from './tiledesk-token-error.js';
import type { TokenHandlerLogger } from './token-logger.js';
import type { TokenHandlerOptions } from './token-request.js';
import type { TiledeskVisitor } from './visitor.js';

const ADA: TiledeskVisitor = { id: 'ada', email: 'ada@example.com', firstname: 'Ada', lastname: 'Lovelace' };

/** Signed in when the request carries `Cookie: user=<id>`; the test stands in for a real session. */
function userFromCookie(cookie: string | null | undefined): TiledeskVisitor | null {
  const id = /(?:^|;\s*)user=([^;]+)/.exec(cookie ?? '')?.[1];
  if (id === 'ada') return ADA;
  if (id === 'role') return { id: 'x', role: 'owner' } as unknown as TiledeskVisitor;
  if (id === 'boom') throw new Error('session store down');
  // A lazily loaded field (an ORM entity, a Proxy) that fails while the token is being built.
  if (id === 'lazy') {
    return {
      id: 'ada',
      get attributes(): never {
        throw new Error('attributes failed to load');
      },
    };
  }
  return null;
}

function capturingLogger(): TokenHandlerLogger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (m) => lines.push(`info ${m}`),
    warn: (m) => lines.push(`warn ${m}`),
    error: (m) => lines.push(`error ${m}`),
  };
}

type Transport = 'fetch' | 'node';

async function startHandler(transport: Transport, logger: TokenHandlerLogger, allowedOrigins?: string[]): Promise<LoopbackServer> {
  const common = { projectId: PROJECT_ID, secret: SECRET, logger, allowedOrigins };
  if (transport === 'fetch') {
    const handler = createTokenHandler({ ...common, getUser: (request) => userFromCookie(request.headers.get('cookie')) });
    return listenOnLoopback(fetchHandlerListener(handler));
  }
  const handler = createNodeTokenHandler<IncomingMessage>({ ...common, getUser: (req) => userFromCookie(req.headers.cookie) });
  return listenOnLoopback((req, res) => void handler(req, res));
}

describe.each<Transport>(['fetch', 'node'])('%s token handler over real HTTP', (transport) => {
  let server: LoopbackServer;
  let logger: ReturnType<typeof capturingLogger>;
  const json = { 'Content-Type': 'application/json' };

  beforeEach(async () => {
    logger = capturingLogger();
    server = await startHandler(transport, logger, ['https://app.example.com']);
  });
  afterEach(() => server.close());

  const post = (headers: Record<string, string>) => fetch(`${server.url}/api/tiledesk-token`, { method: 'POST', headers, body: '{}' });

  it('mints a token for the signed-in user, no-store, no CORS', async () => {
    const response = await post({ ...json, Cookie: 'user=ada' });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const text = await response.text();
    if (transport === 'node') expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength(text)));
    const body = JSON.parse(text) as { token: string; expiresAt: number };
    expect(body.token).toMatch(/^JWT [\w-]+\.[\w-]+\.[\w-]+$/);
    const jwt = body.token.slice(4);
    const { payload } = await jwtVerify(jwt, new TextEncoder().encode(SECRET), { algorithms: ['HS256'] });
    expect(payload).toMatchObject({ _id: `${PROJECT_ID}_ada`, sub: 'userexternal', email: 'ada@example.com' });
    expect(body.expiresAt).toBe((payload.exp as number) * 1000);
    expect(jsonwebtoken.verify(jwt, SECRET)).toMatchObject({ _id: `${PROJECT_ID}_ada` });
  });

  it('never writes the token or the secret to the logger', async () => {
    const body = (await (await post({ ...json, Cookie: 'user=ada' })).json()) as { token: string };
    await post({ ...json, Cookie: 'user=role' });
    await post({ ...json, Cookie: 'user=boom' });
    await post({ ...json, Origin: 'https://evil.example' });
    expect(logger.lines.length).toBeGreaterThanOrEqual(4);
    expect(logger.lines[0]).toMatch(/issued for user "ada"/);
    const all = logger.lines.join('\n');
    expect(all).not.toContain(body.token.slice(4, 40));
    expect(all).not.toContain(body.token.split('.')[2]);
    expect(all).not.toContain(SECRET);
  });

  it('answers 401 not-signed-in without a session', async () => {
    const response = await post(json);
    expect(response.status).toBe(401);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toMatchObject({ error: 'not-signed-in' });
  });

  it.each(['GET', 'PUT', 'DELETE', 'OPTIONS'])('answers %s with 405 and Allow: POST', async (method) => {
    const response = await fetch(`${server.url}/api/tiledesk-token`, { method, headers: { Cookie: 'user=ada' } });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toMatchObject({ error: 'method-not-allowed' });
  });

  it.each([
    ['a form post (text/plain)', { 'Content-Type': 'text/plain', Cookie: 'user=ada' }, /Content-Type/],
    ['no content type', { Cookie: 'user=ada' }, /Content-Type/],
    ['another Origin', { ...json, Cookie: 'user=ada', Origin: 'https://evil.example' }, /another origin/],
    ['a cross-site fetch', { ...json, Cookie: 'user=ada', 'Sec-Fetch-Site': 'cross-site' }, /cross-site/],
    ['a same-site fetch from a sibling subdomain', { ...json, Cookie: 'user=ada', 'Sec-Fetch-Site': 'same-site' }, /same-site/],
    ['an Origin that is not a URL', { ...json, Cookie: 'user=ada', Origin: 'not a url' }, /not an http\(s\) origin/],
    ['the null Origin', { ...json, Cookie: 'user=ada', Origin: 'null' }, /"null"/],
  ])('refuses %s with 403 and a JSON reason', async (_label, headers, reason) => {
    const response = await post(headers);
    expect(response.status).toBe(403);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as { error: string; message: string };
    expect(body.error).toBe('cross-site-request');
    expect(body.message).toMatch(reason);
  });

  it('accepts its own origin and an allowed origin', async () => {
    const own = await post({ ...json, Cookie: 'user=ada', Origin: server.url, 'Sec-Fetch-Site': 'same-origin' });
    expect(own.status).toBe(200);
    const allowed = await post({ ...json, Cookie: 'user=ada', Origin: 'https://app.example.com', 'Sec-Fetch-Site': 'cross-site' });
    expect(allowed.status).toBe(200);
  });

  it('answers 500 get-user-failed when getUser throws', async () => {
    const response = await post({ ...json, Cookie: 'user=boom' });
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({ error: 'get-user-failed' });
    expect(logger.lines.join('\n')).toMatch(/session store down/);
  });

  it('answers 500 invalid-user naming the field, and keeps serving, when a user field cannot be read', async () => {
    const response = await post({ ...json, Cookie: 'user=lazy' });
    expect(response.status).toBe(500);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toMatchObject({ error: 'invalid-user', message: expect.stringMatching(/user\.attributes/) });
    expect(logger.lines.join('\n')).toMatch(/error .*invalid-attributes \(user\.attributes\).*getter threw/);
    expect((await post({ ...json, Cookie: 'user=ada' })).status).toBe(200);
  });

  it('refuses to mint for a user carrying a role', async () => {
    const response = await post({ ...json, Cookie: 'user=role' });
    expect(response.status).toBe(500);
    const body = (await response.json()) as { error: string; token?: string };
    expect(body.error).toBe('invalid-user');
    expect(body.token).toBeUndefined();
    expect(logger.lines.join('\n')).toMatch(/reserved-claim \(user\.role\)/);
  });
});

describe('token handler options', () => {
  const getUser = () => null;

  const post = () =>
    new Request('http://127.0.0.1/api/tiledesk-token', { method: 'POST', headers: { 'Content-Type': 'application/json' } });

  it.each([
    ['bad project id', { projectId: 'x', secret: SECRET, getUser }, 'invalid-project-id', 'projectId'],
    ['short secret', { projectId: PROJECT_ID, secret: 'short', getUser }, 'invalid-secret', 'secret'],
    ['no secret (a build without the environment)', { projectId: PROJECT_ID, secret: undefined, getUser }, 'invalid-secret', 'secret'],
    ['zero expiresIn', { projectId: PROJECT_ID, secret: SECRET, getUser, expiresIn: 0 }, 'invalid-expires-in', 'expiresIn'],
    ['no getUser', { projectId: PROJECT_ID, secret: SECRET }, 'invalid-handler-options', 'getUser'],
    [
      'bad allowed origin',
      { projectId: PROJECT_ID, secret: SECRET, getUser, allowedOrigins: ['not a url'] },
      'invalid-handler-options',
      'allowedOrigins',
    ],
  ])('are checked at the first request, not at creation: %s', async (_label, options, code, field) => {
    const logger = capturingLogger();
    const given = { ...options, logger } as TokenHandlerOptions<Request>;
    const handler = createTokenHandler(given);
    expect(() => createNodeTokenHandler(given as unknown as TokenHandlerOptions<IncomingMessage>)).not.toThrow();
    for (let attempt = 0; attempt < 2; attempt++) {
      const response = await handler(post());
      expect(response.status).toBe(500);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(await response.json()).toEqual({ error: 'internal-error', message: 'Could not issue a token; the server log says why.' });
    }
    // One line per request, naming the option, never the secret.
    expect(logger.lines).toHaveLength(2);
    expect(logger.lines[0]).toMatch(
      new RegExp(
        `^error Tiledesk token: createTokenHandler\\(\\) is misconfigured \\(${code}, option ${field}\\): ${field} .* Every token request answers 500 until this is fixed\\.$`,
      ),
    );
    expect(logger.lines.join('\n')).not.toContain(SECRET);
    expect(() => assertTokenHandlerOptions(given)).toThrow(expect.objectContaining({ code, field }));
  });

  it('assertTokenHandlerOptions passes good options, so a server can fail fast at start-up', () => {
    expect(() => assertTokenHandlerOptions({ projectId: PROJECT_ID, secret: SECRET, getUser })).not.toThrow();
    expect(() => assertTokenHandlerOptions({ projectId: PROJECT_ID, secret: '', getUser })).toThrow(TiledeskTokenError);
  });

  it('takes its options from a function at the first request, and again after a wrong answer', async () => {
    const environment: Record<string, string | undefined> = {};
    let calls = 0;
    const logger = capturingLogger();
    const handler = createTokenHandler(() => {
      calls += 1;
      return { projectId: PROJECT_ID, secret: environment['SECRET'] ?? '', logger, getUser: () => ADA };
    });
    expect(calls).toBe(0);
    expect((await handler(post())).status).toBe(500);
    expect(logger.lines).toEqual([expect.stringMatching(/option secret\): secret is missing/)]);
    environment['SECRET'] = SECRET;
    const [first, second] = await Promise.all([handler(post()), handler(post())]);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect((await handler(post())).status).toBe(200);
    // Wrong once, then read once for two concurrent requests, then kept.
    expect(calls).toBe(2);
  });

  it('answers 500 and logs once per request while an async options function rejects, without UUIDs', async () => {
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      let vaultUp = false;
      const handler = createNodeTokenHandler(async () => {
        if (!vaultUp) throw new Error(`vault down while reading ${SECRET}`);
        return { projectId: PROJECT_ID, secret: SECRET, logger: {}, getUser: () => ADA };
      });
      const server = await listenOnLoopback((req, res) => void handler(req, res));
      try {
        const post = () =>
          fetch(`${server.url}/api/tiledesk-token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
        expect((await post()).status).toBe(500);
        expect((await post()).status).toBe(500);
        vaultUp = true;
        expect((await post()).status).toBe(200);
      } finally {
        await server.close();
      }
      const lines = errors.mock.calls.map((call) => String(call[0]));
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(/the options function of createNodeTokenHandler\(\) threw "Error": "vault down while reading \[uuid\]"/);
      expect(lines.join('\n')).not.toContain(SECRET);
    } finally {
      errors.mockRestore();
    }
  });

  it.each<[string, () => unknown, number]>([
    ['a value', () => ADA, 200],
    ['a promise', async () => ADA, 200],
    ['a thenable that is not a promise', () => ({ then: (resolve: (user: TiledeskVisitor) => void) => resolve(ADA) }), 200],
    ['a promise of null', async () => null, 401],
    ['a rejected promise', () => Promise.reject(new Error('session store down')), 500],
    [
      'a thenable whose then() throws',
      () => ({
        then: () => {
          throw new Error('broken then');
        },
      }),
      500,
    ],
  ])('waits for getUser() returning %s as await would', async (_label, getUserResult, status) => {
    const handler = createNodeTokenHandler({
      projectId: PROJECT_ID,
      secret: SECRET,
      logger: {},
      getUser: getUserResult as () => TiledeskVisitor,
    });
    const server = await listenOnLoopback((req, res) => void handler(req, res));
    try {
      const response = await fetch(`${server.url}/api/tiledesk-token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{}',
      });
      expect(response.status).toBe(status);
      if (status === 500) expect(await response.json()).toMatchObject({ error: 'get-user-failed' });
    } finally {
      await server.close();
    }
  });

  it('honours expiresIn', async () => {
    const handler = createTokenHandler({ projectId: PROJECT_ID, secret: SECRET, expiresIn: 60, logger: {}, getUser: () => ADA });
    const before = Date.now();
    const response = await handler(post());
    const { expiresAt } = (await response.json()) as { expiresAt: number };
    expect(expiresAt).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 60_000);
    expect(expiresAt).toBeLessThanOrEqual(before + 61_000);
  });
});
