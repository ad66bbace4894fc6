import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import jwt from 'jsonwebtoken';
import { opsPerSecond, race, rawHmacJwt } from './token-minting.mjs';

test('the raw baseline mints a real HS256 JWT that jsonwebtoken verifies', () => {
  const claims = jwt.verify(rawHmacJwt(), '0b7e1f6c-3d2a-4c59-9e8b-6a1d2f3c4b5e', { algorithms: ['HS256'] });
  assert.equal(claims.sub, 'userexternal');
  assert.equal(claims._id, '65f0c0ffee0123456789abcd_u-42');
});

test('opsPerSecond counts calls, sync and async', async () => {
  let calls = 0;
  const rate = await opsPerSecond(() => calls++, 20, false);
  assert.ok(calls >= 32 && rate > 0);
  let awaited = 0;
  await opsPerSecond(async () => awaited++, 20, true);
  assert.ok(awaited >= 32);
});

test('race gives every contestant one rate per round', async () => {
  const rates = await race(
    [
      { name: 'a', fn: () => 1 },
      { name: 'b', fn: async () => 2 },
    ],
    { warmupMs: 5, roundMs: 5, rounds: 3 },
  );
  assert.equal(rates.get('a').length, 3);
  assert.equal(rates.get('b').length, 3);
});
