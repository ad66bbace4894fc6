/**
 * @jest-environment node
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { launchTestChromium } from '../test-support/chromium';
import { startTiledeskEmulator } from '../lib/emulator';
import { widgetScript } from '../lib/widget-bundle';
import type { EmulatedProject, TiledeskEmulator } from '../lib/types';

// The same widget in a real browser, from a host page on another origin (real CORS, real realms).
let emulator: TiledeskEmulator;
let project: EmulatedProject;
let host: Server;
let hostUrl: string;
let browser: Browser;

beforeAll(async () => {
  emulator = await startTiledeskEmulator();
  project = emulator.createProject({ bootDelayMs: 60000 });
  host = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end(`<!doctype html><html><body><h1>host</h1><script>
      window.seen = [];
      for (const name of ['onAuthStateChanged', 'onInit']) {
        document.addEventListener(name, (e) => window.seen.push(name === 'onInit' ? 'onInit' : e.detail.event + ':' + e.detail.isLogged + ':' + e.detail.user_id), true);
      }
      window.tiledeskSettings = { projectid: ${JSON.stringify(project.id)} };
      window.Tiledesk = function () { (window.Tiledesk.q = window.Tiledesk.q || []).push(arguments); };
      const s = document.createElement('script');
      s.id = 'tiledesk-jssdk'; s.async = true; s.src = ${JSON.stringify(project.widgetUrl)};
      document.head.appendChild(s);
    </script></body></html>`);
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  // "localhost" vs the emulator's 127.0.0.1: another origin.
  hostUrl = `http://localhost:${(host.address() as AddressInfo).port}/`;
  browser = await launchTestChromium();
}, 30000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => host?.close(resolve));
  await emulator?.close();
});

it('boots on a synthetic mousemove, signs in cross-origin, reconnects after a drop, and logs out with two offline events', async () => {
  const page = await browser.newPage();
  await page.goto(hostUrl);
  await page.waitForFunction(() => Array.from(document.scripts).some((s) => s.id === 'tiledesk-jssdk'));
  await page.waitForTimeout(200);
  expect(await page.evaluate(() => 'tiledesk' in window)).toBe(false);
  await page.evaluate(() => document.dispatchEvent(new Event('mousemove')));
  await page.waitForFunction(() => (window as unknown as { seen: string[] }).seen.length === 1);

  const token = await emulator.mintToken(project.id, { userId: 'chromium' });
  const outcome = await page.evaluate(async (jwt) => {
    const w = window as unknown as { tiledesk: { signInWithCustomToken(t: string): PromiseLike<{ uid: string }> }; seen: string[] };
    const result = w.tiledesk.signInWithCustomToken(jwt);
    const user = await Promise.resolve(result);
    return { isPromise: result instanceof Promise, id: user.uid, seenAtResolve: [...w.seen] };
  }, token);
  expect(outcome).toEqual({ isPromise: false, id: `${project.id}_chromium`, seenAtResolve: ['offline:false:undefined'] });
  await page.waitForFunction(() => (window as unknown as { seen: string[] }).seen.length === 3);

  emulator.dropChatConnections(project.id);
  await page.waitForFunction(() => (window as unknown as { seen: string[] }).seen.length === 5);

  const logout = await page.evaluate(async () => {
    const w = window as unknown as { tiledesk: { logout(): PromiseLike<boolean> } };
    return Promise.resolve(w.tiledesk.logout());
  });
  expect(logout).toBe(true);
  const user = `${project.id}_chromium`;
  expect(await page.evaluate(() => (window as unknown as { seen: string[] }).seen)).toEqual([
    'offline:false:undefined',
    'onInit',
    `online:true:${user}`,
    'onInit',
    `online:true:${user}`,
    `offline:false:${user}`,
    `offline:false:${user}`,
  ]);
  await page.close();
});

it('stands in for the real cloud URL through Playwright routes: launch.js and, beside it, widget-config.json naming the emulator (tiledeskSettings.apiUrl is ignored)', async () => {
  const page = await browser.newPage();
  await page.route('https://widget.tiledesk.com/v6/launch.js', async (route) =>
    route.fulfill({
      contentType: 'application/javascript',
      body: await widgetScript({ bootDelayMs: 0, storagePrefix: 'widget_sv6', projectId: null }),
    }),
  );
  // The widget reads its API address from beside its own launch.js: answer that file with the
  // emulator's own, which points at the emulator.
  const config = await (await fetch(`${emulator.url}/v6/widget-config.json`)).text();
  await page.route('https://widget.tiledesk.com/v6/widget-config.json', async (route) =>
    route.fulfill({ contentType: 'application/json', headers: { 'Access-Control-Allow-Origin': '*' }, body: config }),
  );
  await page.setContent('<!doctype html><html><body></body></html>');
  const token = await emulator.mintToken(project.id, { userId: 'routed' });
  const userId = await page.evaluate(
    async ({ projectId, jwt }) => {
      const w = window as unknown as Record<string, unknown> & {
        tiledesk?: { on(n: string, f: (e: Event) => void): void; signInWithCustomToken(t: string): PromiseLike<unknown> };
      };
      w['tiledeskSettings'] = { projectid: projectId, apiUrl: 'http://127.0.0.1:9/ignored/' };
      const s = document.createElement('script');
      s.id = 'tiledesk-jssdk';
      s.src = 'https://widget.tiledesk.com/v6/launch.js';
      document.head.appendChild(s);
      while (!w.tiledesk) await new Promise((r) => setTimeout(r, 10));
      const online = new Promise<string>((resolve) =>
        w.tiledesk?.on('onAuthStateChanged', (e) => {
          const detail = (e as CustomEvent).detail as { event: string; user_id: string };
          if (detail.event === 'online') resolve(detail.user_id);
        }),
      );
      await w.tiledesk.signInWithCustomToken(jwt);
      return online;
    },
    { projectId: project.id, jwt: token },
  );
  expect(userId).toBe(`${project.id}_routed`);
  await page.close();
});
