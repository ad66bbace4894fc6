/**
 * @jest-environment node
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchTestChromium } from '../test-support/chromium';
import { startTiledeskEmulator } from './emulator';
import { mintVisitorToken } from './mint-token';
import type { EmulatedProject, TiledeskEmulator } from './types';

// The REAL Tiledesk widget (a build of its public source) signing a visitor in against the
// emulator, in Chromium, from a host page on another loopback origin. Run only when
// TILEDESK_REAL_WIDGET_DIR names a build (see jest.config.cjs).
const buildDir = process.env['TILEDESK_REAL_WIDGET_DIR']?.trim() ?? '';

let emulator: TiledeskEmulator;
let host: Server;
let hostUrl: string;
let browser: Browser;
let context: BrowserContext;
/** The host page of each project, by project id. */
const hostPages = new Map<string, string>();

/** What the page saw: every widget event, through a capture listener on `document`. */
interface SeenEvent {
  name: string;
  event?: string;
  isLogged?: boolean;
  userId?: string;
}

type HostWindow = Window & { seen: SeenEvent[]; tiledesk: { signInWithCustomToken(token: string): PromiseLike<unknown> } };

function hostPage(projectId: string, widgetUrl: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>host</title></head><body><script>
    window.seen = [];
    for (const name of ['onLoadParams', 'onBeforeInit', 'onInit', 'onAuthStateChanged']) {
      document.addEventListener(name, (e) => window.seen.push({ name, event: e.detail && e.detail.event, isLogged: e.detail && e.detail.isLogged, userId: e.detail && e.detail.user_id }), true);
    }
    window.tiledeskSettings = { projectid: ${JSON.stringify(projectId)}, autoStart: false };
    window.Tiledesk = function () { (window.Tiledesk.q = window.Tiledesk.q || []).push(arguments); };
    const script = document.createElement('script');
    script.id = 'tiledesk-jssdk'; script.async = true; script.src = ${JSON.stringify(widgetUrl)};
    document.head.appendChild(script);
  </script></body></html>`;
}

beforeAll(async () => {
  emulator = await startTiledeskEmulator({ widgetBuildDir: buildDir });
  host = createServer((req, res) => {
    const page = hostPages.get(new URL(req.url ?? '/', 'http://host.invalid').searchParams.get('project') ?? '');
    res.writeHead(page ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8' }).end(page ?? 'no such page');
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  // Another port on 127.0.0.1: another origin than the emulator's.
  hostUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}/`;
  browser = await launchTestChromium();
}, 30000);

beforeEach(async () => {
  context = await browser.newContext();
});
afterEach(() => context.close());

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => host?.close(resolve));
  await emulator?.close();
});

/** A fresh project and a booted widget on the host page (boot forced by a synthetic mousemove). */
async function bootWidget(): Promise<{ project: EmulatedProject; page: Page }> {
  const project = emulator.createProject();
  hostPages.set(project.id, hostPage(project.id, project.widgetUrl));
  const page = await context.newPage();
  await page.goto(`${hostUrl}?project=${project.id}`, { waitUntil: 'load' });
  await page.evaluate(() => document.dispatchEvent(new Event('mousemove')));
  await page.waitForFunction(() => (window as unknown as HostWindow).seen.some((seen) => seen.event === 'offline'), null, {
    timeout: 15000,
  });
  return { project, page };
}

/** Polls a condition on the Node side (the broker's view), for at most a few seconds. */
async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 250 && !condition(); i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
}

const seen = (page: Page): Promise<SeenEvent[]> => page.evaluate(() => (window as unknown as HostWindow).seen);
const onlineCount = (events: SeenEvent[]): number => events.filter((event) => event.event === 'online').length;

async function waitForOnline(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    (expected) => (window as unknown as HostWindow).seen.filter((event) => event.event === 'online').length >= expected,
    count,
    { timeout: 15000 },
  );
}

function signIn(page: Page, token: string): Promise<string> {
  return page.evaluate(async (jwt) => {
    try {
      await Promise.resolve((window as unknown as HostWindow).tiledesk.signInWithCustomToken(jwt));
      return 'resolved';
    } catch (error) {
      return `rejected ${String((error as { status?: number }).status)}`;
    }
  }, token);
}

