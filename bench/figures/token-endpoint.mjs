/**
 * Figure 4: the token endpoint under load, as two comparisons that each isolate one choice.
 *
 * 4a. apps/token-server's `POST /api/tiledesk-token` (answered before Express's router, through
 *     helmet, express-session and the server package's Node handler: it verifies the session
 *     cookie and mints on every request) beside "the seed's way": Express and the same session
 *     check with a hand-written route calling `jsonwebtoken.sign` with a string secret over the
 *     same claims (`fixtures/serve-seed-token-route.mjs`). Target ≥ 3×, 0 errors. The seed's stack
 *     answering a constant (`fixtures/serve-session-constant.mjs`) is measured too: it tells the
 *     stack's share from the minting's.
 * 4b. The server package's `createNodeTokenHandler` on plain node:http with a constant user
 *     (`fixtures/serve-node-handler.mjs`) beside a bare node:http route returning a constant
 *     string. Target ≥ 0.5×, 0 errors.
 *
 * Each server runs in its own process on 127.0.0.1 (the same launcher for all); autocannon runs
 * here with the same 10 connections for every server. After a warm-up each, every round runs a
 * subject and its anchor back to back (which goes first alternates), so both meet the same load
 * from the rest of the machine; a ratio is the median of the per-round ratios. Each server's
 * memory (heap after a full GC, and RSS) is sampled after the warm-up and after every round.
 *
 * @example
 * const rows = await run();
 */
import autocannon from 'autocannon';
import { startChildServer } from '../lib/child-server.mjs';
import { formatRate, formatRatio, median, ratio } from '../lib/stats.mjs';
import { notBuilt, row } from '../lib/report.mjs';
import { findExporter } from '../lib/workspace.mjs';

const CONNECTIONS = 10;
const WARMUP_S = 1;
/**
 * 9 s per server in all, as 9 rounds of 1 s: load from the rest of the machine comes and goes.
 * Shorter rounds would bring the two sides of a ratio closer in time, but leave the slowest
 * server (a few hundred requests a second under load) too few requests per round.
 */
const ROUNDS = 9;
const ROUND_S = 1;
/**
 * Who runs next to whom in a round: each subject beside its anchor. The reference is alone.
 * @type {readonly (readonly string[])[]}
 */
const ROUND_GROUPS = Object.freeze([Object.freeze(['seed', 'sample']), Object.freeze(['stack']), Object.freeze(['bare', 'handler'])]);
/** Heap growth (after GC) over all rounds that still counts as flat. */
const FLAT_HEAP_BYTES = 2 * 1024 * 1024;
const SAMPLE_TARGET = 3;
const HANDLER_TARGET = 0.5;

/**
 * One bounded autocannon run against a loopback URL.
 * @param {{ url: string, method?: string, headers?: Record<string, string>, body?: string, duration: number, connections?: number }} target
 * @returns {Promise<{ rps: number, p99: number, errors: number, total: number }>}
 * @example
 * await load({ url: 'http://127.0.0.1:4300/api/tiledesk-token', method: 'POST', duration: 1 });
 */
export async function load(target) {
  const host = new URL(target.url).hostname;
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '[::1]') {
    throw new Error(`refusing to load ${target.url}: figure 4 targets loopback only`);
  }
  const result = await autocannon({
    url: target.url,
    method: target.method ?? 'GET',
    headers: target.headers ?? {},
    body: target.body,
    connections: target.connections ?? CONNECTIONS,
    duration: target.duration,
  });
  return {
    // Over the run's own length: autocannon's per-second average needs whole seconds.
    rps: result.duration > 0 ? result.requests.total / result.duration : 0,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    total: result.requests.total,
  };
}

/**
 * Signs a demo user in and returns the `Cookie` header value to send with token requests.
 * @param {string} baseUrl
 * @returns {Promise<string>}
 * @example
 * const cookie = await demoSessionCookie('http://127.0.0.1:4300');
 */
