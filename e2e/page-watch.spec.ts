// Scenario 10 rests on watchPage().assertClean(): prove it really catches what it claims to, on a
// tiny page served over loopback, so a green e2e run means something. A second server plays the
// real widget's origin, to prove that its known console noise is told apart from the page's own.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './support/browser';
import { watchPage } from './support/page-watch';
import { waitUntil } from './support/wait-until';

const SECRET = '0b5f2c84-6d0e-4f7a-9c1d-3e8a7b6c5d4e';
const PROJECT_ID = '65f0c0ffee0123456789abcd';
/** What the real widget's logger prints when the project answer has no visitor IP address. */
const IP_ADDRESS_LOG = `console.error('%c' + new Date().toISOString() + ' ERROR', 'color:red', "[GLOBAL-SET] setVariablesFromService > ipAddress > Error : TypeError: Cannot read properties of undefined (reading 'split')")`;

const PAGES: Record<string, string> = {
  '/clean': '<p id="done">ok</p>',
  '/console-error': '<script>console.error("boom")</script><p id="done">ok</p>',
  '/rejection': '<script>Promise.reject(new Error("nobody caught me"))</script><p id="done">ok</p>',
  '/leak': '<script>fetch("/api/leak").then(r => r.text()).then(() => document.body.innerHTML = "<p id=done>ok</p>")</script>',
  '/failing-resource': '<script src="/missing.js"></script><p id="done">ok</p>',
};

let server: Server;
let base: string;
let widgetServer: Server;
let widgetOrigin: string;
let browser: Browser;

/** The addresses a real widget served by `widgetServer` would have. */
const widgetAddresses = () => ({
  widgetBase: `${widgetOrigin}/p/${PROJECT_ID}/v6/`,
  apiUrl: `${widgetOrigin}/api/`,
  projectId: PROJECT_ID,
});

before(async () => {
  server = createServer((req, res) => {
    if (req.url === '/api/leak') return void res.end(JSON.stringify({ secret: SECRET }));
    if (req.url === '/favicon.ico') return void res.writeHead(204).end();
    const page = PAGES[req.url ?? ''];
    res.writeHead(page ? 200 : 404, { 'content-type': 'text/html' }).end(page ?? 'not found');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The real widget's noise, reproduced from its own origin: its log line from its main.js, the
  // 404s of an avatar and of the labels from its API, and third-party fonts it links to.
  widgetServer = createServer((req, res) => {
    if (req.url === `/p/${PROJECT_ID}/v6/main.js`) {
      res.writeHead(200, { 'content-type': 'text/javascript', 'access-control-allow-origin': '*' });
      return void res.end(`${IP_ADDRESS_LOG};
        const api = document.currentScript.src.split('/p/')[0] + '/api/';
        new Image().src = api + 'files?path=uploads/users/agent/images/photo.jpg';
        fetch(api + '${PROJECT_ID}/labels/EN').catch(() => undefined);
        const fonts = document.createElement('link');
        fonts.rel = 'stylesheet';
        fonts.href = 'https://fonts.googleapis.com/css?family=Roboto:400,700,300|Material+Icons';
        document.head.appendChild(fonts);`);
    }
    res.writeHead(404, { 'content-type': 'text/plain', 'access-control-allow-origin': '*' }).end('not found');
  });
  await new Promise<void>((done) => widgetServer.listen(0, '127.0.0.1', done));
  widgetOrigin = `http://127.0.0.1:${(widgetServer.address() as AddressInfo).port}`;
  PAGES['/with-widget'] = `<script src="${widgetOrigin}/p/${PROJECT_ID}/v6/main.js"></script><p id="done">ok</p>`;
  // The same text and the same kinds of failure, but the page's own: none of it is widget noise.
  PAGES['/own-noise'] = `<script>${IP_ADDRESS_LOG};
    fetch('${widgetOrigin}/api/${PROJECT_ID}/labels/FR').catch(() => undefined);
    fetch('/api/files?path=uploads/a.jpg').catch(() => undefined);
  </script><p id="done">ok</p>`;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  server?.close();
  widgetServer?.close();
});

async function visit(path: string, prepare?: (watch: ReturnType<typeof watchPage>) => void) {
  const context = await browser.newContext();
  // As in the scenarios: nothing leaves the machine.
  await context.route(
    (url) => url.hostname !== '127.0.0.1',
    (route) => route.abort('blockedbyclient'),
  );
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

  it("tolerates the real widget's known noise from the widget's own addresses, and only when told", async () => {
    const undeclared = await visit('/with-widget');
    await waitUntil('the four widget lines', () => undeclared.watch.consoleErrors.length >= 4);
    const failure = await undeclared.watch.assertClean([SECRET]).then(
      () => assert.fail('the widget noise passed without being declared'),
      (error: Error) => error.message,
    );
    assert.match(failure, /\[GLOBAL-SET\] setVariablesFromService > ipAddress/);
    assert.match(failure, /files\?path=uploads/);
    assert.match(failure, /labels\/EN/);
    assert.match(failure, /fonts\.googleapis\.com/);
    await undeclared.close();

    const declared = await visit('/with-widget', (watch) => watch.tolerateRealWidgetNoise(widgetAddresses()));
    await waitUntil('the four widget lines', () => declared.watch.consoleErrors.length >= 4);
    await declared.watch.assertClean([SECRET]);
    await declared.close();
  });

  it("still fails on the same text from the page's own script and on other failures of the widget's API", async () => {
    const { watch, close } = await visit('/own-noise', (w) => w.tolerateRealWidgetNoise(widgetAddresses()));
    await waitUntil('the three lines', () => watch.consoleErrors.length >= 3);
    const failure = await watch.assertClean([SECRET]).then(
      () => assert.fail("the page's own errors passed as widget noise"),
      (error: Error) => error.message,
    );
    assert.match(failure, /console error: %c\S+ ERROR color:red \[GLOBAL-SET\].*\(http:\/\/127\.0\.0\.1:\d+\/own-noise\)/);
    assert.match(failure, /labels\/FR/);
    assert.match(failure, new RegExp(`${base.replace(/[.:/]/g, '\\$&')}/api/files\\?path=`));
    await close();
  });
});