describe('the real Tiledesk widget on the emulator (Chromium)', () => {
  it('boots with the startup events and serves every file it asks for from the build', async () => {
    const { project, page } = await bootWidget();
    expect((await seen(page)).map((event) => event.name)).toEqual(['onLoadParams', 'onBeforeInit', 'onAuthStateChanged']);
    const served = emulator.requests(project.id);
    expect(served).toContainEqual(expect.objectContaining({ route: 'widget', path: `/p/${project.id}/v6/launch.js`, status: 200 }));
    expect(served).toContainEqual(expect.objectContaining({ path: `/p/${project.id}/v6/widget-config.json`, status: 200 }));
    expect(served).toContainEqual(expect.objectContaining({ path: `/p/${project.id}/v6/main.js`, status: 200 }));
    expect(served).toContainEqual(expect.objectContaining({ path: `/api/${project.id}/widgets`, status: 200 }));
    expect(served.filter((entry) => entry.path.startsWith(`/p/${project.id}/`) && entry.status >= 400)).toEqual([]);
  });

  it('signs a visitor in with a custom token, over the MQTT broker, and reconnects after the chat connections drop', async () => {
    const { project, page } = await bootWidget();
    const userId = `${project.id}_ada`;
    const token = await emulator.mintToken(project.id, {
      userId: 'ada',
      claims: { firstname: 'Ada', lastname: 'Lovelace', email: 'ada@example.test' },
    });

    expect(await signIn(page, token)).toBe('resolved');
    await waitForOnline(page, 1);
    expect((await seen(page)).slice(-2)).toEqual([
      { name: 'onInit' },
      { name: 'onAuthStateChanged', event: 'online', isLogged: true, userId },
    ]);
    expect(await page.evaluate((key) => localStorage.getItem(key), `${emulator.storagePrefix}_${project.id}_tiledeskToken`)).toBe(token);
    expect(emulator.storagePrefix).toBe('widget_sv5');
    expect(emulator.chatClients(project.id)).toEqual([expect.objectContaining({ userId, projectId: project.id })]);
    const routes = emulator.requests(project.id).map((entry) => `${entry.route} ${entry.path} ${entry.status}`);
    expect(routes).toEqual(
      expect.arrayContaining([
        'signinWithCustomToken /api/auth/signinWithCustomToken 200',
        'createCustomToken /api/chat21/native/auth/createCustomToken 200',
        'other /ws 101',
      ]),
    );

    const before = await seen(page);
    emulator.dropChatConnections(project.id);
    await waitForOnline(page, onlineCount(before) + 1);
    expect((await seen(page)).slice(before.length)).toEqual([
      { name: 'onInit' },
      { name: 'onAuthStateChanged', event: 'online', isLogged: true, userId },
    ]);
    expect(emulator.chatClients(project.id)).toHaveLength(1);

    // A token refresh: the same user again, a new chat token and a new connection (same client id,
    // so the broker ends the old one).
    const beforeRefresh = await seen(page);
    const [previousClient] = emulator.chatClients(project.id);
    expect(await signIn(page, await emulator.mintToken(project.id, { userId: 'ada', expiresInSeconds: 600 }))).toBe('resolved');
    await waitForOnline(page, onlineCount(beforeRefresh) + 1);
    expect((await seen(page)).slice(beforeRefresh.length)).toEqual([
      { name: 'onInit' },
      { name: 'onAuthStateChanged', event: 'online', isLogged: true, userId },
    ]);
    expect(emulator.chatClients(project.id)).toEqual([expect.objectContaining({ clientId: previousClient.clientId, userId })]);
    expect(emulator.chatClients(project.id)[0]).not.toBe(previousClient);
    expect(emulator.requests(project.id).filter((entry) => entry.route === 'createCustomToken')).toHaveLength(2);
    expect(emulator.requests(project.id).filter((entry) => entry.path === '/ws')).toHaveLength(3);
  });

  it('signs a guest in anonymously on open() while signed out; logout() fires offline twice and ends its chat connection', async () => {
    const { project, page } = await bootWidget();
    await page.evaluate(() => (window as unknown as { tiledesk: { open(): void } }).tiledesk.open());
    await waitForOnline(page, 1);
    const [guest] = emulator.chatClients(project.id);
    expect(guest.userId).toMatch(/^guest_/);
    expect(emulator.requests(project.id).map((entry) => `${entry.method} ${entry.path} ${entry.status}`)).toContain(
      'POST /api/auth/signinAnonymously 200',
    );

    const before = await seen(page);
    expect(
      await page.evaluate(async () =>
        String(await Promise.resolve((window as unknown as { tiledesk: { logout(): PromiseLike<unknown> } }).tiledesk.logout())),
      ),
    ).toBe('true');
    await page.waitForFunction((count) => (window as unknown as HostWindow).seen.length >= count + 2, before.length);
    expect((await seen(page)).slice(before.length).map((event) => `${event.event}:${event.isLogged}`)).toEqual([
      'offline:false',
      'offline:false',
    ]);
    await until(() => emulator.chatClients(project.id).length === 0);
    expect(emulator.chatClients(project.id)).toEqual([]);
  });

  it('signs in from a call queued on the stub before the widget booted', async () => {
    const project = emulator.createProject();
    const token = await emulator.mintToken(project.id, { userId: 'grace' });
    hostPages.set(project.id, hostPage(project.id, project.widgetUrl));
    const page = await context.newPage();
    await page.goto(`${hostUrl}?project=${project.id}`, { waitUntil: 'load' });
    await page.evaluate(
      (jwt) => (window as unknown as { Tiledesk(name: string, arg: string): void }).Tiledesk('signInWithCustomToken', jwt),
      token,
    );
    await page.evaluate(() => document.dispatchEvent(new Event('mousemove')));
    await waitForOnline(page, 1);
    expect((await seen(page)).at(-1)).toEqual({
      name: 'onAuthStateChanged',
      event: 'online',
      isLogged: true,
      userId: `${project.id}_grace`,
    });
  });

  it('rejects a token signed with a wrong secret: 401, no online, no chat client, nothing stored', async () => {
    const { project, page } = await bootWidget();
    const forged = await mintVisitorToken(project.id, 'not-the-project-secret', { userId: 'mallory' });

    expect(await signIn(page, forged)).toBe('rejected 401');
    expect((await seen(page)).filter((event) => event.event === 'online')).toEqual([]);
    expect(emulator.chatClients(project.id)).toEqual([]);
    expect(await page.evaluate((key) => localStorage.getItem(key), `widget_sv5_${project.id}_tiledeskToken`)).toBeNull();
    expect(emulator.requests(project.id).map((entry) => entry.route)).not.toContain('createCustomToken');
  });
});
