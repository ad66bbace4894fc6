/**
 * Figure 2: milliseconds from navigation start to `[data-testid=status]` reading `signed-in`, in
 * Chromium, for each sample app and for the naive sequence (fixtures/naive-page.mjs), with 300 ms
 * added to the token route (by the front server) and to the widget script (by the emulator's
 * `delay-next`). Each run uses a fresh browser context (empty storage) and a demo session.
 *
 * @example
 * const rows = await run();
 */
import { launchChromium, RECORD_SIGNED_IN } from '../lib/chromium.mjs';
import { startChildServer } from '../lib/child-server.mjs';
import { startFrontServer, TOKEN_ROUTE } from '../lib/front-server.mjs';
import { formatRatio, median, ratio } from '../lib/stats.mjs';
import { crashed, notBuilt, row } from '../lib/report.mjs';
import { SUBJECTS, exists, findExporter } from '../lib/workspace.mjs';
import { naivePageHtml } from '../fixtures/naive-page.mjs';

const TOKEN_LATENCY_MS = 300;
const SCRIPT_LATENCY_MS = 300;
/** The real v6 widget waits this long for a gesture before it boots (tiledesk-protocol.md §1). */
const V6_BOOT_GATE_MS = 5000;
const SAMPLE_RUNS = 5;
const NAIVE_RUNS = 3;
const TARGET_MS = Math.max(TOKEN_LATENCY_MS, SCRIPT_LATENCY_MS) + 100;

/**
 * Calls the emulator's control API (`/__emulator/*`), failing loudly on a non-2xx answer.
 * @param {string} emulatorUrl
 * @param {string} op e.g. `projects/<id>/delay-next`
 * @param {Record<string, unknown>} [body] POSTed as JSON; GET when absent
 * @returns {Promise<unknown>}
 * @example
 * await control(url, `projects/${id}/delay-next`, { route: 'widget', ms: 300, times: 1 });
 */
