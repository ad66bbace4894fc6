import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsonwebtoken from 'jsonwebtoken';
import { capturingLogger, Visitor } from '../test-support/http-client';
import { type RunningTokenServer, startTokenServer } from './start-token-server';
import { TokenServerConfigError } from './token-server-options';

const PROJECT_ID = '65f0c0ffee0123456789abcd';
const SECRET = '5d0f3c7e-2b1a-4c9d-8e7f-6a5b4c3d2e1f';
const tiledesk = { projectId: PROJECT_ID, secret: SECRET };

describe('token server with real Tiledesk credentials', () => {
  let server: RunningTokenServer;
  let samplesDir: string;
  let visitor: Visitor;

  beforeAll(async () => {
    samplesDir = mkdtempSync(join(tmpdir(), 'token-server-samples-'));
    mkdirSync(join(samplesDir, 'react-sample', 'assets'), { recursive: true });
    writeFileSync(join(samplesDir, 'react-sample', 'index.html'), '<!doctype html><title>react sample</title>');
    writeFileSync(join(samplesDir, 'react-sample', 'assets', 'app.js'), 'console.log("app")');
    server = await startTokenServer({ port: 0, tiledesk, tokenExpiresIn: 120, samplesDir, logger: capturingLogger() });
    visitor = new Visitor(server.url);
  });
  afterAll(async () => {
    await server.close();
    rmSync(samplesDir, { recursive: true, force: true });
  });

  it('describes the real project and Tiledesk cloud widget in /api/config', async () => {
    expect(await (await visitor.request('/api/config')).json()).toEqual({
      projectId: PROJECT_ID,
      widgetUrl: 'https://widget.tiledesk.com/v6/launch.js',
      mode: 'tiledesk',
      widget: 'real',
    });
    expect(server.emulator).toBeUndefined();
  });

  it('signs tokens with the given secret and lifetime', async () => {
    await visitor.signIn('alan');
    const { status, body } = await visitor.token();
    expect(status).toBe(200);
    const claims = jsonwebtoken.verify((body['token'] as string).slice(4), SECRET) as jsonwebtoken.JwtPayload;
    expect(claims['_id']).toBe(`${PROJECT_ID}_alan`);
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(120);
  });

  it('has no test hooks', async () => {
    const response = await visitor.postJson('/__test/secret', { secret: 'another-secret-long-enough' });
    expect(response.status).toBe(404);
  });

  it('serves a built sample with SPA fallback to index.html', async () => {
    const index = await visitor.request('/react/');
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('react sample');
    expect(await (await visitor.request('/react/assets/app.js')).text()).toContain('console.log');
    const deepLink = await visitor.request('/react/users/42');
    expect(deepLink.status).toBe(200);
    expect(await deepLink.text()).toContain('react sample');
    expect((await visitor.request('/react/assets/missing.js')).status).toBe(404);
  });

  it('redirects /react to /react/ so relative asset URLs resolve', async () => {
    const response = await visitor.request('/react');
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/react/');
  });
});

describe('startTokenServer options', () => {
  it('uses TILEDESK_WIDGET_URL, which alone picks a self-hosted deployment', async () => {
    const server = await startTokenServer({
      port: 0,
      tiledesk: { ...tiledesk, widgetUrl: 'https://chat.example.com/widget/launch.js' },
      logger: capturingLogger(),
    });
    try {
      expect(await (await fetch(`${server.url}/api/config`)).json()).toEqual({
        projectId: PROJECT_ID,
        widgetUrl: 'https://chat.example.com/widget/launch.js',
        mode: 'tiledesk',
        widget: 'real',
      });
    } finally {
      await server.close();
    }
  });

  it('makes the offline emulator serve the real widget build realWidgetDir names', async () => {
    const build = mkdtempSync(join(tmpdir(), 'token-server-widget-build-'));
    writeFileSync(join(build, 'launch.js'), '/* a widget build stand-in */');
    const server = await startTokenServer({ port: 0, realWidgetDir: build, logger: capturingLogger() });
    try {
      const config = (await (await fetch(`${server.url}/api/config`)).json()) as Record<string, string>;
      expect(config).toMatchObject({ mode: 'emulator', widget: 'real' });
      expect(server.emulator?.widget).toBe('real');
      const script = await fetch(config['widgetUrl'] ?? '');
      expect(await script.text()).toContain('a widget build stand-in');
    } finally {
      await server.close();
      rmSync(build, { recursive: true, force: true });
    }
  });

  it.each([
    [
      'a widget URL not ending in /launch.js',
      { tiledesk: { ...tiledesk, widgetUrl: 'https://w.example.com/widget.js' } },
      'TILEDESK_WIDGET_URL',
    ],
    ['a widget URL with a query', { tiledesk: { ...tiledesk, widgetUrl: 'https://w.example.com/launch.js?v=1' } }, 'TILEDESK_WIDGET_URL'],
    ['a real widget folder that does not exist', { realWidgetDir: '/nonexistent-widget-build' }, 'realWidgetDir'],
    ['a real widget folder without launch.js', { realWidgetDir: __dirname }, 'realWidgetDir'],
    ['a real widget folder with real credentials', { tiledesk, realWidgetDir: __dirname }, 'realWidgetDir'],
    ['a bad project id', { tiledesk: { ...tiledesk, projectId: 'nope' } }, 'tiledesk.projectId'],
    ['a short secret', { tiledesk: { ...tiledesk, secret: 'short' } }, 'tiledesk.secret'],
    ['a lifetime over 24 h', { tokenExpiresIn: 100_000 }, 'tokenExpiresIn'],
    ['a short session secret', { sessionSecret: 'short' }, 'SESSION_SECRET'],
    ['a bad port', { port: 70_000 }, 'port'],
    ['tiledesk mode without credentials', { mode: 'tiledesk' as const }, 'tiledesk'],
    ['emulator mode with credentials', { mode: 'emulator' as const, tiledesk }, 'mode'],
  ])('rejects %s with a TokenServerConfigError', async (_label, options, setting) => {
    const started = startTokenServer({ port: 0, logger: capturingLogger(), ...options });
    await expect(started).rejects.toBeInstanceOf(TokenServerConfigError);
    await expect(started).rejects.toMatchObject({ setting });
  });

  it('reports a port in use in one clear line', async () => {
    const first = await startTokenServer({ port: 0, tiledesk, logger: capturingLogger() });
    try {
      const port = Number(new URL(first.url).port);
      await expect(startTokenServer({ port, tiledesk, logger: capturingLogger() })).rejects.toThrow(
        /port \d+ on 127\.0\.0\.1 is already in use/,
      );
    } finally {
      await first.close();
    }
  });
});
