import { decodeJwt, jwtVerify } from 'jose';
import jsonwebtoken from 'jsonwebtoken';
import { capturingLogger, Visitor } from '../test-support/http-client';
import { DEMO_USERS } from './demo-users';
import { type RunningTokenServer, startTokenServer } from './start-token-server';

type TokenBody = { token: string; expiresAt: number };

describe('token server in emulator mode, over real HTTP', () => {
  let server: RunningTokenServer;
  let logger: ReturnType<typeof capturingLogger>;
  let visitor: Visitor;

  beforeEach(async () => {
    logger = capturingLogger();
    server = await startTokenServer({ port: 0, host: '127.0.0.1', logger, samplesDir: '/nonexistent-samples' });
    visitor = new Visitor(server.url);
  });
  afterEach(() => server.close());

  const signInWithEmulator = (token: string) =>
    fetch(`${server.emulator?.apiUrl}auth/signinWithCustomToken`, { method: 'POST', headers: { Authorization: token } });

  it('starts the emulator on another origin and describes it in /api/config', async () => {
    const response = await visitor.request('/api/config');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const config = (await response.json()) as Record<string, unknown>;
    expect(config).toEqual({
      projectId: server.project?.id,
      widgetUrl: server.project?.widgetUrl,
      mode: 'emulator',
      widget: 'emulated',
    });
    expect(config['projectId']).toMatch(/^[0-9a-f]{24}$/);
    expect(new URL(config['widgetUrl'] as string).origin).not.toBe(server.url);
    expect(config['widgetUrl']).toMatch(/\/launch\.js$/);
  });

  it('lists the demo users ada, grace and alan', async () => {
    const users = (await (await visitor.request('/api/demo-users')).json()) as Array<Record<string, string>>;
    expect(users.map((u) => u.id)).toEqual(['ada', 'grace', 'alan']);
    expect(Object.keys(users[0]).sort()).toEqual(['email', 'firstname', 'id', 'lastname']);
  });

  it('signs in and out with a signed, httpOnly, SameSite=Lax cookie', async () => {
    expect(await (await visitor.request('/api/session')).json()).toEqual({ user: null });
    const signIn = await visitor.signIn('grace');
    expect(await signIn.json()).toEqual({ user: DEMO_USERS[1] });
    const cookie = signIn.headers.getSetCookie()[0];
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/^tiledesk_demo_session=s%3A[\w-]{24,}\./);
    expect(cookie).not.toMatch(/Secure/);
    expect(await (await visitor.request('/api/session')).json()).toEqual({ user: DEMO_USERS[1] });
    expect(await (await visitor.request('/api/session', { method: 'DELETE' })).json()).toEqual({ user: null });
    expect(await (await visitor.request('/api/session')).json()).toEqual({ user: null });
  });

  it('marks the session cookie Secure when a loopback TLS proxy says the visitor came over https', async () => {
    const headers = { 'Content-Type': 'application/json', 'X-Forwarded-Proto': 'https' };
    const signIn = await fetch(`${server.url}/api/session`, { method: 'POST', headers, body: '{"userId":"ada"}' });
    expect(signIn.status).toBe(200);
    expect(signIn.headers.getSetCookie()[0]).toMatch(/; Secure/);
    const signOut = await fetch(`${server.url}/api/session`, { method: 'DELETE', headers });
    expect(signOut.headers.getSetCookie()[0]).toMatch(/^tiledesk_demo_session=;.*; Secure/);
  });

  it('ignores a session cookie whose signature was forged', async () => {
    await visitor.signIn('ada');
    const forged = visitor.cookieHeader.replace(/s%3A[\w-]+\./, 's%3Aalan.');
    const response = await fetch(`${server.url}/api/session`, { headers: { Cookie: forged } });
    expect(await response.json()).toEqual({ user: null });
    const token = await fetch(`${server.url}/api/tiledesk-token`, {
      method: 'POST',
      headers: { Cookie: forged, 'Content-Type': 'application/json' },
    });
    expect(token.status).toBe(401);
  });

  it.each([
    ['an unknown user', { userId: 'mallory' }],
    ['no user id', {}],
  ])('refuses to sign in %s with 400', async (_label, body) => {
    const response = await visitor.postJson('/api/session', body);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'unknown-user' });
  });

  it.each([
    ['text/plain', '{"userId":"ada"}'],
    ['application/x-www-form-urlencoded', 'userId=ada'],
  ])('never starts a session from a %s post, what a cross-site form can send', async (contentType, body) => {
    const response = await visitor.request('/api/session', { method: 'POST', headers: { 'Content-Type': contentType }, body });
    expect(response.status).toBe(400);
    expect(response.headers.getSetCookie()).toEqual([]);
    expect(await (await visitor.request('/api/session')).json()).toEqual({ user: null });
  });

  it('answers malformed JSON with a JSON 400', async () => {
    const response = await visitor.request('/api/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'bad-request' });
  });

  it('answers 401 not-signed-in without a session', async () => {
    const { status, body } = await visitor.token();
    expect(status).toBe(401);
    expect(body).toMatchObject({ error: 'not-signed-in' });
  });

  it('mints a token the emulator, jose and jsonwebtoken all accept', async () => {
    await visitor.signIn('ada');
    const response = await visitor.postJson('/api/tiledesk-token');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const { token, expiresAt } = (await response.json()) as TokenBody;
    const jwt = token.slice('JWT '.length);
    const secret = server.project?.secret ?? '';
    const { payload } = await jwtVerify(jwt, new TextEncoder().encode(secret));
    expect(payload).toMatchObject({
      _id: `${server.config.projectId}_ada`,
      sub: 'userexternal',
      aud: `https://tiledesk.com/projects/${server.config.projectId}`,
      email: 'ada@example.com',
      firstname: 'Ada',
      lastname: 'Lovelace',
    });
    expect(payload['role']).toBeUndefined();
    expect(expiresAt).toBe((payload.exp as number) * 1000);
    expect((payload.exp as number) - (payload.iat as number)).toBe(600);
    expect(jsonwebtoken.verify(jwt, secret)).toMatchObject({ sub: 'userexternal' });
    expect((await signInWithEmulator(token)).status).toBe(200);
  });

  it('refuses GET with 405 and cross-site posts with 403', async () => {
    await visitor.signIn('ada');
    const get = await visitor.request('/api/tiledesk-token');
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    const form = await visitor.request('/api/tiledesk-token', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{}' });
    expect(form.status).toBe(403);
    const crossSite = await visitor.request('/api/tiledesk-token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example' },
    });
    expect(crossSite.status).toBe(403);
    expect(await crossSite.json()).toMatchObject({ error: 'cross-site-request' });
  });

  it('test hook token-expires-in changes the lifetime of later tokens', async () => {
    await visitor.signIn('ada');
    expect((await visitor.postJson('/__test/token-expires-in', { seconds: 30 })).status).toBe(200);
    const { token } = (await visitor.token()).body as TokenBody;
    const claims = decodeJwt(token.slice(4));
    expect((claims.exp as number) - (claims.iat as number)).toBe(30);
    expect((await visitor.postJson('/__test/token-expires-in', { seconds: 0 })).status).toBe(400);
    expect((await visitor.postJson('/__test/token-expires-in', { seconds: '30' })).status).toBe(400);
  });

  it('test hook token-fault fails the next requests, then recovers', async () => {
    await visitor.signIn('ada');
    expect((await visitor.postJson('/__test/token-fault', { status: 503, times: 2 })).status).toBe(200);
    expect((await visitor.token()).status).toBe(503);
    expect((await visitor.token()).status).toBe(503);
    expect((await visitor.token()).status).toBe(200);
    expect((await visitor.postJson('/__test/token-fault', { times: 1 })).status).toBe(200);
    expect((await visitor.token()).status).toBe(500);
    expect((await visitor.postJson('/__test/token-fault', { status: 200, times: 1 })).status).toBe(400);
    expect((await visitor.postJson('/__test/token-fault', { status: 500 })).status).toBe(400);
  });

  it('test hook token-fault can hang a request until the client gives up', async () => {
    await visitor.signIn('ada');
    await visitor.postJson('/__test/token-fault', { hang: true, times: 1 });
    const hung = visitor.request('/api/tiledesk-token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      signal: AbortSignal.timeout(300),
    });
    await expect(hung).rejects.toThrow();
    expect((await visitor.token()).status).toBe(200);
  });

  it('test hook secret switches the signing secret (after an emulator rotation)', async () => {
    await visitor.signIn('ada');
    const emulator = server.emulator;
    if (!emulator) throw new Error('no emulator');
    const before = (await visitor.token()).body as TokenBody;
    const newSecret = emulator.rotateSecret(server.config.projectId);
    expect((await signInWithEmulator(before.token)).status).toBe(401);
    expect((await visitor.postJson('/__test/secret', { secret: newSecret })).status).toBe(200);
    const after = (await visitor.token()).body as TokenBody;
    expect(jsonwebtoken.verify(after.token.slice(4), newSecret)).toBeTruthy();
    expect((await signInWithEmulator(after.token)).status).toBe(200);
    const bad = await visitor.postJson('/__test/secret', { secret: 'short' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: 'bad-request' });
    expect((await visitor.token()).status).toBe(200);
  });

  it('never logs a token or a secret', async () => {
    await visitor.signIn('ada');
    const { token } = (await visitor.token()).body as TokenBody;
    await visitor.request('/api/tiledesk-token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example' },
    });
    await visitor.postJson('/__test/secret', { secret: 'too-short' });
    expect(logger.lines.length).toBeGreaterThan(0);
    const all = logger.lines.join('\n');
    expect(all).not.toContain(token.slice(4, 60));
    expect(all).not.toContain(token.split('.')[2]);
    expect(all).not.toContain(server.project?.secret);
  });

  it('serves a landing page linking both samples, and a clear 404 for unbuilt samples', async () => {
    const landing = await (await visitor.request('/')).text();
    expect(landing).toContain('href="/react/"');
    expect(landing).toContain('href="/angular/"');
    const react = await visitor.request('/react/');
    expect(react.status).toBe(404);
    expect(await react.text()).toContain('npx nx build react-sample');
    const angular = await visitor.request('/angular/some/route');
    expect(angular.status).toBe(404);
    expect(await angular.text()).toContain('npx nx build angular-sample');
  });

  it('answers unknown API routes with JSON 404', async () => {
    const response = await visitor.request('/api/nope');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: 'not-found' });
  });

  it('close() stops the emulator too and can be called twice', async () => {
    const emulatorUrl = server.emulator?.url;
    await server.close();
    await server.close();
    await expect(fetch(`${emulatorUrl}/v6/launch.js`)).rejects.toThrow();
    await expect(fetch(`${server.url}/api/config`)).rejects.toThrow();
  });
});
