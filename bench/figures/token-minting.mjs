/**
 * Figure 3: tokens per second of `mintTiledeskToken`, beside `jsonwebtoken.sign` (what Tiledesk's
 * own example uses), jose's `SignJWT` and a raw node:crypto HMAC-SHA256 JWT, all signing the same
 * claims in the same process. Rounds are interleaved (order rotated each round) so that a noisy
 * neighbour hurts every contestant alike; each contestant's figure is the median of its rounds.
 *
 * Runs under `node --import tsx` (it imports libs/server's TypeScript source).
 *
 * @example
 * const rows = await run();
 */
import { createHmac, createSecretKey } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { SignJWT } from 'jose';
import { formatRate, formatRatio, median, ratio } from '../lib/stats.mjs';
import { notBuilt, row } from '../lib/report.mjs';
import { SUBJECTS, exportsName, rootPath } from '../lib/workspace.mjs';

const PROJECT_ID = '65f0c0ffee0123456789abcd';
// A throw-away UUID-shaped secret: only ever used inside this process.
const SECRET = '0b7e1f6c-3d2a-4c59-9e8b-6a1d2f3c4b5e';
const USER = { id: 'u-42', email: 'ada@example.com', firstname: 'Ada', lastname: 'Lovelace' };

/**
 * The claims every contestant signs: what mintTiledeskToken writes for USER.
 * @returns {Record<string, string | number>}
 * @example
 * sameClaims().sub; // 'userexternal'
 */
export function sameClaims() {
  const iat = Math.floor(Date.now() / 1000);
  return {
    _id: `${PROJECT_ID}_${USER.id}`,
    sub: 'userexternal',
    aud: `https://tiledesk.com/projects/${PROJECT_ID}`,
    email: USER.email,
    firstname: USER.firstname,
    lastname: USER.lastname,
    iat,
    exp: iat + 600,
  };
}

const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');

/**
 * The floor: a compact HS256 JWT from node:crypto with nothing else around it.
 * @returns {string}
 * @example
 * rawHmacJwt().split('.').length; // 3
 */
export function rawHmacJwt() {
  const unsigned = `${HEADER}.${Buffer.from(JSON.stringify(sameClaims())).toString('base64url')}`;
  return `${unsigned}.${createHmac('sha256', SECRET).update(unsigned).digest('base64url')}`;
}

/**
 * Calls `fn` for `ms` milliseconds (awaiting it when it returns a promise) and returns calls per
 * second. The clock is read every 32 calls so reading it costs the same for everyone.
 *
 * @param {() => unknown} fn
 * @param {number} ms
 * @param {boolean} isAsync
 * @returns {Promise<number>}
 * @example
 * await opsPerSecond(rawHmacJwt, 200, false);
 */
export async function opsPerSecond(fn, ms, isAsync) {
  let count = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    if (isAsync) {
      for (let i = 0; i < 32; i++) await fn();
    } else {
      for (let i = 0; i < 32; i++) fn();
    }
    count += 32;
    now = performance.now();
  }
  return (count * 1000) / (now - start);
}

/**
 * Runs interleaved rounds over `contestants`, after one warm-up pass each.
 *
 * @param {Array<{ name: string, fn: () => unknown }>} contestants
 * @param {{ warmupMs: number, roundMs: number, rounds: number }} plan
 * @returns {Promise<Map<string, number[]>>} each contestant's per-round rates
 * @example
 * await race([{ name: 'raw', fn: rawHmacJwt }], { warmupMs: 50, roundMs: 50, rounds: 2 });
 */
export async function race(contestants, plan) {
  const kinds = new Map();
  for (const c of contestants) {
    const probe = c.fn();
    const isAsync = typeof probe?.then === 'function';
    if (isAsync) await probe;
    kinds.set(c.name, isAsync);
    await opsPerSecond(c.fn, plan.warmupMs, isAsync);
  }
  const rates = new Map(contestants.map((c) => [c.name, []]));
  for (let round = 0; round < plan.rounds; round++) {
    for (let i = 0; i < contestants.length; i++) {
      const c = contestants[(i + round) % contestants.length];
      rates.get(c.name).push(await opsPerSecond(c.fn, plan.roundMs, kinds.get(c.name)));
    }
  }
  return rates;
}

/**
 * Runs figure 3.
 * @returns {Promise<import('../lib/report.mjs').Row[]>}
 * @example
 * const [r] = await run();
 */
export default async function run() {
  const figure = '3. token minting (tokens/s)';
  const target = '≥ 0.50× raw';
  const key = new TextEncoder().encode(SECRET);
  const keyObject = createSecretKey(Buffer.from(SECRET));
  const contestants = [
    { name: 'raw node:crypto', fn: rawHmacJwt },
    { name: 'jsonwebtoken', fn: () => jwt.sign(sameClaims(), SECRET, { algorithm: 'HS256' }) },
    // Not an anchor: shows where jsonwebtoken's time goes with a string secret (see the note).
    { name: 'jsonwebtoken (KeyObject)', fn: () => jwt.sign(sameClaims(), keyObject, { algorithm: 'HS256' }) },
    {
      name: 'jose',
      fn: () => new SignJWT(sameClaims()).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(key),
    },
  ];
  const built = await exportsName(SUBJECTS.server, 'mintTiledeskToken');
  let mintSync = null;
  if (built) {
    const server = await import(rootPath(SUBJECTS.server));
    const options = { projectId: PROJECT_ID, secret: SECRET, user: USER };
    contestants.push({ name: 'mintTiledeskToken', fn: () => server.mintTiledeskToken(options) });
    if (typeof server.mintTiledeskTokenSync === 'function') {
      mintSync = () => server.mintTiledeskTokenSync(options);
      contestants.push({ name: 'mintTiledeskTokenSync', fn: mintSync });
    }
  }

  const rates = await race(contestants, { warmupMs: 250, roundMs: 200, rounds: 9 });
  const med = (name) => median(rates.get(name));
  const raw = med('raw node:crypto');
  const anchors = ['raw node:crypto', 'jsonwebtoken', 'jose'].map((n) => `${n} ${formatRate(med(n), 'tok/s')}`).join('; ');
  if (!built) return [notBuilt({ figure, anchors, target, missing: 'libs/server mintTiledeskToken' })];

  const ours = med('mintTiledeskToken');
  const r = ratio(ours, raw);
  const notes = [
    `${figure}: median of 9 interleaved 200 ms rounds after a 250 ms warm-up each; same claims for all.`,
    `${figure}: jsonwebtoken is slow with a string secret because sign() first tries createPrivateKey() on it ` +
      `(a failing PEM parse) on every call; with a KeyObject it does ${formatRate(med('jsonwebtoken (KeyObject)'), 'tok/s')}.`,
  ];
  if (mintSync) {
    notes.push(
      `${figure}: mintTiledeskTokenSync ${formatRate(med('mintTiledeskTokenSync'), 'tok/s')} ` +
        `(${formatRatio(ratio(med('mintTiledeskTokenSync'), raw))} raw).`,
    );
  }
  return [
    row({
      figure,
      ours: formatRate(ours, 'tok/s'),
      anchors,
      ratio: `${formatRatio(r)} raw; ${formatRatio(ratio(ours, med('jsonwebtoken')))} jsonwebtoken; ${formatRatio(ratio(ours, med('jose')))} jose`,
      target,
      met: r !== null && r >= 0.5,
      notes,
    }),
  ];
}
