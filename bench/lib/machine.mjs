/**
 * Describes the machine a run happened on, for the report: figures mean little without it.
 *
 * @example
 * const machine = describeMachine(); // { cores: '2', node: 'v20.20.2', ... }
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';

/** Debian's Chromium, the only browser this workplace can run. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * @returns {Record<string, string>}
 * @example
 * describeMachine().node; // 'v20.20.2'
 */
export function describeMachine() {
  const chromium = spawnSync(CHROMIUM_PATH, ['--version'], { encoding: 'utf8' });
  return {
    cores: String(cpus().length),
    cpu: cpus()[0]?.model ?? 'unknown',
    memory: `${Math.round(totalmem() / 2 ** 30)} GiB`,
    node: process.version,
    chromium: chromium.status === 0 ? chromium.stdout.trim() : 'not found',
    platform: `${process.platform} ${process.arch}`,
    // Shared cores: a high load explains noisy absolute numbers (the ratios are measured side by side).
    'load average at the end (1/5/15 min)': loadavg()
      .map((l) => l.toFixed(1))
      .join(', '),
  };
}
