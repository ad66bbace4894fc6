/**
 * Figure 5: how often the UI works for nothing. In Chromium, against the Tiledesk emulator:
 *  - React: renders of a consumer that reads only `status`, across sign-in, a token refresh, widget
 *    events that leave auth alone (open, close, chat reconnect) and sign-out. Target: one render per
 *    real status change (plus the mount).
 *  - Angular (zoneless, JIT): checks of the root view caused by those same auth-neutral widget
 *    events. Target: 0.
 * The pages are bench/fixtures/*, bundled here with esbuild from the workspace sources.
 *
 * @example
 * const rows = await run();
 */
import { build } from 'esbuild';
import { launchChromium } from '../lib/chromium.mjs';
import { startFrontServer } from '../lib/front-server.mjs';
import { crashed, notBuilt, row } from '../lib/report.mjs';
import { BENCH_DIR, ROOT_DIR, SUBJECTS, exists, exportsName, rootPath } from '../lib/workspace.mjs';

/** Short, so the library refreshes (at half-life) during the run. */
const TOKEN_LIFETIME_S = 4;
/** How long the page must stay quiet before a count is read: waiting, not a timing assertion. */
const SETTLE_MS = 600;

/**
 * Bundles a fixture for the browser, frameworks included, production mode.
 * @param {string} entry bench-relative
 * @param {string} tsconfig workspace-relative
 * @returns {Promise<string>}
 * @example
 * await bundlePage('fixtures/react-renders.tsx', 'tsconfig.base.json');
 */