export async function control(emulatorUrl, op, body) {
  const response = await fetch(`${emulatorUrl}/__emulator/${op}`, {
    method: body ? 'POST' : 'GET',
    headers: { 'content-type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  const answer = await response.json();
  if (!response.ok) throw new Error(`emulator ${op} answered ${response.status}: ${JSON.stringify(answer)}`);
  return answer;
}

/**
 * One page load, measured in the page's own clock.
 * @param {{ browser: import('playwright-core').Browser, front: { url: string, requests: Array<{ method: string, path: string, receivedAt: number, answeredAt: number }> }, path: string, emulatorUrl: string, projectId: string }} run
 * @returns {Promise<{ elapsed: number, phases: Record<string, [number, number]> }>} ms from navigation
 *   start to signed-in, and when each network phase ran (ms from navigation start)
 * @example
 * await measureOnce({ browser, front, path: '/react/', emulatorUrl, projectId });
 */
export async function measureOnce(run) {
  await control(run.emulatorUrl, 'reset', {});
  await control(run.emulatorUrl, `projects/${encodeURIComponent(run.projectId)}/delay-next`, {
    route: 'widget',
    ms: SCRIPT_LATENCY_MS,
    times: 1,
  });
  const context = await run.browser.newContext();
  try {
    await context.addInitScript(RECORD_SIGNED_IN);
    const session = await context.request.post(`${run.front.url}/api/session`, { data: { userId: 'ada' } });
    if (!session.ok()) throw new Error(`POST /api/session answered ${session.status()}`);
    const page = await context.newPage();
    run.front.requests.length = 0;
    await page.goto(`${run.front.url}${run.path}`);
    await page.waitForFunction(() => window.__benchSignedInAt !== undefined, null, { timeout: 20_000 });
    const [elapsed, origin] = await page.evaluate(() => [window.__benchSignedInAt, performance.timeOrigin]);
    const log = /** @type {Array<{ route: string, startedAt: number, endedAt: number }>} */ (
      await control(run.emulatorUrl, `requests?projectId=${encodeURIComponent(run.projectId)}`)
    );
    const first = (route) => log.find((r) => r.route === route);
    const widget = first('widget');
    if (!widget || widget.endedAt - widget.startedAt < SCRIPT_LATENCY_MS) {
      throw new Error(`${run.path}: the widget script was not served with the injected ${SCRIPT_LATENCY_MS} ms`);
    }
    const token = run.front.requests.find((r) => r.path === TOKEN_ROUTE);
    if (!token || token.answeredAt - token.receivedAt < TOKEN_LATENCY_MS) {
      throw new Error(`${run.path}: no token request was answered with the injected ${TOKEN_LATENCY_MS} ms`);
    }
    const rel = (start, end) => [Math.round(start - origin), Math.round(end - origin)];
    // What the page asked its own origin for before the token: that is what gates the start.
    const phases = {};
    for (const r of run.front.requests.filter((x) => x.receivedAt < token.receivedAt)) {
      phases[`${r.method} ${r.path}`] = rel(r.receivedAt, r.answeredAt);
    }
    phases.token = rel(token.receivedAt, token.answeredAt);
    phases['launch.js'] = rel(widget.startedAt, widget.endedAt);
    for (const route of ['signinWithCustomToken', 'createCustomToken']) {
      const entry = first(route);
      if (entry) phases[route] = rel(entry.startedAt, entry.endedAt);
    }
    return { elapsed, phases };
  } finally {
    await context.close();
  }
}

/**
 * Runs figure 2.
 * @returns {Promise<import('../lib/report.mjs').Row[]>}
 * @example
 * const rows = await run();
 */
export default async function run() {
  const target = `≤ ${TARGET_MS} ms (max latency + 100)`;
  const samples = [
    { figure: '2a. time to signed-in: react-sample', path: '/react/', dist: SUBJECTS.reactSampleDist, missing: 'dist/apps/react-sample' },
    { figure: '2b. time to signed-in: angular-sample', path: '/angular/', dist: SUBJECTS.angularSampleDist, missing: 'dist/apps/angular-sample' },
  ];
  if (!(await findExporter('apps/token-server/src', 'startTokenServer'))) {
    return samples.map((s) => notBuilt({ figure: s.figure, target, missing: 'apps/token-server (the naive anchor needs it too)' }));
  }

  const server = await startChildServer('bench/fixtures/serve-token-server.mjs');
  const cleanups = [() => server.stop()];
  try {
    const config = await (await fetch(`${server.info.url}/api/config`)).json();
    if (config.mode !== 'emulator') throw new Error(`the token server runs in "${config.mode}" mode; figure 2 needs the emulator`);
    const emulatorUrl = server.info.emulatorUrl ?? new URL(config.widgetUrl).origin;
    await control(emulatorUrl, `projects/${encodeURIComponent(config.projectId)}/configure`, { bootDelayMs: V6_BOOT_GATE_MS });

    const front = await startFrontServer({
      upstream: server.info.url,
      tokenDelayMs: TOKEN_LATENCY_MS,
      pages: { '/naive/': { type: 'text/html; charset=utf-8', body: naivePageHtml() } },
    });
    cleanups.unshift(() => front.close());
    const browser = await launchChromium();
    cleanups.unshift(() => browser.close());
    const breakdowns = new Map();
    const measure = async (path) => {
      const { elapsed, phases } = await measureOnce({ browser, front, path, emulatorUrl, projectId: config.projectId });
      breakdowns.set(path, [...(breakdowns.get(path) ?? []), { elapsed, phases }]);
      return elapsed;
    };

    const present = samples.filter((s) => exists(s.dist));
    const times = new Map([...present.map((s) => [s.path, []]), ['/naive/', []]]);
    // One unrecorded load per sample first, so no sample pays for Chromium's cold start.
    for (const s of present) await measure(s.path);
    for (let i = 0; i < SAMPLE_RUNS; i++) {
      for (const s of present) times.get(s.path).push(await measure(s.path));
      if (i < NAIVE_RUNS) times.get('/naive/').push(await measure('/naive/'));
    }

    const naive = median(times.get('/naive/'));
    const anchors = `naive sequence ${Math.round(naive)} ms`;
    const notes = [
      `2. time to signed-in: median of ${SAMPLE_RUNS} runs per sample (${NAIVE_RUNS} naive); ${TOKEN_LATENCY_MS} ms on the token route ` +
        `(front proxy), ${SCRIPT_LATENCY_MS} ms on launch.js (emulator delay-next), v6 boot gate ${V6_BOOT_GATE_MS} ms; ` +
        `clock: the page's performance.now() from navigation start.`,
    ];
    notes.push(`naive sequence: median run's phases: ${describePhases(medianRun(breakdowns.get('/naive/')))}.`);
    return samples.map((s) => {
      if (!exists(s.dist)) return notBuilt({ figure: s.figure, anchors, target, missing: s.missing });
      const ours = median(times.get(s.path));
      // The samples' own start-up (bundle, config, session) comes before the library's first request;
      // this second number isolates what the library itself takes.
      const fromFirstRequest = median(breakdowns.get(s.path).slice(1).map(sinceFirstRequest));
      return row({
        figure: s.figure,
        ours: `${Math.round(ours)} ms (${Math.round(fromFirstRequest)} ms from the first token/script request)`,
        anchors,
        ratio: formatRatio(ratio(ours, naive)),
        target,
        met: ours <= TARGET_MS,
        notes: [
          ...notes.splice(0),
          `${s.figure}: runs ${times.get(s.path).map((t) => Math.round(t)).join(', ')} ms; median run's phases ` +
            `(ms from navigation start): ${describePhases(medianRun(breakdowns.get(s.path).slice(1)))}.`,
        ],
      });
    });
  } catch (error) {
    return samples.map((s) => crashed(s.figure, error instanceof Error ? error.message : String(error), { target }));
  } finally {
    for (const cleanup of cleanups) await cleanup().catch(() => undefined);
  }
}

/** The recorded run whose time is the median (the lower middle for an even count). */
function medianRun(runs) {
  const sorted = [...runs].sort((a, b) => a.elapsed - b.elapsed);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

function sinceFirstRequest(run) {
  return run.elapsed - Math.min(run.phases.token[0], run.phases['launch.js'][0]);
}

function describePhases(run) {
  const parts = Object.entries(run.phases).map(([name, [start, end]]) => `${name} ${start}→${end}`);
  return `${parts.join(', ')}, signed-in ${Math.round(run.elapsed)} (${Math.round(sinceFirstRequest(run))} after the first of token/launch.js)`;
}
