/**
 * @jest-environment node
 */
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { connectTiledeskEmulator } from '../client';
import { http, signIn, type HttpAnswer } from '../test-support/http';
import { CONTROL_TOKEN_HEADER } from './control-guard';
import { startTiledeskEmulator } from './emulator';
import type { EmulatedProject, TiledeskEmulator } from './types';

// Attacks on the emulator a developer runs beside their browser, each with the answer it must get.
// Unless a case is about the token, requests carry the right one: each check must hold on its own.

let emulator: TiledeskEmulator;
let project: EmulatedProject;

beforeAll(async () => {
  emulator = await startTiledeskEmulator({ bootDelayMs: 0 });
});
afterAll(() => emulator.close());
beforeEach(() => {
  project = emulator.createProject();
});

const port = (): string => new URL(emulator.url).port;
const withToken = (headers: Record<string, string> = {}): Record<string, string> => ({
  [CONTROL_TOKEN_HEADER]: emulator.controlToken,
  ...headers,
});
const json = { 'Content-Type': 'application/json' };

function control(method: string, op: string, headers: Record<string, string>, body?: string): Promise<HttpAnswer> {
  return http(method, `${emulator.url}/__emulator/${op}`, { headers, body });
}

/** Whether a token minted before still signs in, i.e. the secret was NOT rotated. */
async function secretUnchanged(): Promise<boolean> {
  const token = await emulator.mintToken(project.id);
  return (await signIn(emulator.apiUrl, token)).status === 200;
}

