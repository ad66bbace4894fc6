import type { IncomingMessage } from 'node:http';
import { jwtVerify } from 'jose';
import jsonwebtoken from 'jsonwebtoken';
import { PROJECT_ID, SECRET } from '../test-support/fixtures.js';
import { fetchHandlerListener, listenOnLoopback, type LoopbackServer } from '../test-support/http.js';
import { createTokenHandler } from './fetch-token-handler.js';
import { createNodeTokenHandler } from './node-token-handler.js';
import { TiledeskTokenError } from './tiledesk-token-error.js';
import type { TokenHandlerLogger } from './token-logger.js';
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

  it.each([
    ['bad project id', { projectId: 'x', secret: SECRET, getUser }, 'invalid-project-id'],
    ['short secret', { projectId: PROJECT_ID, secret: 'short', getUser }, 'invalid-secret'],
    ['zero expiresIn', { projectId: PROJECT_ID, secret: SECRET, getUser, expiresIn: 0 }, 'invalid-expires-in'],
    ['no getUser', { projectId: PROJECT_ID, secret: SECRET }, 'invalid-handler-options'],
    ['bad allowed origin', { projectId: PROJECT_ID, secret: SECRET, getUser, allowedOrigins: ['not a url'] }, 'invalid-handler-options'],
  ])('are checked at creation: %s', (_label, options, code) => {
    const create = () => createTokenHandler(options as Parameters<typeof createTokenHandler>[0]);
    expect(create).toThrow(TiledeskTokenError);
    expect(create).toThrow(expect.objectContaining({ code }));
    expect(() => createNodeTokenHandler(options as Parameters<typeof createNodeTokenHandler>[0])).toThrow(
      expect.objectContaining({ code }),
    );
  });

  it('honours expiresIn', async () => {
    const handler = createTokenHandler({ projectId: PROJECT_ID, secret: SECRET, expiresIn: 60, logger: {}, getUser: () => ADA });
    const before = Date.now();
    const response = await handler(
      new Request('http://127.0.0.1/api/tiledesk-token', { method: 'POST', headers: { 'Content-Type': 'application/json' } }),
    );
    const { expiresAt } = (await response.json()) as { expiresAt: number };
    expect(expiresAt).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 + 60_000);
    expect(expiresAt).toBeLessThanOrEqual(before + 61_000);
  });
});
