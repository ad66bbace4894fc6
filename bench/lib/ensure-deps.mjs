/**
 * Installs bench/'s own dependencies (the competitor packages) when bench/node_modules is missing.
 * They live apart from the root workspace because their peer ranges clash with our Angular version.
 *
 * @example
 * await ensureBenchDeps();
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH_DIR } from './workspace.mjs';

/** The packages bench/package.json pins; used to tell a complete install from a partial one. */
export const COMPETITORS = [
  '@livechat/widget-core',
  '@livechat/widget-react',
  '@livechat/widget-angular',
  'react-use-intercom',
  '@intercom/messenger-js-sdk',
];

/**
 * Runs `npm install --prefix bench --legacy-peer-deps` if any competitor is missing.
 * Throws with npm's exit status when the install fails: without anchors there is no figure 1.
 *
 * @returns {boolean} whether an install ran
 * @example
 * if (ensureBenchDeps()) console.log('installed bench dependencies');
 */
export function ensureBenchDeps() {
  const missing = COMPETITORS.filter((name) => !existsSync(join(BENCH_DIR, 'node_modules', name, 'package.json')));
  if (missing.length === 0) return false;
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['install', '--prefix', BENCH_DIR, '--legacy-peer-deps', '--no-audit', '--no-fund'], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.status !== 0) {
    throw new Error(`npm install --prefix bench failed (exit ${result.status}); missing: ${missing.join(', ')}`);
  }
  return true;
}
