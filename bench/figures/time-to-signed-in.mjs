/**
 * Figure 2: milliseconds from navigation start to `[data-testid=status]` reading `signed-in`, in
 * Chromium, for each sample app, for the hand-written floor (fixtures/floor-page.mjs) and for the
 * naive sequence (fixtures/naive-page.mjs), with 300 ms
 * added to the token route (by the front server) and to the widget script (by the emulator's
 * `delay-next`). Each run uses a fresh browser context (empty storage) and a demo session.
 * First on the emulated widget, then, when `TILEDESK_REAL_WIDGET_DIR` names a build of the real
 * Tiledesk widget, on that build served by the emulator (its API and chat broker behind it), with
 * a check that the launcher is visible after signed-in.
 *
 * @example
 * const rows = await run();
 */
import { launchChromium, RECORD_SIGNED_IN, SIGNED_IN_SIGNAL } from '../lib/chromium.mjs';
import { startChildServer } from '../lib/child-server.mjs';
import { startFrontServer, TOKEN_ROUTE } from '../lib/front-server.mjs';
import { formatRatio, median, ratio } from '../lib/stats.mjs';
import { crashed, notBuilt, row } from '../lib/report.mjs';
import { SUBJECTS, exists, findExporter } from '../lib/workspace.mjs';
import { naivePageHtml } from '../fixtures/naive-page.mjs';
import { floorPageHtml } from '../fixtures/floor-page.mjs';
import { NEXT_SAMPLE_BUILD, startNextSample } from '../lib/next-sample-server.mjs';

const TOKEN_LATENCY_MS = 300;
const SCRIPT_LATENCY_MS = 300;
/** The real v6 widget waits this long for a gesture before it boots (docs/widget-protocol.md, "Loading": the boot gate). */
const V6_BOOT_GATE_MS = 5000;
const SAMPLE_RUNS = 5;
const NAIVE_RUNS = 3;
/** The real widget loads an Angular app into an iframe: fewer runs keep the figure within its time. */
const REAL_SAMPLE_RUNS = 3;
const REAL_NAIVE_RUNS = 2;
/** The goal: at most this much more than the slower of the two injected latencies, from navigation start. */
const TARGET_SLACK_MS = 150;
const TARGET_MS = Math.max(TOKEN_LATENCY_MS, SCRIPT_LATENCY_MS) + TARGET_SLACK_MS;
/** The environment variable naming a build of the real widget (its folder with `launch.js`). */
export const REAL_WIDGET_ENV = 'TILEDESK_REAL_WIDGET_DIR';
/** How long after signed-in the real widget's launcher may take to appear. */
const LAUNCHER_WAIT_MS = 3000;
/** The `performance.mark` a sample sets first thing in its bundle. */
const BUNDLE_RAN_MARK = 'sample-bundle-ran';
/** How soon after the bundle ran the token request and launch.js must start. */
const START_GAP_MS = 30;
/** Where the front server serves the hand-written floor page. */
const FLOOR_PATH = '/floor/';

/**
 * Runs in the page: every resource it fetched (Resource Timing, the page's clock), when its
 * bundle ran (the sample's mark), and when the browser had the HTML, had parsed it, fired
 * `DOMContentLoaded` and `load` (Navigation Timing), for the start-up order and the timeline.
 * @param {string} markName
 * @returns {{ bundleRanAt: number | null, document: { htmlRead: number, parsed: number, domContentLoaded: number, load: number } | null, resources: Array<{ name: string, initiatorType: string, startTime: number, responseEnd: number }> }}
 * @example
 * await page.evaluate(pageTimings, 'sample-bundle-ran');
 */
export function pageTimings(markName) {
  const mark = performance.getEntriesByName(markName, 'mark')[0];
  const navigation = /** @type {PerformanceNavigationTiming | undefined} */ (performance.getEntriesByType('navigation')[0]);
  return {
    bundleRanAt: mark ? mark.startTime : null,
    document: navigation
      ? {
          htmlRead: navigation.responseEnd,
          parsed: navigation.domInteractive,
          domContentLoaded: navigation.domContentLoadedEventStart,
          // 0 until the load event has fired.
          load: navigation.loadEventStart,
        }
      : null,
    resources: performance.getEntriesByType('resource').map((entry) => ({
      name: entry.name,
      initiatorType: /** @type {PerformanceResourceTiming} */ (entry).initiatorType,
      startTime: entry.startTime,
      responseEnd: /** @type {PerformanceResourceTiming} */ (entry).responseEnd,
    })),
  };
}

