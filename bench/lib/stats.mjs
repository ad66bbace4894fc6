/**
 * Small, dependency-free statistics for benchmark samples.
 *
 * @example
 * median([3, 1, 2]); // 2
 */

/**
 * The middle value of `values` (mean of the two middle ones for an even count).
 * Throws a TypeError on an empty or non-numeric sample, because a figure built on nothing is a bug.
 *
 * @param {readonly number[]} values
 * @returns {number}
 * @example
 * median([10, 30, 20, 40]); // 25
 */
export function median(values) {
  assertSample(values, 'median');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * `ours / anchor`, or `null` when the anchor is zero or missing (a ratio against nothing means nothing).
 *
 * @param {number | null | undefined} ours
 * @param {number | null | undefined} anchor
 * @returns {number | null}
 * @example
 * ratio(50, 100); // 0.5
 */
export function ratio(ours, anchor) {
  if (!Number.isFinite(ours) || !Number.isFinite(anchor) || anchor === 0) return null;
  return ours / anchor;
}

/**
 * Formats a ratio as `0.52×`; `n/a` when there is none.
 *
 * @param {number | null} value
 * @returns {string}
 * @example
 * formatRatio(0.5234); // '0.52×'
 */
export function formatRatio(value) {
  return value === null || !Number.isFinite(value) ? 'n/a' : `${value.toFixed(2)}×`;
}

/**
 * Formats a byte count as KB with two decimals (1 KB = 1024 bytes, as the budgets are written).
 *
 * @param {number} bytes
 * @returns {string}
 * @example
 * formatKb(2048); // '2.00 KB'
 */
export function formatKb(bytes) {
  if (!Number.isFinite(bytes) || bytes < 0) throw new TypeError(`formatKb: expected a byte count, got ${bytes}`);
  return `${(bytes / 1024).toFixed(2)} KB`;
}

/**
 * Formats a rate with thousands separators and a unit, e.g. `12,345 tok/s`.
 *
 * @param {number} value
 * @param {string} unit
 * @returns {string}
 * @example
 * formatRate(12345.6, 'req/s'); // '12,346 req/s'
 */
export function formatRate(value, unit) {
  return `${Math.round(value).toLocaleString('en-US')} ${unit}`;
}

function assertSample(values, name) {
  if (!Array.isArray(values) || values.length === 0) {
    throw new TypeError(`${name}: expected a non-empty array of numbers`);
  }
  for (const v of values) {
    if (typeof v !== 'number' || Number.isNaN(v)) throw new TypeError(`${name}: not a number: ${String(v)}`);
  }
}
