import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { formatKb, formatRate, formatRatio, median, ratio } from './stats.mjs';

test('median picks the middle of an odd sample and averages an even one', () => {
  assert.equal(median([5, 1, 3]), 3);
  assert.equal(median([4, 1, 3, 2]), 2.5);
});

test('median refuses an empty or non-numeric sample with a named error', () => {
  assert.throws(() => median([]), /median: expected a non-empty array/);
  assert.throws(() => median([1, Number.NaN]), /median: not a number/);
});

test('ratio is ours over anchor, and null against nothing', () => {
  assert.equal(ratio(50, 200), 0.25);
  assert.equal(ratio(1, 0), null);
  assert.equal(ratio(undefined, 3), null);
});

test('formatters print what the table shows', () => {
  assert.equal(formatRatio(0.5234), '0.52×');
  assert.equal(formatRatio(null), 'n/a');
  assert.equal(formatKb(2048), '2.00 KB');
  assert.throws(() => formatKb(-1), /expected a byte count/);
  assert.equal(formatRate(12345.6, 'req/s'), '12,346 req/s');
});
