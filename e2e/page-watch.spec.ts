// Scenario 10 rests on watchPage().assertClean(): prove it really catches what it claims to, on a
// tiny page served over loopback, so a green e2e run means something.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { watchPage } from './support/page-watch';
import { waitUntil } from './support/wait-until';

const SECRET = '0b5f2c84-6d0e-4f7a-9c1d-3e8a7b6c5d4e';

const PAGES: Record<string, string> = {
  '/clean': '<p id="done">ok</p>',
  '/console-error': '<script>console.error("boom")</script><p id="done">ok</p>',
  '/rejection': '<script>Promise.reject(new Error("nobody caught me"))</script><p id="done">ok</p>',
  '/leak': '<script>fetch("/api/leak").then(r => r.text()).then(() => document.body.innerHTML = "<p id=done>ok</p>")</script>',
  '/failing-resource': '<script src="/missing.js"></script><p id="done">ok</p>',
};

let server: Server;
let base: string;
let browser: Browser;

before(async () => {
  server = createServer((req, res) => {
    if (req.url === '/api/leak') return void res.end(JSON.stringify({ secret: SECRET }));
    if (req.url === '/favicon.ico') return void res.writeHead(204).end();
    const page = PAGES[req.url ?? ''];
    res.writeHead(page ? 200 : 404, { 'content-type': 'text/html' }).end(page ?? 'not found');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  server?.close();
});

async function visit(path: string, prepare?: (watch: ReturnType<typeof watchPage>) => void) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const watch = watchPage(page);
  prepare?.(watch);
  await page.goto(`${base}${path}`);
  await page.locator('#done').waitFor();
  return { watch, close: () => context.close() };
}

describe('watchPage().assertClean()', () => {
  it('passes a clean page', async () => {
    const { watch, close } = await visit('/clean');
    await watch.assertClean([SECRET]);
    await close();
  });

  it('fails on a console error', async () => {
    const { watch, close } = await visit('/console-error');
    await waitUntil('the console error', () => watch.consoleErrors.length > 0);
    await assert.rejects(watch.assertClean([SECRET]), /console error: boom/);
    await close();
  });

  it('fails on an unhandled rejection', async () => {
    const { watch, close } = await visit('/rejection');
    await waitUntil('the page error', () => watch.pageErrors.length > 0);
    await assert.rejects(watch.assertClean([SECRET]), /page error: .*nobody caught me/);
    await close();
  });

  it('fails when a response carries the secret', async () => {
    const { watch, close } = await visit('/leak');
    await assert.rejects(watch.assertClean([SECRET]), /shared secret appears in the response of .*\/api\/leak/);
    await close();
  });

  it('accepts a failed resource only when the scenario declared it', async () => {
    const undeclared = await visit('/failing-resource');
    await waitUntil('the failed-resource line', () => undeclared.watch.consoleErrors.length > 0);
    await assert.rejects(undeclared.watch.assertClean([SECRET]), /Failed to load resource/);
    await undeclared.close();

    const declared = await visit('/failing-resource', (watch) => watch.expectFailedResource(/\/missing\.js$/));
    await waitUntil('the failed-resource line', () => declared.watch.consoleErrors.length > 0);
    await declared.watch.assertClean([SECRET]);
    await declared.close();
  });
});
