/**
 * Child-process entry: runs one figure module and writes its rows as JSON to a file, so that
 * whatever the figure's subjects print cannot corrupt the result. Each figure gets a fresh process:
 * no JIT state or open handles carry over from one figure to the next.
 *
 * Usage: node --import tsx bench/lib/run-figure.mjs <figure-module-path> <out.json>
 *
 * @example
 * // spawned by bench/run.mjs; not meant to be imported
 */
import { writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';

const [modulePath, outFile] = process.argv.slice(2);
if (!modulePath || !outFile) {
  console.error('usage: run-figure.mjs <figure-module> <out.json>');
  process.exit(2);
}
const figure = await import(pathToFileURL(modulePath).href);
if (typeof figure.default !== 'function') {
  throw new TypeError(`${modulePath} has no default export function`);
}
const rows = await figure.default();
if (!Array.isArray(rows)) throw new TypeError(`${modulePath} returned ${typeof rows}, not an array of rows`);
await writeFile(outFile, JSON.stringify(rows));
// Subjects may leave timers or sockets behind; the rows are safe on disk, so leave now.
process.exit(0);