describe("a web page in the developer's browser cannot drive the control API", () => {
  it.each([
    ['a hostile site', 'https://evil.example'],
    ['a sandboxed or file page', 'null'],
    ['another app on localhost', 'http://localhost:3000'],
  ])('answers the CORS preflight of %s with 403 and no CORS header', async (_who, origin) => {
    const answer = await control('OPTIONS', `projects/${project.id}/rotate-secret`, {
      Origin: origin,
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': `content-type, ${CONTROL_TOKEN_HEADER}`,
    });
    expect(answer.status).toBe(403);
    expect(Object.keys(answer.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
  });

  it.each([
    ['Origin', 'https://evil.example'],
    ['Origin', 'null'],
    ['Origin', 'http://localhost:3000'],
    ['Sec-Fetch-Site', 'cross-site'],
    ['Sec-Fetch-Site', 'same-site'],
  ])('refuses %s: %s with 403 and no CORS header, even with the right token', async (header, value) => {
    const read = await control('GET', 'requests', withToken({ [header]: value }));
    const rotate = await control('POST', `projects/${project.id}/rotate-secret`, withToken({ ...json, [header]: value }), '{}');
    expect([read.status, rotate.status]).toEqual([403, 403]);
    expect(read.headers['access-control-allow-origin']).toBeUndefined();
    expect(read.text).not.toContain(project.id);
    expect(await secretUnchanged()).toBe(true);
  });

  it.each([
    ['a DNS-rebinding name', (p: string) => `evil.example:${p}`],
    ['a rebinding name that starts like localhost', (p: string) => `localhost.evil.example:${p}`],
    ['loopback on another port', () => '127.0.0.1:1'],
    ['no port', () => 'localhost'],
  ])('refuses a Host header of %s with 421, even with the right token', async (_what, host) => {
    const answer = await control(
      'POST',
      `projects/${project.id}/tokens`,
      withToken({ ...json, Host: host(port()) }),
      '{"claims":{"role":"owner"}}',
    );
    expect(answer.status).toBe(421);
    expect(answer.text).not.toContain('JWT');
  });

  it('refuses an absolute-form request target, whose authority would bypass the Host check', async () => {
    const answer = await rawRequest(
      `GET http://evil.example:${port()}/__emulator/requests HTTP/1.1\r\nHost: 127.0.0.1:${port()}\r\n${CONTROL_TOKEN_HEADER}: ${emulator.controlToken}`,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
  });

  it.each(['127.0.0.1', 'localhost', '[::1]'])('answers a local process that names the emulator as %s', async (hostname) => {
    const answer = await control('GET', `requests?projectId=${project.id}`, withToken({ Host: `${hostname}:${port()}` }));
    expect(answer.status).toBe(200);
    expect(answer.json<unknown[]>()).toEqual([]);
  });

  it("answers Node's own fetch() (which sends Sec-Fetch-Mode but no Origin) when it carries the token", async () => {
    const answer = await fetch(`${emulator.url}/__emulator/projects/${project.id}/tokens`, {
      method: 'POST',
      headers: withToken(json),
      body: '{}',
    });
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { token: string }).token).toMatch(/^JWT /);
  });

  it.each([
    ['text/plain (a form or fetch without preflight)', { 'Content-Type': 'text/plain' }],
    ['application/x-www-form-urlencoded', { 'Content-Type': 'application/x-www-form-urlencoded' }],
    ['no Content-Type', {}],
  ])('refuses a POST body sent as %s with 415', async (_what, contentType: Record<string, string>) => {
    const answer = await control('POST', `projects/${project.id}/rotate-secret`, withToken(contentType), '{}');
    expect(answer.status).toBe(415);
    expect(await secretUnchanged()).toBe(true);
  });

  it.each([
    ['no token', {}],
    ['an empty token', { [CONTROL_TOKEN_HEADER]: '' }],
    ['a wrong token', { [CONTROL_TOKEN_HEADER]: 'guessed' }],
    ['the token of another run', { [CONTROL_TOKEN_HEADER]: 'A'.repeat(43) }],
  ])('answers 401 to a request with %s: no log, no secret, no minted token', async (_what, token: Record<string, string>) => {
    const log = await control('GET', 'requests', token);
    const rotate = await control('POST', `projects/${project.id}/rotate-secret`, { ...json, ...token }, '{}');
    const mint = await control('POST', `projects/${project.id}/tokens`, { ...json, ...token }, '{"claims":{"email":"boss@example.test"}}');
    expect([log.status, rotate.status, mint.status]).toEqual([401, 401, 401]);
    expect(`${log.text}${rotate.text}${mint.text}`).not.toMatch(/JWT|secret"|"path"/);
    expect(log.json()).toMatchObject({ error: { code: 'control-request-refused' } });
    expect(await secretUnchanged()).toBe(true);
  });

  it('answers GET info without a token (it tells only the URLs), yet with no CORS header and never to another site', async () => {
    const local = await control('GET', 'info', {});
    expect(local.status).toBe(200);
    expect(local.json()).toEqual({ url: emulator.url, widgetUrl: emulator.widgetUrl, apiUrl: emulator.apiUrl });
    expect(local.text).not.toContain(emulator.controlToken);
    expect(local.headers['access-control-allow-origin']).toBeUndefined();
    expect((await control('GET', 'info', { Origin: 'https://evil.example' })).status).toBe(403);
    expect((await control('GET', 'info', { Host: `evil.example:${port()}` })).status).toBe(421);
  });

  it("keeps the CORS of the Tiledesk API routes, which the widget calls from the host page's origin", async () => {
    const preflight = await http('OPTIONS', `${emulator.apiUrl}auth/signinWithCustomToken`, {
      headers: {
        Origin: 'https://shop.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('https://shop.example');
    const answer = await http('POST', `${emulator.apiUrl}auth/signinWithCustomToken`, {
      headers: { Origin: 'https://shop.example', Authorization: await emulator.mintToken(project.id) },
    });
    expect(answer.status).toBe(200);
    expect(answer.headers['access-control-allow-origin']).toBe('https://shop.example');
  });

  it('sends control answers with no-store and nosniff, so they are neither cached nor run as a script', async () => {
    const answer = await control('POST', `projects/${project.id}/tokens`, withToken(json), '{}');
    expect(answer.status).toBe(200);
    expect(answer.headers).toMatchObject({
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'cross-origin-resource-policy': 'same-origin',
    });
  });
});

describe('connectTiledeskEmulator and the control token', () => {
  const saved = process.env['TILEDESK_EMULATOR_CONTROL_TOKEN'];
  afterEach(() => {
    if (saved === undefined) delete process.env['TILEDESK_EMULATOR_CONTROL_TOKEN'];
    else process.env['TILEDESK_EMULATOR_CONTROL_TOKEN'] = saved;
  });

  it('drives the emulator with the token given as an option', async () => {
    const client = connectTiledeskEmulator(emulator.url, { controlToken: emulator.controlToken });
    const secret = await client.rotateSecret(project.id);
    expect(secret).not.toBe(project.secret);
    expect(await client.requests(project.id)).toEqual([]);
  });

  it('reads the token from TILEDESK_EMULATOR_CONTROL_TOKEN by default', async () => {
    process.env['TILEDESK_EMULATOR_CONTROL_TOKEN'] = emulator.controlToken;
    await expect(connectTiledeskEmulator(emulator.url).mintToken(project.id)).resolves.toMatch(/^JWT /);
  });

  it('names the missing token at once, and what the emulator said about a wrong one', async () => {
    delete process.env['TILEDESK_EMULATOR_CONTROL_TOKEN'];
    expect(() => connectTiledeskEmulator(emulator.url)).toThrow(/control token.*TILEDESK_EMULATOR_CONTROL_TOKEN/);
    const wrong = connectTiledeskEmulator(emulator.url, { controlToken: 'guessed' });
    await expect(wrong.rotateSecret(project.id)).rejects.toMatchObject({
      name: 'EmulatorError',
      code: 'control-request-failed',
      message: expect.stringMatching(/control token/),
    });
    expect(await secretUnchanged()).toBe(true);
  });
});

describe('garbage gets the answer a real server gives, and no internal message', () => {
  it.each([
    ['GET', '/p/%E0%A4%A/v6/launch.js'],
    ['POST', '/api/%E0%A4%A/events'],
    ['POST', '/__emulator/projects/%E0%A4%A/rotate-secret'],
  ])('answers %s %s (malformed percent-encoding) with 400', async (method, path) => {
    const answer = await http(method, `${emulator.url}${path}`, { headers: withToken(json), body: method === 'POST' ? '{}' : undefined });
    expect(answer.status).toBe(400);
    expect(answer.text).not.toMatch(/URI|malformed|emulator error/i);
  });

  it('answers a request target that is not a URL with 400', async () => {
    const answer = await rawRequest(`GET http://[ HTTP/1.1\r\nHost: 127.0.0.1:${port()}`);
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).not.toMatch(/Invalid URL|emulator error/);
  });

  it('answers a control body over 64 KiB with 413 (and does the operation no harm)', async () => {
    const body = JSON.stringify({ secret: 'x'.repeat(64 * 1024) });
    const answer = await control('POST', 'projects', withToken(json), body);
    expect(answer.status).toBe(413);
    expect(answer.json()).toMatchObject({ error: { code: 'invalid-argument', message: expect.stringMatching(/larger than 65536 bytes/) } });
    expect((await control('POST', 'projects', withToken(json), '{}')).status).toBe(201);
  });

  it('answers an unexpected failure with 500 and a message of its own, and logs the real one', async () => {
    const logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const requests = emulator.requests;
    emulator.requests = () => {
      throw new Error('ENOENT /home/dev/secret-project/state.json');
    };
    try {
      const answer = await control('GET', 'requests', withToken());
      expect(answer.status).toBe(500);
      expect(answer.text).not.toContain('secret-project');
      expect(answer.json()).toMatchObject({ error: { code: 'control-request-failed' } });
      expect(logged).toHaveBeenCalledWith(
        expect.stringContaining('GET /__emulator/requests'),
        expect.objectContaining({ message: expect.stringContaining('secret-project') }),
      );
    } finally {
      emulator.requests = requests;
      logged.mockRestore();
    }
  });
});

describe('the control client and keep-alive', () => {
  let server: Server;
  let connections = 0;

  beforeAll(async () => {
    // A server that kills a connection the moment a second request arrives on it: what a client
    // that reuses a kept-alive socket meets when the server closed it just as the client sent.
    const served = new WeakSet<object>();
    server = createServer((req, res) => {
      if (served.has(req.socket)) {
        req.socket.destroy();
        return;
      }
      served.add(req.socket);
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}');
    });
    server.on('connection', () => (connections += 1));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('never sends a call on a socket an earlier call used, so a socket closed meanwhile cannot fail it', async () => {
    const client = connectTiledeskEmulator(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, { controlToken: 'any' });
    const before = connections;
    await client.reset();
    await client.reset();
    await client.configureProject('p1', {});
    expect(connections - before).toBe(3);
  });
});

/** Writes one raw HTTP/1.1 request head (for targets no HTTP client sends) and returns the answer. */
function rawRequest(head: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port()), '127.0.0.1', () => socket.write(`${head}\r\nConnection: close\r\n\r\n`));
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString('utf8')));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}