export async function demoSessionCookie(baseUrl) {
  const response = await fetch(`${baseUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId: 'ada' }),
  });
  if (!response.ok) throw new Error(`POST /api/session answered ${response.status}`);
  const cookies = response.headers.getSetCookie().map((c) => c.split(';')[0]);
  if (cookies.length === 0) throw new Error('POST /api/session set no cookie');
  return cookies.join('; ');
}

/**
 * The claims of a `"JWT <jwt>"` token, without `iat`/`exp` and with the project id in `_id`/`aud`
 * replaced, so that two servers' tokens for the same user can be compared.
 * @param {string} token
 * @returns {Record<string, unknown>}
 * @example
 * comparableClaims('JWT eyJ...').sub; // 'userexternal'
 */
export function comparableClaims(token) {
  const claims = JSON.parse(Buffer.from(token.slice('JWT '.length).split('.')[1], 'base64url').toString('utf8'));
  const projectId = String(claims.aud).split('/').pop();
  const { iat: _iat, exp, ...rest } = claims;
  if (typeof exp !== 'number') throw new Error('the token has no exp');
  return Object.fromEntries(
    Object.entries(rest)
      .map(([key, value]) => [key, typeof value === 'string' ? value.replace(projectId, '<projectId>') : value])
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

/**
 * One token request; throws unless it answers a `"JWT …"` token, else returns its comparable claims.
 * @param {{ url: string, headers: Record<string, string>, body: string }} request
 * @returns {Promise<Record<string, unknown>>}
 * @example
 * await probeToken({ url: `${url}/api/tiledesk-token`, headers: { 'content-type': 'application/json' }, body: '{}' });
 */
export async function probeToken(request) {
  const probe = await fetch(request.url, { method: 'POST', headers: request.headers, body: request.body });
  const body = await probe.json();
  if (!probe.ok || typeof body.token !== 'string' || !body.token.startsWith('JWT ')) {
    throw new Error(`${request.url} answered ${probe.status} without a "JWT …" token`);
  }
  return comparableClaims(body.token);
}

/**
 * The order servers run in during round `round`: groups stay together (a subject beside its
 * anchor), the order within each group rotates and the groups' order flips every round, so no
 * server always runs first or always right after the same other one.
 * @param {number} round
 * @param {readonly (readonly string[])[]} groups
 * @returns {string[]}
 * @example
 * roundOrder(1, [['seed', 'sample'], ['bare', 'handler']]); // ['handler', 'bare', 'sample', 'seed']
 */
export function roundOrder(round, groups) {
  const ordered = round % 2 === 0 ? groups : [...groups].reverse();
  return ordered.flatMap((group) => group.map((_, i) => group[(i + round) % group.length]));
}

/**
 * A subject's rate over its anchor's, round by round (each pair ran back to back), and their
 * median: a load spike that slows one round slows both sides of its ratio. Rounds without a
 * value on either side (`null`) are left out.
 * @param {readonly (number | null)[]} subjectRates
 * @param {readonly (number | null)[]} anchorRates
 * @returns {{ median: number | null, lowest: number | null, highest: number | null, perRound: (number | null)[] }}
 * @example
 * pairedRatio([30, 20], [10, 10]).median; // 2.5
 */
export function pairedRatio(subjectRates, anchorRates) {
  if (subjectRates.length !== anchorRates.length) throw new TypeError('pairedRatio: the two sides ran a different number of rounds');
  const perRound = subjectRates.map((rate, i) => ratio(rate, anchorRates[i]));
  const known = perRound.filter((value) => value !== null);
  if (known.length === 0) return { median: null, lowest: null, highest: null, perRound };
  return { median: median(known), lowest: Math.min(...known), highest: Math.max(...known), perRound };
}

/**
 * Requests a server answered per second of its own CPU time, round by round: what req/s would
 * be with a whole core to itself, whatever share of the shared machine it got in that round.
 * @param {Array<import('../lib/child-server.mjs').MemorySample | null>} samples one after the warm-up, then one per round
 * @param {number[]} requests requests answered in each round
 * @returns {(number | null)[]}
 * @example
 * requestsPerCpuSecond([{ cpuAfterGcUs: 0 }, { cpuBeforeGcUs: 500_000 }], [1000]); // [2000]
 */
export function requestsPerCpuSecond(samples, requests) {
  return requests.map((count, i) => {
    const before = samples[i];
    const after = samples[i + 1];
    if (!before || !after) return null;
    const cpuUs = after.cpuBeforeGcUs - before.cpuAfterGcUs;
    return cpuUs > 0 ? count / (cpuUs / 1e6) : null;
  });
}

function rates(result) {
  return result.rounds.map((x) => x.rps);
}

function formatSpread(paired) {
  return paired.lowest === null ? 'n/a' : `${formatRatio(paired.lowest)}–${formatRatio(paired.highest)}`;
}

function megabytes(bytes) {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * First → last memory samples of one server, and whether its heap stayed flat.
 * @param {Array<import('../lib/child-server.mjs').MemorySample | null>} samples
 * @returns {{ text: string, flat: boolean }}
 * @example
 * memorySummary([{ heapUsed: 1e7, rss: 9e7 }, { heapUsed: 1e7, rss: 9e7 }]).flat; // true
 */
export function memorySummary(samples) {
  if (samples.length < 2 || samples.some((s) => s === null)) return { text: 'memory n/a', flat: true };
  const first = samples[0];
  const last = samples[samples.length - 1];
  const peakRss = Math.max(...samples.map((s) => s.rss));
  return {
    text: `heap after GC ${megabytes(first.heapUsed)} → ${megabytes(last.heapUsed)}, RSS ${megabytes(first.rss)} → ${megabytes(last.rss)} (peak ${megabytes(peakRss)})`,
    flat: last.heapUsed - first.heapUsed <= FLAT_HEAP_BYTES,
  };
}

/**
 * Server CPU time per request over the measured rounds, leaving out the probes' forced
 * collections: less sensitive than req/s to the rest of a shared machine.
 * @param {Array<import('../lib/child-server.mjs').MemorySample | null>} samples one after the warm-up, then one per round
 * @param {number[]} requests requests answered in each round
 * @returns {number | null} µs per request
 * @example
 * cpuPerRequest([{ cpuAfterGcUs: 0 }, { cpuBeforeGcUs: 1000 }], [10]); // 100
 */
export function cpuPerRequest(samples, requests) {
  if (samples.some((s) => s === null) || samples.length !== requests.length + 1) return null;
  let cpu = 0;
  for (let i = 1; i < samples.length; i++) cpu += samples[i].cpuBeforeGcUs - samples[i - 1].cpuAfterGcUs;
  const total = requests.reduce((sum, n) => sum + n, 0);
  return total > 0 ? cpu / total : null;
}

function formatCpu(us) {
  return us === null ? 'n/a' : `${us.toFixed(0)} µs`;
}

function summary(result) {
  return `${formatRate(result.rps, 'req/s')}, p99 ${result.p99} ms, ${result.errors} errors`;
}

/**
 * Runs figure 4.
 * @returns {Promise<import('../lib/report.mjs').Row[]>}
 * @example
 * const [sample, handler] = await run();
 */
export default async function run() {
  const figureA = '4a. token endpoint: the sample (req/s, p99)';
  const figureB = '4b. token handler on node:http (req/s, p99)';
  const targetA = `≥ ${SAMPLE_TARGET.toFixed(2)}× the seed's way, 0 errors`;
  const targetB = `≥ ${HANDLER_TARGET.toFixed(2)}× bare, 0 errors`;

  const json = { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' };
  const contestants = [
    { name: 'seed', script: 'bench/fixtures/serve-seed-token-route.mjs', path: '/api/tiledesk-token', session: true },
    { name: 'stack', script: 'bench/fixtures/serve-session-constant.mjs', path: '/api/tiledesk-token', session: true, constant: true },
    { name: 'bare', script: 'bench/fixtures/serve-bare-route.mjs', path: '/' },
    { name: 'handler', script: 'bench/fixtures/serve-node-handler.mjs', path: '/api/tiledesk-token' },
  ];
  const tokenServer = await findExporter('apps/token-server/src', 'startTokenServer');
  if (tokenServer) {
    contestants.push({ name: 'sample', script: 'bench/fixtures/serve-token-server.mjs', path: '/api/tiledesk-token', session: true });
  }

  const servers = [];
  const results = new Map();
  try {
    for (const c of contestants) {
      c.server = await startChildServer(c.script);
      servers.push(c.server);
      c.request = { ...json, url: `${c.server.info.url}${c.path}` };
      if (c.session) {
        const cookie = await demoSessionCookie(c.server.info.url);
        c.request = { ...c.request, headers: { ...json.headers, cookie } };
      }
      if (!c.constant && c.name !== 'bare') c.claims = await probeToken(c.request);
    }
    const seed = contestants.find((c) => c.name === 'seed');
    const sample = contestants.find((c) => c.name === 'sample');
    if (sample && JSON.stringify(sample.claims) !== JSON.stringify(seed.claims)) {
      throw new Error(
        `the seed's way signs other claims than the sample: ${JSON.stringify(seed.claims)} vs ${JSON.stringify(sample.claims)}`,
      );
    }

    for (const c of contestants) {
      await load({ ...c.request, duration: WARMUP_S });
      c.memory = [await c.server.memory()];
      c.rounds = [];
    }
    const byName = new Map(contestants.map((c) => [c.name, c]));
    const groups = ROUND_GROUPS.map((group) => group.filter((name) => byName.has(name))).filter((group) => group.length > 0);
    for (let round = 0; round < ROUNDS; round++) {
      for (const name of roundOrder(round, groups)) {
        const c = byName.get(name);
        c.rounds.push(await load({ ...c.request, duration: ROUND_S }));
        c.memory.push(await c.server.memory());
      }
    }
    for (const c of contestants) {
      results.set(c.name, {
        rounds: c.rounds,
        perCpuSecond: requestsPerCpuSecond(
          c.memory,
          c.rounds.map((x) => x.total),
        ),
        rps: median(c.rounds.map((x) => x.rps)),
        p99: median(c.rounds.map((x) => x.p99)),
        errors: c.rounds.reduce((sum, x) => sum + x.errors, 0),
        total: c.rounds.reduce((sum, x) => sum + x.total, 0),
        memory: memorySummary(c.memory),
        cpu: cpuPerRequest(
          c.memory,
          c.rounds.map((x) => x.total),
        ),
      });
    }
  } finally {
    for (const server of servers) await server.stop();
  }

  const seedResult = results.get('seed');
  const stackResult = results.get('stack');
  const bareResult = results.get('bare');
  const handlerResult = results.get('handler');
  const method =
    `autocannon, ${CONNECTIONS} connections for every server, ${WARMUP_S} s warm-up each, then ${ROUNDS} rounds of ${ROUND_S} s ` +
    `in which the subject and its anchor run back to back (first one alternating); req/s = median of rounds, ratio = median ` +
    `of the per-round ratios; each server in its own process on 127.0.0.1, started the same way`;
  const memoryNote = (label, result) => `${label}: ${result.memory.text}${result.memory.flat ? '' : ' (the heap grew under load)'}`;

  const anchorsA = `the seed's way (Express + express-session + jsonwebtoken.sign, string secret) ${summary(seedResult)}`;
  let rowA;
  if (!tokenServer) {
    rowA = notBuilt({ figure: figureA, anchors: anchorsA, target: targetA, missing: 'apps/token-server startTokenServer' });
  } else {
    const sampleResult = results.get('sample');
    const paired = pairedRatio(rates(sampleResult), rates(seedResult));
    const perCpu = pairedRatio(sampleResult.perCpuSecond, seedResult.perCpuSecond);
    const r = paired.median;
    rowA = row({
      figure: figureA,
      ours: `${summary(sampleResult)}; ${sampleResult.memory.text}`,
      anchors: anchorsA,
      ratio: `${formatRatio(r)} the seed's way (${formatRatio(perCpu.median)} per CPU-second)`,
      target: targetA,
      met: r !== null && r >= SAMPLE_TARGET && sampleResult.errors === 0 && seedResult.errors === 0 && sampleResult.memory.flat,
      notes: [
        `${figureA}: ${method}; both verify the same express-session cookie (memorystore) and sign the same claims ` +
          `(checked on a probe token); the sample answers with helmet's headers, the seed's way without; ` +
          `${sampleResult.total} sample requests, ${seedResult.total} seed's-way requests; per-round ratios ${formatSpread(paired)} ` +
          `(per CPU-second ${formatSpread(perCpu)}).`,
        `4a. server CPU per request: sample ${formatCpu(sampleResult.cpu)}, the seed's way ${formatCpu(seedResult.cpu)}` +
          ` (${formatRatio(ratio(seedResult.cpu, sampleResult.cpu))} less; steadier than req/s on a shared machine).`,
        `4a. the seed's stack (Express + the same session check) answering a constant: ${summary(stackResult)}, ` +
          `${formatCpu(stackResult.cpu)} CPU per request: minting for free would make the seed's way only ` +
          `${formatRatio(ratio(seedResult.cpu, stackResult.cpu))} cheaper, and the sample costs ` +
          `${formatRatio(ratio(stackResult.cpu, sampleResult.cpu))} less CPU than even that stack (it answers the token ` +
          `request before Express's router, through the same session middleware).`,
        memoryNote("4a. the seed's way", seedResult),
      ],
    });
  }

  const pairedB = pairedRatio(rates(handlerResult), rates(bareResult));
  const perCpuB = pairedRatio(handlerResult.perCpuSecond, bareResult.perCpuSecond);
  const r = pairedB.median;
  const rowB = row({
    figure: figureB,
    ours: `${summary(handlerResult)}; ${handlerResult.memory.text}`,
    anchors: `bare node:http constant ${summary(bareResult)}`,
    ratio: `${formatRatio(r)} bare (${formatRatio(perCpuB.median)} per CPU-second)`,
    target: targetB,
    met: r !== null && r >= HANDLER_TARGET && handlerResult.errors === 0 && bareResult.errors === 0 && handlerResult.memory.flat,
    notes: [
      `${figureB}: ${method}; createNodeTokenHandler with a constant user (no session lookup) mints a token per request; ` +
        `${handlerResult.total} handler requests, ${bareResult.total} bare; per-round ratios ${formatSpread(pairedB)} ` +
        `(per CPU-second ${formatSpread(perCpuB)}).`,
      `4b. server CPU per request: handler ${formatCpu(handlerResult.cpu)}, bare ${formatCpu(bareResult.cpu)}` +
        ` (${formatRatio(ratio(bareResult.cpu, handlerResult.cpu))} of the bare route's rate at equal CPU).`,
      memoryNote('4b. bare node:http', bareResult),
    ],
  });
  return [rowA, rowB];
}
