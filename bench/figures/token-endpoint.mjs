/**
 * Figure 4: requests/s and p99 of apps/token-server's `POST /api/tiledesk-token` (with a demo
 * session cookie, so every request verifies the cookie and mints a token) beside a bare node:http
 * route returning a constant string. Each server runs in its own process on 127.0.0.1; autocannon
 * runs here. Loopback only, bounded duration.
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
/** 5 s per server in all, as 5 interleaved 1 s rounds: load from the rest of the machine comes and goes. */
const ROUNDS = 5;
const ROUND_S = 1;

/**
 * One bounded autocannon run against a loopback URL.
 * @param {{ url: string, method?: string, headers?: Record<string, string>, body?: string, duration: number }} target
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
    connections: CONNECTIONS,
    duration: target.duration,
  });
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    total: result.requests.total,
  };
}

function summary(result) {
  return `${formatRate(result.rps, 'req/s')}, p99 ${result.p99} ms, ${result.errors} errors`;
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
 * Runs figure 4.
 * @returns {Promise<import('../lib/report.mjs').Row[]>}
 * @example
 * const [r] = await run();
 */
export default async function run() {
  const figure = '4. token endpoint (req/s, p99)';
  const target = '≥ 0.70× bare, 0 errors';

  const plain = { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' };
  const contestants = [
    { name: 'bare', script: 'bench/fixtures/serve-bare-route.mjs', path: '/' },
    { name: 'express', script: 'bench/fixtures/serve-express-route.mjs', path: '/api/tiledesk-token' },
  ];
  const tokenServer = await findExporter('apps/token-server/src', 'startTokenServer');
  if (tokenServer) contestants.push({ name: 'ours', script: 'bench/fixtures/serve-token-server.mjs', path: '/api/tiledesk-token' });

  const servers = [];
  let results;
  try {
    for (const c of contestants) {
      const server = await startChildServer(c.script);
      servers.push(server);
      c.request = { ...plain, url: `${server.info.url}${c.path}` };
    }
    const ours = contestants.find((c) => c.name === 'ours');
    if (ours) {
      const cookie = await demoSessionCookie(new URL(ours.request.url).origin);
      ours.request = { ...ours.request, headers: { ...plain.headers, cookie } };
      const probe = await fetch(ours.request.url, { method: 'POST', headers: ours.request.headers, body: '{}' });
      const body = await probe.json();
      if (!probe.ok || typeof body.token !== 'string' || !body.token.startsWith('JWT ')) {
        throw new Error(`the token route answered ${probe.status} without a "JWT …" token`);
      }
    }
    for (const c of contestants) await load({ ...c.request, duration: WARMUP_S });
    const rounds = new Map(contestants.map((c) => [c.name, []]));
    for (let round = 0; round < ROUNDS; round++) {
      for (let i = 0; i < contestants.length; i++) {
        const c = contestants[(i + round) % contestants.length];
        rounds.get(c.name).push(await load({ ...c.request, duration: ROUND_S }));
      }
    }
    results = new Map(
      [...rounds].map(([name, list]) => [
        name,
        {
          rps: median(list.map((x) => x.rps)),
          p99: median(list.map((x) => x.p99)),
          errors: list.reduce((sum, x) => sum + x.errors, 0),
          total: list.reduce((sum, x) => sum + x.total, 0),
        },
      ]),
    );
  } finally {
    for (const server of servers) await server.stop();
  }
  const bareResult = results.get('bare');
  const expressResult = results.get('express');
  const anchors = `bare node:http ${summary(bareResult)}; Express 5 + cookie-parser constant ${summary(expressResult)}`;
  if (!tokenServer) return [notBuilt({ figure, anchors, target, missing: 'apps/token-server startTokenServer' })];
  const ours = results.get('ours');

  const r = ratio(ours.rps, bareResult.rps);
  return [
    row({
      figure,
      ours: summary(ours),
      anchors,
      ratio: `${formatRatio(r)} bare; ${formatRatio(ratio(ours.rps, expressResult.rps))} Express constant`,
      target,
      met: r !== null && r >= 0.7 && ours.errors === 0,
      notes: [
        `${figure}: autocannon, ${CONNECTIONS} connections, ${WARMUP_S} s warm-up, then ${ROUNDS} interleaved ` +
          `${ROUND_S} s rounds each (median of rounds); ` +
          `each server in its own process on 127.0.0.1; ${ours.total} token requests, ${bareResult.total} bare, ` +
          `${expressResult.total} Express constant (a reference for what a framework costs on the same route).`,
      ],
    }),
  ];
}
