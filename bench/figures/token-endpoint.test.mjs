import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { startChildServer } from '../lib/child-server.mjs';
import {
  cpuPerRequest,
  demoSessionCookie,
  memorySummary,
  pairedRatio,
  probeToken,
  requestsPerCpuSecond,
  roundOrder,
} from './token-endpoint.mjs';

const JSON_POST = { headers: { 'content-type': 'application/json' }, body: '{}' };

test("the seed's way checks the session and signs the claims the server package's handler signs", async () => {
  const seed = await startChildServer('bench/fixtures/serve-seed-token-route.mjs');
  const handler = await startChildServer('bench/fixtures/serve-node-handler.mjs');
  try {
    const signedOut = await fetch(`${seed.info.url}/api/tiledesk-token`, { method: 'POST', ...JSON_POST });
    assert.equal(signedOut.status, 401);
    const cookie = await demoSessionCookie(seed.info.url);
    const seedClaims = await probeToken({
      url: `${seed.info.url}/api/tiledesk-token`,
      ...JSON_POST,
      headers: { ...JSON_POST.headers, cookie },
    });
    const handlerClaims = await probeToken({ url: `${handler.info.url}/api/tiledesk-token`, ...JSON_POST });
    assert.deepEqual(seedClaims, handlerClaims);
    assert.equal(seedClaims._id, '<projectId>_ada');
    const memory = await handler.memory();
    assert.ok(memory !== null && memory.heapUsed > 0 && memory.rss >= memory.heapUsed);
  } finally {
    await seed.stop();
    await handler.stop();
  }
});

test('memorySummary calls a heap flat up to 2 MB of growth after GC', () => {
  const mb = 1024 * 1024;
  assert.equal(
    memorySummary([
      { heapUsed: 10 * mb, rss: 90 * mb },
      { heapUsed: 11 * mb, rss: 95 * mb },
    ]).flat,
    true,
  );
  const grown = memorySummary([
    { heapUsed: 10 * mb, rss: 90 * mb },
    { heapUsed: 13 * mb, rss: 95 * mb },
  ]);
  assert.equal(grown.flat, false);
  assert.match(grown.text, /heap after GC 10\.0 MB → 13\.0 MB, RSS 90\.0 MB → 95\.0 MB \(peak 95\.0 MB\)/);
});

test('cpuPerRequest leaves the forced collections out and divides by the requests answered', () => {
  const samples = [
    { heapUsed: 1, rss: 1, cpuBeforeGcUs: 0, cpuAfterGcUs: 500 },
    { heapUsed: 1, rss: 1, cpuBeforeGcUs: 1500, cpuAfterGcUs: 2000 },
    { heapUsed: 1, rss: 1, cpuBeforeGcUs: 4000, cpuAfterGcUs: 4500 },
  ];
  assert.equal(cpuPerRequest(samples, [10, 20]), (1000 + 2000) / 30);
  assert.equal(cpuPerRequest([samples[0], null], [10]), null);
});

test('roundOrder keeps each subject beside its anchor, rotates who goes first and flips the groups', () => {
  const groups = [['seed', 'sample'], ['stack'], ['bare', 'handler']];
  assert.deepEqual(roundOrder(0, groups), ['seed', 'sample', 'stack', 'bare', 'handler']);
  assert.deepEqual(roundOrder(1, groups), ['handler', 'bare', 'stack', 'sample', 'seed']);
  assert.deepEqual(roundOrder(2, groups), ['seed', 'sample', 'stack', 'bare', 'handler']);
  for (let round = 0; round < 6; round++) {
    const order = roundOrder(round, groups);
    assert.equal(Math.abs(order.indexOf('seed') - order.indexOf('sample')), 1);
    assert.equal(Math.abs(order.indexOf('bare') - order.indexOf('handler')), 1);
  }
});

test('pairedRatio takes the median of per-round ratios, so one slow round moves neither side alone', () => {
  const paired = pairedRatio([300, 100, 330], [100, 40, 100]);
  assert.deepEqual(paired.perRound, [3, 2.5, 3.3]);
  assert.equal(paired.median, 3);
  assert.equal(paired.lowest, 2.5);
  assert.equal(paired.highest, 3.3);
  assert.equal(pairedRatio([1, 5], [0, null]).median, null);
  assert.equal(pairedRatio([1, 6], [0, 2]).median, 3);
  assert.throws(() => pairedRatio([1], []), /different number of rounds/);
});

test("requestsPerCpuSecond divides each round's requests by the CPU spent in it, probes' collections left out", () => {
  const samples = [
    { heapUsed: 1, rss: 1, cpuBeforeGcUs: 0, cpuAfterGcUs: 100_000 },
    { heapUsed: 1, rss: 1, cpuBeforeGcUs: 600_000, cpuAfterGcUs: 700_000 },
    { heapUsed: 1, rss: 1, cpuBeforeGcUs: 950_000, cpuAfterGcUs: 1_000_000 },
  ];
  assert.deepEqual(requestsPerCpuSecond(samples, [1000, 500]), [2000, 2000]);
  assert.deepEqual(requestsPerCpuSecond([samples[0], null], [10]), [null]);
});
