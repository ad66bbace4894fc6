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
import { formatRate, formatRatio, ratio } from '../lib/stats.mjs';
import { notBuilt, row } from '../lib/report.mjs';
import { findExporter } from '../lib/workspace.mjs';

const CONNECTIONS = 10;
const WARMUP_S = 1;
const DURATION_S = 5;

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

  const bare = await startChildServer('bench/fixtures/serve-bare-route.mjs');
  let bareResult;
  try {
    const request = { url: `${bare.info.url}/`, method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' };
    await load({ ...request, duration: WARMUP_S });
    bareResult = await load({ ...request, duration: DURATION_S });
  } finally {
    await bare.stop();
  }
  const anchors = `bare node:http ${formatRate(bareResult.rps, 'req/s')}, p99 ${bareResult.p99} ms, ${bareResult.errors} errors`;

  if (!(await findExporter('apps/token-server/src', 'startTokenServer'))) {
    return [notBuilt({ figure, anchors, target, missing: 'apps/token-server startTokenServer' })];
  }
  const server = await startChildServer('bench/fixtures/serve-token-server.mjs');
  let ours;
  try {
    const cookie = await demoSessionCookie(server.info.url);
    const request = {
      url: `${server.info.url}/api/tiledesk-token`,
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: '{}',
    };
    const probe = await fetch(request.url, { method: 'POST', headers: request.headers, body: request.body });
    const body = await probe.json();
    if (!probe.ok || typeof body.token !== 'string' || !body.token.startsWith('JWT ')) {
      throw new Error(`the token route answered ${probe.status} without a "JWT …" token`);
    }
    await load({ ...request, duration: WARMUP_S });
    ours = await load({ ...request, duration: DURATION_S });
  } finally {
    await server.stop();
  }

  const r = ratio(ours.rps, bareResult.rps);
  return [
    row({
      figure,
      ours: `${formatRate(ours.rps, 'req/s')}, p99 ${ours.p99} ms, ${ours.errors} errors`,
      anchors,
      ratio: formatRatio(r),
      target,
      met: r !== null && r >= 0.7 && ours.errors === 0,
      notes: [
        `${figure}: autocannon, ${CONNECTIONS} connections, ${WARMUP_S} s warm-up then ${DURATION_S} s each; ` +
          `each server in its own process on 127.0.0.1; ${ours.total} token requests, ${bareResult.total} bare.`,
      ],
    }),
  ];
}
