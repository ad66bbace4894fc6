import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EARLY_TOKEN_GLOBAL } from '@samples/kit';
import { capturingLogger, Visitor } from '../test-support/http-client';
import { BOOT_DATA_ELEMENT_ID, type SampleBootData } from './boot-data-block';
import { EARLY_TOKEN_SCRIPT_HASH, earlyTokenScript } from './early-token-script';
import { type RunningTokenServer, startTokenServer } from './start-token-server';

const SESSION_SECRET = 'a-session-secret-for-the-sample-hosting-spec';
const BUILT_PAGE =
  '<!doctype html><html><head><title>react sample</title></head><body><script type="module" src="/react/app.js"></script></body></html>';

/** The boot data a page carries, parsed as the samples parse it. */
async function bootDataOf(response: Response): Promise<SampleBootData> {
  const html = await response.text();
  const match = new RegExp(`<script type="application/json" id="${BOOT_DATA_ELEMENT_ID}">([\\s\\S]*?)</script>`).exec(html);
  if (!match?.[1]) throw new Error(`no boot data in: ${html}`);
  return JSON.parse(match[1]) as SampleBootData;
}

describe('sample pages carry their boot data', () => {
  let server: RunningTokenServer;
  let samplesDir: string;

  beforeAll(async () => {
    samplesDir = mkdtempSync(join(tmpdir(), 'token-server-sample-hosting-'));
    mkdirSync(join(samplesDir, 'react-sample'));
    writeFileSync(join(samplesDir, 'react-sample', 'index.html'), BUILT_PAGE);
    writeFileSync(join(samplesDir, 'react-sample', 'app.js'), 'console.log("app")');
    server = await startTokenServer({ port: 0, host: '127.0.0.1', logger: capturingLogger(), samplesDir, sessionSecret: SESSION_SECRET });
  });
  afterAll(async () => {
    await server.close();
    rmSync(samplesDir, { recursive: true, force: true });
  });

  it('the same config, users and session user as the three API routes, for a signed-in visitor', async () => {
    const visitor = new Visitor(server.url);
    await visitor.signIn('grace');
    const page = await visitor.request('/react/');
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(await bootDataOf(page)).toEqual({
      config: await (await visitor.request('/api/config')).json(),
      users: await (await visitor.request('/api/demo-users')).json(),
      sessionUser: ((await (await visitor.request('/api/session')).json()) as { user: unknown }).user,
    });
  });

  it('no session user for a visitor without a session, and no session cookie is set', async () => {
    const page = await new Visitor(server.url).request('/react/some/route');
    expect(page.headers.getSetCookie()).toEqual([]);
    expect((await bootDataOf(page)).sessionUser).toBeNull();
  });

  it('preloads the widget script the config names', async () => {
    const visitor = new Visitor(server.url);
    const { widgetUrl } = (await (await visitor.request('/api/config')).json()) as { widgetUrl: string };
    expect(await (await visitor.request('/react/')).text()).toContain(`<link rel="preload" as="script" href="${widgetUrl}">`);
  });

  it('starts the token request in the page of a logged-in visitor only, and its CSP allows exactly that script', async () => {
    const visitor = new Visitor(server.url);
    await visitor.signIn('grace');
    const signedIn = await visitor.request('/react/');
    expect(await signedIn.text()).toContain(earlyTokenScript());
    expect(signedIn.headers.get('content-security-policy')).toContain(EARLY_TOKEN_SCRIPT_HASH);
    const signedOut = await new Visitor(server.url).request('/react/');
    expect(await signedOut.text()).not.toContain(EARLY_TOKEN_GLOBAL);
    expect(signedOut.headers.get('content-security-policy')).not.toContain(EARLY_TOKEN_SCRIPT_HASH);
  });
});