/**
 * The start-up order of one load, from the page's own timings: when the bundle ran (the sample's
 * mark, else when its last script arrived), how long after it the token request and launch.js
 * started (negative: before, e.g. launch.js preloaded by the HTML), how many times launch.js was
 * fetched, and which requests other than the page's own build files started before both.
 * @param {ReturnType<typeof pageTimings>} timings
 * @param {{ origin: string, path: string, widgetUrl: string }} page the front server's origin, the page's path, the widget URL
 * @returns {{ bundleRanAt: number | null, tokenGap: number | null, launchGap: number | null, launchFetches: number, before: string[] }}
 * @example
 * startOrder(await page.evaluate(pageTimings, BUNDLE_RAN_MARK), { origin, path: '/react/', widgetUrl });
 */
export function startOrder(timings, page) {
  const withoutQuery = (name) => name.split(/[?#]/)[0];
  const launches = timings.resources.filter((r) => withoutQuery(r.name) === page.widgetUrl);
  const token = timings.resources.find((r) => withoutQuery(r.name) === `${page.origin}${TOKEN_ROUTE}`);
  const isBuildFile = (r) => withoutQuery(r.name).startsWith(`${page.origin}${page.path}`) && /\.(?:m?js|css)$/.test(withoutQuery(r.name));
  const scripts = timings.resources.filter((r) => isBuildFile(r) && /\.m?js$/.test(withoutQuery(r.name)));
  const bundleRanAt = timings.bundleRanAt ?? (scripts.length > 0 ? Math.max(...scripts.map((r) => r.responseEnd)) : null);
  const bothStarted = Math.max(token?.startTime ?? Infinity, launches[0]?.startTime ?? Infinity);
  const before = timings.resources
    .filter((r) => r.startTime < bothStarted && r !== token && !launches.includes(r) && !isBuildFile(r))
    .map((r) => `${r.initiatorType} ${withoutQuery(r.name).replace(page.origin, '')}`);
  const gap = (entry) => (entry && bundleRanAt !== null ? Math.round(entry.startTime - bundleRanAt) : null);
  return { bundleRanAt, tokenGap: gap(token), launchGap: gap(launches[0]), launchFetches: launches.length, before };
}

/**
 * The page's own milestones in one load (ms from navigation start, rounded), for the timeline:
 * the HTML read and parsed, its first build script requested and received, the bundle ran (the
 * sample's mark), `DOMContentLoaded`, and `load` (the v6 widget boots only after it). Absent
 * milestones are left out.
 * @param {ReturnType<typeof pageTimings>} timings
 * @param {{ origin: string, path: string }} page the front server's origin and the page's path
 * @returns {Record<string, number>}
 * @example
 * pageMilestones(await page.evaluate(pageTimings, BUNDLE_RAN_MARK), { origin, path: '/react/' });
 */
export function pageMilestones(timings, page) {
  const withoutQuery = (name) => name.split(/[?#]/)[0];
  const bundle = timings.resources.find(
    (r) => withoutQuery(r.name).startsWith(`${page.origin}${page.path}`) && /\.m?js$/.test(withoutQuery(r.name)),
  );
  const doc = timings.document;
  const entries = [
    ['html read', doc?.htmlRead],
    ['html parsed', doc?.parsed],
    ['bundle requested', bundle?.startTime],
    ['bundle received', bundle?.responseEnd],
    ['bundle ran', timings.bundleRanAt ?? undefined],
    ['DOMContentLoaded', doc?.domContentLoaded],
    ['load', doc?.load],
  ];
  return Object.fromEntries(entries.filter(([, at]) => typeof at === 'number' && at > 0).map(([name, at]) => [name, Math.round(at)]));
}

/**
 * Calls the emulator's control API (`/__emulator/*`), failing loudly on a non-2xx answer.
 * @param {{ url: string, controlToken: string | null }} emulator where it listens, and its run's control token
 * @param {string} op e.g. `projects/<id>/delay-next`
 * @param {Record<string, unknown>} [body] POSTed as JSON; GET when absent
 * @returns {Promise<unknown>}
 * @example
 * await control(emulator, `projects/${id}/delay-next`, { route: 'widget', ms: 300, times: 1 });
 */
export async function control(emulator, op, body) {
  const response = await fetch(`${emulator.url}/__emulator/${op}`, {
    method: body ? 'POST' : 'GET',
    headers: {
      'content-type': 'application/json',
      ...(emulator.controlToken ? { 'x-tiledesk-emulator-control-token': emulator.controlToken } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const answer = await response.json();
  if (!response.ok) throw new Error(`emulator ${op} answered ${response.status}: ${JSON.stringify(answer)}`);
  return answer;
}

/**
 * Runs in the page: whether the real widget's launcher button can be seen. The host's
 * `#tiledesk-container` must be displayed, and the button inside the widget's iframe (a document of
 * the page's own origin) must have a size, which it has only while every container above it is
 * displayed (the widget hides its inner container while it does not count itself as shown).
 * @returns {boolean}
 * @example
 * await page.waitForFunction(realLauncherVisible);
 */
export function realLauncherVisible() {
  const container = document.getElementById('tiledesk-container');
  if (!container || getComputedStyle(container).display === 'none') return false;
  const frame = /** @type {HTMLIFrameElement | null} */ (document.getElementById('tiledeskiframe'));
  const button = frame?.contentDocument?.getElementById('c21-launcher-button');
  if (!frame || !button) return false;
  const box = button.getBoundingClientRect();
  const frameBox = frame.getBoundingClientRect();
  return box.width > 0 && box.height > 0 && frameBox.width > 0 && frameBox.height > 0;
}

/**
 * One page load, measured in the page's own clock.
 * @param {{ browser: import('playwright-core').Browser, front: { url: string, requests: Array<{ method: string, path: string, receivedAt: number, answeredAt: number }> }, path: string, emulator: { url: string, controlToken: string | null }, projectId: string, widgetUrl: string, checkLauncher?: boolean }} run
 * @returns {Promise<{ elapsed: number, phases: Record<string, [number, number]>, order: ReturnType<typeof startOrder> & { launchServed?: number }, launcherVisible?: boolean }>} ms
 *   from navigation start to signed-in, when each network phase ran (ms from navigation start), the
 *   start-up order ({@link startOrder}), and with `checkLauncher`, whether the real widget's
 *   launcher showed within 3 s of signed-in
 * @example
 * await measureOnce({ browser, front, path: '/react/', emulator, projectId, widgetUrl });
 */
export async function measureOnce(run) {
  await control(run.emulator, 'reset', {});
  await control(run.emulator, `projects/${encodeURIComponent(run.projectId)}/delay-next`, {
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
    // Nothing is evaluated in the page until signed-in (the driver's scripts would compete with it
    // for its main thread): the page says when, on its console.
    const signedIn = page.waitForEvent('console', { predicate: (message) => message.text().startsWith(SIGNED_IN_SIGNAL), timeout: 20_000 });
    await page.goto(`${run.front.url}${run.path}`, { waitUntil: 'commit' });
    await signedIn;
    const [elapsed, origin] = await page.evaluate(() => [window.__benchSignedInAt, performance.timeOrigin]);
    // The widget boots only after `load`: wait for it, so the timeline has it even when signed-in came first.
    await page.waitForFunction(() => document.readyState === 'complete', null, { timeout: 20_000 });
    const timings = await page.evaluate(pageTimings, BUNDLE_RAN_MARK);
    const order = startOrder(timings, { origin: run.front.url, path: run.path, widgetUrl: run.widgetUrl });
    const milestones = pageMilestones(timings, { origin: run.front.url, path: run.path });
    const launcherVisible = run.checkLauncher
      ? await page.waitForFunction(realLauncherVisible, null, { timeout: LAUNCHER_WAIT_MS }).then(
          () => true,
          () => false,
        )
      : undefined;
    const log = /** @type {Array<{ route: string, startedAt: number, endedAt: number }>} */ (
      await control(run.emulator, `requests?projectId=${encodeURIComponent(run.projectId)}`)
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
    // What the emulator served, beside what the page saw: a preload that did not match the script
    // element shows here as a second launch.js.
    order.launchServed = log.filter((r) => r.route === 'widget' && String(r.path ?? '').endsWith('/launch.js')).length;
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
    for (const route of ['widget-config.json', 'widgets', 'connect']) {
      const entry = log.find((r) => String(r.path ?? '').endsWith(`/${route}`));
      if (entry) phases[route] = rel(entry.startedAt, entry.endedAt);
    }
    return { elapsed, phases, milestones, order, launcherVisible };
  } finally {
    await context.close();
  }
}

/**
 * Measures every subject on one widget: starts the token server (emulator mode, serving the real
 * widget build when `realWidgetDir` is given), the front proxy and Chromium, and for a subject with
 * `host: 'next'` apps/next-sample's own server (on the same emulator, with a front proxy of its
 * own), then loads each sample once unrecorded (so none pays for Chromium's cold start) and
 * `sampleRuns` times recorded, the hand-written floor page as often, and the naive page `naiveRuns` times.
 * @param {{ present: Array<{ path: string, host?: 'next' }>, sampleRuns: number, naiveRuns: number, realWidgetDir?: string }} plan
 * @returns {Promise<{ times: Map<string, number[]>, breakdowns: Map<string, Array<{ elapsed: number, phases: Record<string, [number, number]>, launcherVisible?: boolean }>>, failures: Map<string, string> }>}
 *   `failures`: the subjects that failed (path → why), measured no further
 * @example
 * const { times } = await measureWidget({ present, sampleRuns: 5, naiveRuns: 3 });
 */
export async function measureWidget(plan) {
  const real = plan.realWidgetDir !== undefined;
  const server = await startChildServer('bench/fixtures/serve-token-server.mjs', {
    args: real ? [`--real-widget-dir=${plan.realWidgetDir}`] : [],
  });
  const cleanups = [() => server.stop()];
  try {
    const config = await (await fetch(`${server.info.url}/api/config`)).json();
    if (config.mode !== 'emulator') throw new Error(`the token server runs in "${config.mode}" mode; figure 2 needs the emulator`);
    const served = config.widget ?? server.info.widget ?? 'emulated';
    if (real && served !== 'real') throw new Error(`${REAL_WIDGET_ENV} is set but the token server serves the ${served} widget`);
    const emulator = {
      url: /** @type {string} */ (server.info.emulatorUrl ?? new URL(config.widgetUrl).origin),
      controlToken: /** @type {string | null} */ (server.info.controlToken ?? null),
    };
    // The emulated widget's boot gate; a real build has its own (the same 5 s) in its launch.js.
    await control(emulator, `projects/${encodeURIComponent(config.projectId)}/configure`, { bootDelayMs: V6_BOOT_GATE_MS });

    const front = await startFrontServer({
      upstream: server.info.url,
      tokenDelayMs: TOKEN_LATENCY_MS,
      pages: {
        '/naive/': { type: 'text/html; charset=utf-8', body: naivePageHtml() },
        [FLOOR_PATH]: { type: 'text/html; charset=utf-8', body: floorPageHtml(config) },
      },
    });
    cleanups.unshift(() => front.close());
    const hosts = new Map([['token-server', { front, config }]]);
    // A subject that fails (its server does not start, a load fails) crashes its own row only.
    const failures = new Map();
    const message = (error) => (error instanceof Error ? error.message : String(error));
    const nextSubjects = plan.present.filter((s) => s.host === 'next');
    if (nextSubjects.length > 0) {
      try {
        const nextSample = await startNextSample({ ...emulator, ...(real ? { realWidgetDir: plan.realWidgetDir } : {}) });
        cleanups.unshift(() => nextSample.stop());
        const nextConfig = await (await fetch(`${nextSample.url}/api/config`)).json();
        await control(emulator, `projects/${encodeURIComponent(nextConfig.projectId)}/configure`, { bootDelayMs: V6_BOOT_GATE_MS });
        const nextFront = await startFrontServer({ upstream: nextSample.url, tokenDelayMs: TOKEN_LATENCY_MS, pages: {} });
        cleanups.unshift(() => nextFront.close());
        hosts.set('next', { front: nextFront, config: nextConfig });
      } catch (error) {
        for (const s of nextSubjects) failures.set(s.path, `apps/next-sample: ${message(error)}`);
      }
    }
    const hostOf = new Map(plan.present.map((s) => [s.path, hosts.get(s.host ?? 'token-server')]));
    const browser = await launchChromium();
    cleanups.unshift(() => browser.close());
    const breakdowns = new Map();
    const measure = async (path) => {
      const host = hostOf.get(path) ?? hosts.get('token-server');
      const result = await measureOnce({
        browser,
        front: host.front,
        path,
        emulator,
        projectId: host.config.projectId,
        widgetUrl: host.config.widgetUrl,
        checkLauncher: real && path !== '/naive/' && path !== FLOOR_PATH,
      });
      breakdowns.set(path, [...(breakdowns.get(path) ?? []), result]);
      return result.elapsed;
    };
    const times = new Map([...plan.present.map((s) => [s.path, []]), [FLOOR_PATH, []], ['/naive/', []]]);
    const measureSample = async (path, record) => {
      if (failures.has(path)) return;
      try {
        const elapsed = await measure(path);
        if (record) times.get(path).push(elapsed);
      } catch (error) {
        failures.set(path, message(error));
      }
    };
    for (const s of plan.present) await measureSample(s.path, false);
    await measure(FLOOR_PATH);
    for (let i = 0; i < plan.sampleRuns; i++) {
      for (const s of plan.present) await measureSample(s.path, true);
      times.get(FLOOR_PATH).push(await measure(FLOOR_PATH));
      if (i < plan.naiveRuns) times.get('/naive/').push(await measure('/naive/'));
    }
    return { times, breakdowns, failures };
  } finally {
    for (const cleanup of cleanups) await cleanup().catch(() => undefined);
  }
}

/**
 * Runs figure 2.
 * @returns {Promise<import('../lib/report.mjs').Row[]>}
 * @example
 * const rows = await run();
 */
export default async function run() {
  const target = `≤ ${TARGET_MS} ms (max latency + ${TARGET_SLACK_MS})`;
  const samples = [
    { figure: '2a. time to signed-in: react-sample', path: '/react/', dist: SUBJECTS.reactSampleDist, missing: 'dist/apps/react-sample' },
    {
      figure: '2b. time to signed-in: angular-sample',
      path: '/angular/',
      dist: SUBJECTS.angularSampleDist,
      missing: 'dist/apps/angular-sample',
    },
    // Served by its own Next.js server, not the token server: `/` of its own front proxy.
    {
      figure: '2e. time to signed-in: next-sample',
      path: '/',
      host: /** @type {const} */ ('next'),
      dist: NEXT_SAMPLE_BUILD,
      missing: 'apps/next-sample/.next (npx nx build next-sample)',
    },
  ];
  const realSamples = [
    { ...samples[0], figure: '2c. time to signed-in, real widget: react-sample' },
    { ...samples[1], figure: '2d. time to signed-in, real widget: angular-sample' },
    { ...samples[2], figure: '2f. time to signed-in, real widget: next-sample' },
  ];
  if (!(await findExporter('apps/token-server/src', 'startTokenServer'))) {
    return samples.map((s) => notBuilt({ figure: s.figure, target, missing: 'apps/token-server (the naive anchor needs it too)' }));
  }
  const present = samples.filter((s) => exists(s.dist));
  const latencies =
    `${TOKEN_LATENCY_MS} ms on the token route (front proxy), ${SCRIPT_LATENCY_MS} ms on launch.js (emulator delay-next), ` +
    `v6 boot gate ${V6_BOOT_GATE_MS} ms; clock: the page's performance.now() from navigation start`;

  let emulated;
  try {
    emulated = await measureWidget({ present, sampleRuns: SAMPLE_RUNS, naiveRuns: NAIVE_RUNS });
  } catch (error) {
    return samples.map((s) => crashed(s.figure, error instanceof Error ? error.message : String(error), { target }));
  }
  const emulatedNaive = median(emulated.times.get('/naive/'));
  const emulatedFloor = median(emulated.times.get(FLOOR_PATH));
  const rows = samplesRows({
    samples,
    measured: emulated,
    anchors: `hand-written floor ${Math.round(emulatedFloor)} ms; naive sequence ${Math.round(emulatedNaive)} ms`,
    naive: emulatedNaive,
    floor: emulatedFloor,
    target,
    notes: [
      `2. time to signed-in (emulated widget): median of ${SAMPLE_RUNS} runs per sample and of the floor (${NAIVE_RUNS} naive); ${latencies}.`,
      floorNote('emulated widget', emulated),
      `naive sequence (emulated widget): median run's phases: ${describePhases(medianRun(emulated.breakdowns.get('/naive/')))}.`,
    ],
  });

  const realWidgetDir = process.env[REAL_WIDGET_ENV];
  if (!realWidgetDir) {
    rows[rows.length - 1].notes.push(
      `2. time to signed-in on the REAL widget: not measured (set ${REAL_WIDGET_ENV} to a build of the real Tiledesk widget, the folder with its launch.js, e.g. ${REAL_WIDGET_ENV}=/path/to/real-widget/dist npm run bench -- --only=2).`,
    );
    return rows;
  }
  try {
    const realRun = await measureWidget({ present, sampleRuns: REAL_SAMPLE_RUNS, naiveRuns: REAL_NAIVE_RUNS, realWidgetDir });
    const realNaive = median(realRun.times.get('/naive/'));
    const realFloor = median(realRun.times.get(FLOOR_PATH));
    const visible = [...realRun.breakdowns.entries()]
      .filter(([path]) => path !== '/naive/' && path !== FLOOR_PATH)
      .flatMap(([, runs]) => runs.map((r) => r.launcherVisible));
    const emulatedBy = new Map(
      present.map((s) => [s.path, emulated.times.get(s.path).length > 0 ? `${Math.round(median(emulated.times.get(s.path)))} ms` : 'n/a']),
    );
    return [
      ...rows,
      ...samplesRows({
        samples: realSamples,
        measured: realRun,
        anchors: (s) =>
          `hand-written floor, real widget ${Math.round(realFloor)} ms; naive sequence, real widget ${Math.round(realNaive)} ms; emulated widget ${emulatedBy.get(s.path)}`,
        naive: realNaive,
        floor: realFloor,
        target,
        notes: [
          `2. time to signed-in (real widget, ${realWidgetDir}): median of ${REAL_SAMPLE_RUNS} runs per sample (${REAL_NAIVE_RUNS} naive), ` +
            `served by the emulator with its API and MQTT broker; ${latencies}; the ratios are against the floor and the naive sequence on the real widget.`,
          floorNote('real widget', realRun),
          `naive sequence (real widget): median run's phases: ${describePhases(medianRun(realRun.breakdowns.get('/naive/')))}.`,
          `real widget: launcher visible within ${LAUNCHER_WAIT_MS} ms of signed-in in ${visible.filter(Boolean).length} of ${visible.length} sample loads.`,
        ],
      }),
    ];
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return [...rows, ...realSamples.map((s) => crashed(s.figure, `real widget (${realWidgetDir}): ${message}`, { target }))];
  }
}

/**
 * One table row per sample from one widget's measurements; the shared notes go on the first row.
 * @param {{ samples: Array<{ figure: string, path: string, dist: string, missing: string }>, measured: { times: Map<string, number[]>, breakdowns: Map<string, Array<{ elapsed: number, phases: Record<string, [number, number]> }>> }, anchors: string | ((sample: { path: string }) => string), naive: number, floor: number, target: string, notes: string[] }} table
 * @returns {import('../lib/report.mjs').Row[]}
 */
function samplesRows(table) {
  const notes = [...table.notes];
  return table.samples.map((s) => {
    const anchors = typeof table.anchors === 'function' ? table.anchors(s) : table.anchors;
    // Not built when the figure started (a build may have finished since): not measured.
    if (!table.measured.times.has(s.path)) return notBuilt({ figure: s.figure, anchors, target: table.target, missing: s.missing });
    const failure = table.measured.failures?.get(s.path);
    if (failure) {
      const failed = crashed(s.figure, failure, { anchors, target: table.target });
      return { ...failed, notes: [...notes.splice(0), ...failed.notes] };
    }
    const ours = median(table.measured.times.get(s.path));
    // The samples' own start-up (bundle, config, session) comes before the library's first request;
    // this second number isolates what the library itself takes.
    const recorded = table.measured.breakdowns.get(s.path).slice(1);
    const fromFirstRequest = median(recorded.map(sinceFirstRequest));
    const order = describeOrder(recorded.map((r) => r.order));
    return row({
      figure: s.figure,
      ours: `${Math.round(ours)} ms (${Math.round(fromFirstRequest)} ms from the first token/script request; ${order.short})`,
      anchors,
      ratio: `${formatRatio(ratio(ours, table.floor))} floor; ${formatRatio(ratio(ours, table.naive))} naive`,
      target: table.target,
      met: ours <= TARGET_MS,
      notes: [
        ...notes.splice(0),
        `${s.figure}: runs ${table.measured.times
          .get(s.path)
          .map((t) => Math.round(t))
          .join(', ')} ms; median run's phases ` + `(ms from navigation start): ${describePhases(medianRun(recorded))}.`,
        `${s.figure}: start-up order: ${order.long}.`,
      ],
    });
  });
}

/**
 * What the hand-written floor took on one widget: its runs, its median run's timeline, and how much
 * of the target's slack over the latency it leaves (negative: the floor itself misses the target).
 */
function floorNote(widget, measured) {
  const runs = measured.times.get(FLOOR_PATH);
  const floor = median(runs);
  const run = medianRun(measured.breakdowns.get(FLOOR_PATH).slice(1));
  const left = Math.round(TARGET_MS - floor);
  return (
    `hand-written floor (${widget}; fixtures/floor-page.mjs: no library, no framework, everything in the HTML): runs ${runs.map((t) => Math.round(t)).join(', ')} ms; ` +
    `${left >= 0 ? `${left} ms under` : `${-left} ms over`} the ${TARGET_MS} ms target; median run's phases: ${describePhases(run)}.`
  );
}

/** The recorded run whose time is the median (the lower middle for an even count). */
function medianRun(runs) {
  const sorted = [...runs].sort((a, b) => a.elapsed - b.elapsed);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/**
 * The start-up order over a sample's recorded runs: the gaps (median and worst) from "bundle ran"
 * to the token request and to launch.js, how often launch.js was fetched, and any request other
 * than the HTML and its build files that came before both.
 */
function describeOrder(orders) {
  const gaps = (key) => orders.map((o) => o[key]).filter((gap) => gap !== null);
  const summary = (key) => {
    const values = gaps(key);
    return values.length === 0 ? 'n/a' : `median ${Math.round(median(values))}, worst ${Math.max(...values)} ms`;
  };
  const worst = Math.max(...gaps('tokenGap'), ...gaps('launchGap'));
  const fetches = [...new Set(orders.map((o) => o.launchFetches))].join('/');
  const served = [...new Set(orders.map((o) => o.launchServed))].join('/');
  const others = [...new Set(orders.flatMap((o) => o.before))];
  const within = Number.isFinite(worst) && worst <= START_GAP_MS && others.length === 0;
  const medianGap = (key) => (gaps(key).length === 0 ? 'n/a' : `${Math.round(median(gaps(key)))} ms`);
  return {
    short:
      `bundle ran → token ${medianGap('tokenGap')}, → launch.js ${medianGap('launchGap')} (median; worst ${Math.round(worst)} ms), ` +
      `${others.length === 0 ? 'nothing else before them' : `${others.length} other request(s) before them`}`,
    long:
      `from "bundle ran" (mark ${BUNDLE_RAN_MARK}, else the bundle's responseEnd) to the token request's start ${summary('tokenGap')}, ` +
      `to launch.js's start ${summary('launchGap')} (negative: preloaded before the bundle ran); launch.js fetched ${fetches} time(s) per load (page's Resource Timing), served ${served} time(s) (emulator's log); ` +
      `requests before both other than the HTML and its build files: ${others.length === 0 ? 'none' : others.join(', ')}; ` +
      `${within ? 'within' : 'NOT within'} ${START_GAP_MS} ms with nothing else first`,
  };
}

function sinceFirstRequest(run) {
  return run.elapsed - Math.min(run.phases.token[0], run.phases['launch.js'][0]);
}

/**
 * The median run's timeline: the server-side phases (start→end) and the page's own milestones,
 * in order of time, then signed-in.
 */
function describePhases(run) {
  const phases = Object.entries(run.phases).map(([name, [start, end]]) => ({ at: start, text: `${name} ${start}→${end}` }));
  const milestones = Object.entries(run.milestones ?? {}).map(([name, at]) => ({ at, text: `${name} ${at}` }));
  const parts = [...phases, ...milestones].sort((a, b) => a.at - b.at).map((part) => part.text);
  return `${parts.join(', ')}, signed-in ${Math.round(run.elapsed)} (${Math.round(sinceFirstRequest(run))} after the first of token/launch.js)`;
}
