import type { IncomingMessage, ServerResponse } from 'node:http';
import { capturingLogger, Visitor } from '../test-support/http-client';
import { type RunningTokenServer, startTokenServer } from './start-token-server';
import { type NodeMiddleware, TOKEN_PATH, tokenRequestsFirst } from './token-fast-path';

function fakeRequest(method: string, url: string): IncomingMessage {
  return { method, url } as IncomingMessage;
}
const RESPONSE = {} as ServerResponse;

describe('tokenRequestsFirst', () => {
  function recorder() {
    const calls: string[] = [];
    const errors: unknown[] = [];
    const step =
      (name: string, failure?: Error): NodeMiddleware =>
      (_req, _res, next) => {
        calls.push(name);
        next(failure);
      };
    return { calls, errors, step, onError: (error: unknown) => errors.push(error) };
  }

  it('runs POST /api/tiledesk-token through the middleware in order, then the route, without the app', () => {
    const { calls, errors, step, onError } = recorder();
    const listener = tokenRequestsFirst({
      app: () => calls.push('app'),
      middleware: [step('headers'), step('sessions')],
      route: () => void calls.push('route'),
      onError,
    });
    listener(fakeRequest('POST', TOKEN_PATH), RESPONSE);
    expect(calls).toEqual(['headers', 'sessions', 'route']);
    expect(errors).toEqual([]);
  });

  it.each([
    ['GET', TOKEN_PATH],
    ['POST', `${TOKEN_PATH}/`],
    ['POST', `${TOKEN_PATH}?retry=1`],
    ['POST', '/API/tiledesk-token'],
    ['POST', '/api/session'],
  ])('hands %s %s to the app, which mounts the same chain', (method, url) => {
    const { calls, step, onError } = recorder();
    const listener = tokenRequestsFirst({ app: () => calls.push('app'), middleware: [step('headers')], route: () => undefined, onError });
    listener(fakeRequest(method, url), RESPONSE);
    expect(calls).toEqual(['app']);
  });

  it("stops at a middleware's error and answers it with onError", () => {
    const { calls, errors, step, onError } = recorder();
    const failure = new Error('store down');
    const listener = tokenRequestsFirst({
      app: () => calls.push('app'),
      middleware: [step('headers'), step('sessions', failure), step('never')],
      route: () => void calls.push('route'),
      onError,
    });
    listener(fakeRequest('POST', TOKEN_PATH), RESPONSE);
    expect(calls).toEqual(['headers', 'sessions']);
    expect(errors).toEqual([failure]);
  });

  it('answers a route that throws or rejects with onError', async () => {
    const { errors, onError } = recorder();
    const thrown = new Error('thrown');
    const rejected = new Error('rejected');
    const throwing = tokenRequestsFirst({
      app: () => undefined,
      middleware: [],
      route: () => {
        throw thrown;
      },
      onError,
    });
    const rejecting = tokenRequestsFirst({ app: () => undefined, middleware: [], route: () => Promise.reject(rejected), onError });
    throwing(fakeRequest('POST', TOKEN_PATH), RESPONSE);
    rejecting(fakeRequest('POST', TOKEN_PATH), RESPONSE);
    await new Promise((resolve) => setImmediate(resolve));
    expect(errors).toEqual([thrown, rejected]);
  });
});

describe('the token endpoint on the fast path, over real HTTP', () => {
  let server: RunningTokenServer;

  beforeEach(async () => {
    server = await startTokenServer({ port: 0, host: '127.0.0.1', logger: capturingLogger(), samplesDir: '/nonexistent-samples' });
  });
  afterEach(() => server.close());

  /** The headers helmet sets, as a map of the ones that are not per-response. */
  function securityHeaders(response: Response): Record<string, string | null> {
    const names = [
      'content-security-policy',
      'x-frame-options',
      'x-content-type-options',
      'referrer-policy',
      'strict-transport-security',
      'cross-origin-opener-policy',
      'cross-origin-resource-policy',
      'x-powered-by',
    ];
    return Object.fromEntries(names.map((name) => [name, response.headers.get(name)]));
  }

  it("carries helmet's headers and CSP exactly as the other API routes do", async () => {
    const visitor = new Visitor(server.url);
    await visitor.signIn('ada');
    const token = await visitor.postJson(TOKEN_PATH);
    const config = await visitor.request('/api/config');
    expect(token.status).toBe(200);
    expect(securityHeaders(token)).toEqual(securityHeaders(config));
    expect(token.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(token.headers.get('x-frame-options')).toBe('DENY');
    expect(token.headers.get('x-content-type-options')).toBe('nosniff');
    expect(token.headers.get('cache-control')).toBe('no-store');
  });

  it('answers like the Express route does for the same visitor (the path with a query goes through Express)', async () => {
    const visitor = new Visitor(server.url);
    await visitor.signIn('grace');
    const fast = await visitor.postJson(TOKEN_PATH);
    const routed = await visitor.postJson(`${TOKEN_PATH}?via=express`);
    expect(fast.status).toBe(200);
    expect(routed.status).toBe(200);
    expect(securityHeaders(fast)).toEqual(securityHeaders(routed));
    const fastBody = (await fast.json()) as { token: string };
    const routedBody = (await routed.json()) as { token: string };
    const claims = (body: { token: string }) => JSON.parse(Buffer.from(body.token.split('.')[1], 'base64url').toString('utf8')) as object;
    expect(claims(fastBody)).toMatchObject({ email: 'grace@example.com' });
    expect(claims(routedBody)).toMatchObject({ email: 'grace@example.com' });
  });

  it('checks the session with express-session: an unsigned or unknown session id is no session', async () => {
    const visitor = new Visitor(server.url);
    await visitor.signIn('ada');
    const sessionId = /s%3A([\w-]+)\./.exec(visitor.cookieHeader)?.[1];
    expect(sessionId).toBeDefined();
    for (const cookie of [`tiledesk_demo_session=${sessionId}`, 'tiledesk_demo_session=s%3Aunknown.forged']) {
      const response = await fetch(`${server.url}${TOKEN_PATH}`, {
        method: 'POST',
        headers: { Cookie: cookie, 'Content-Type': 'application/json' },
      });
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: 'not-signed-in' });
    }
  });
});