export async function bundlePage(entry, tsconfig) {
  const result = await build({
    entryPoints: [`${BENCH_DIR}/${entry}`],
    absWorkingDir: ROOT_DIR,
    tsconfig,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    write: false,
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"', ngDevMode: 'false' },
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

/**
 * @param {{ projectId: string, widgetUrl: string }} config
 * @param {string} script path of the page's bundle
 * @returns {string}
 * @example
 * pageHtml({ projectId, widgetUrl }, '/react/app.js');
 */
export function pageHtml(config, script) {
  const benchConfig = JSON.stringify({ ...config, tokenLifetimeSeconds: TOKEN_LIFETIME_S });
  return `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>bench</title></head><body>
<div id="root"></div><bench-root></bench-root>
<script>window.__benchConfig = ${benchConfig};</script>
<script type="module" src="${script}"></script>
</body></html>`;
}

/**
 * The whole body of a request, as text.
 * @param {import('node:http').IncomingMessage} req
 * @returns {Promise<string>}
 * @example
 * const body = JSON.parse(await readBody(req));
 */
function readBody(req) {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });
}

/** Consecutive distinct values: the real status changes. */
export function transitions(statuses) {
  let changes = 0;
  for (let i = 1; i < statuses.length; i++) if (statuses[i] !== statuses[i - 1]) changes++;
  return changes;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Drives one page through the cycle and returns the counts at each step.
 * @param {{ browser: import('playwright-core').Browser, url: string, emulator: import('../../libs/testing/src/index').TiledeskEmulator, projectId: string }} run
 * @returns {Promise<{ renders: string[], statuses: string[], neutralChecks: number, neutralEvents: number, tokenCalls: number }>}
 * @example
 * await driveCycle({ browser, url: `${front}/react/`, emulator, projectId });
 */
export async function driveCycle(run) {
  const context = await run.browser.newContext();
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(run.url);
    const probe = () => page.evaluate(() => JSON.parse(JSON.stringify(window.__bench)));
    const waitFor = async (what, predicate, arg = null) => {
      try {
        await page.waitForFunction(predicate, arg, { timeout: 20_000 });
      } catch {
        throw new Error(`${run.url}: gave up waiting for ${what}; page errors: ${errors.join(' | ') || 'none'}`);
      }
    };

    await waitFor('signed-in', () => window.__bench?.statuses.includes('signed-in'));
    // The refresh: a second token fetched and accepted by the widget (a second sign-in request).
    await waitFor('a token refresh', () => window.__bench.tokenCalls >= 2);
    const signIns = () =>
      run.emulator.requests(run.projectId).filter((r) => r.route === 'signinWithCustomToken' && r.status === 200).length;
    for (let i = 0; i < 100 && signIns() < 2; i++) await sleep(100);
    if (signIns() < 2) throw new Error(`${run.url}: the refreshed token never reached the widget`);
    await sleep(SETTLE_MS);

    // Widget events that leave auth alone: open, close, and a chat reconnect (onInit + online again).
    const before = await probe();
    await page.evaluate(() => {
      window.tiledesk.open();
      window.tiledesk.close();
    });
    run.emulator.dropChatConnections(run.projectId);
    await waitFor('the reconnect', (n) => (window.__bench.events.onInit ?? 0) > n, before.events.onInit ?? 0);
    await sleep(SETTLE_MS);
    const after = await probe();
    const count = (p) => Object.values(p.events).reduce((a, b) => a + b, 0);

    await page.evaluate(() => window.__bench.signOut());
    await waitFor('signed-out', () => window.__bench.statuses.at(-1) === 'signed-out');
    await sleep(SETTLE_MS);
    const end = await probe();
    if (errors.length > 0) throw new Error(`${run.url}: page errors: ${errors.join(' | ')}`);
    return {
      renders: end.renders,
      statuses: end.statuses,
      neutralChecks: after.renders.length - before.renders.length,
      neutralEvents: count(after) - count(before),
      tokenCalls: end.tokenCalls,
    };
  } finally {
    await context.close();
  }
}

/**
 * Runs figure 5.
 * @returns {Promise<import('../lib/report.mjs').Row[]>}
 * @example
 * const rows = await run();
 */
export default async function run() {
  const reactFigure = '5a. react renders, status-only consumer';
  const angularFigure = '5b. angular CD runs from auth-neutral widget events';
  const reactTarget = '1 per status change (+1 mount)';
  const angularTarget = '0';
  const coreBuilt = await exportsName(SUBJECTS.core, 'createTiledesk');
  const subjects = [
    { figure: reactFigure, target: reactTarget, present: coreBuilt && exists(SUBJECTS.react), missing: 'libs/react' },
    { figure: angularFigure, target: angularTarget, present: coreBuilt && exists(SUBJECTS.angular), missing: 'libs/angular' },
  ];
  if (!exists(SUBJECTS.testing)) {
    return subjects.map((s) => notBuilt({ figure: s.figure, target: s.target, missing: 'libs/testing (the emulator)' }));
  }
  const { startTiledeskEmulator } = await import(rootPath(SUBJECTS.testing));
  const emulator = await startTiledeskEmulator({});
  const cleanups = [() => emulator.close()];
  try {
    // The real v6 boot gate: our libraries must force the boot, not wait for it.
    const project = emulator.createProject({ bootDelayMs: 5000 });
    const config = { projectId: project.id, widgetUrl: project.widgetUrl };
    const pages = {};
    if (subjects[0].present) {
      pages['/react/'] = { type: 'text/html; charset=utf-8', body: pageHtml(config, '/react/app.js') };
      pages['/react/app.js'] = { type: 'text/javascript', body: await bundlePage('fixtures/react-renders.tsx', 'tsconfig.base.json') };
    }
    if (subjects[1].present) {
      pages['/angular/'] = { type: 'text/html; charset=utf-8', body: pageHtml(config, '/angular/app.js') };
      pages['/angular/app.js'] = {
        type: 'text/javascript',
        body: await bundlePage('fixtures/angular-cd.ts', 'bench/fixtures/tsconfig.angular-jit.json'),
      };
    }
    // Tokens come from the emulator in this process, as an app server would mint them (its control
    // API does not answer web pages).
    const handlers = {
      '/bench/token': async (req, res) => {
        const body = JSON.parse(await readBody(req));
        const token = await emulator.mintToken(project.id, {
          userId: 'ada',
          expiresInSeconds: body.expiresInSeconds,
          claims: { email: 'ada@example.com', firstname: 'Ada', lastname: 'Lovelace' },
        });
        res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        res.end(JSON.stringify({ token }));
      },
    };
    const front = await startFrontServer({ upstream: emulator.url, tokenDelayMs: 0, pages, handlers });
    cleanups.unshift(() => front.close());
    const browser = await launchChromium();
    cleanups.unshift(() => browser.close());

    const rows = [];
    for (const [s, path] of [
      [subjects[0], '/react/'],
      [subjects[1], '/angular/'],
    ]) {
      if (!s.present) {
        rows.push(notBuilt({ figure: s.figure, target: s.target, missing: s.missing }));
        continue;
      }
      try {
        emulator.reset();
        const result = await driveCycle({ browser, url: `${front.url}${path}`, emulator, projectId: project.id });
        rows.push(path === '/react/' ? reactRow(s, result) : angularRow(s, result));
      } catch (error) {
        rows.push(crashed(s.figure, error instanceof Error ? error.message : String(error), { target: s.target }));
      }
    }
    return rows;
  } finally {
    for (const cleanup of cleanups) await cleanup().catch(() => undefined);
  }
}

function reactRow(s, result) {
  const changes = transitions(result.statuses);
  const expected = changes + 1;
  return row({
    figure: s.figure,
    ours: `${result.renders.length} renders`,
    anchors: `${changes} status changes (${result.statuses.join(' → ')})`,
    ratio: `${(result.renders.length / expected).toFixed(2)}× ideal`,
    target: s.target,
    met: result.renders.length === expected,
    notes: [
      `${s.figure}: Chromium + emulator, zero-latency; cycle = sign-in, ${result.tokenCalls - 1} refresh(es) ` +
        `(${TOKEN_LIFETIME_S} s tokens), open/close/reconnect, sign-out; renders saw ${result.renders.join(', ')}; ` +
        `${result.neutralChecks} render(s) during ${result.neutralEvents} auth-neutral widget events.`,
    ],
  });
}

function angularRow(s, result) {
  return row({
    figure: s.figure,
    ours: `${result.neutralChecks} CD runs`,
    anchors: `${result.neutralEvents} widget events (open, close, reconnect)`,
    ratio: result.neutralEvents === 0 ? 'n/a' : `${(result.neutralChecks / result.neutralEvents).toFixed(2)} per event`,
    target: s.target,
    met: result.neutralChecks === 0 && result.neutralEvents > 0,
    notes: [
      `${s.figure}: zoneless app, JIT-compiled fixture, prod mode; CD runs counted as checks of a default-strategy ` +
        `root view; whole cycle: ${result.renders.length} checks for ${transitions(result.statuses)} status changes ` +
        `(${result.statuses.join(' → ')}).`,
    ],
  });
}
