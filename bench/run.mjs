#!/usr/bin/env node
/**
 * `npm run bench`: runs every figure in its own child process and prints ONE table (figure, ours,
 * anchors, ratio, target, verdict), also written to bench/results/latest.md.
 *
 * A missed target is a result, not a failure: the exit code is non-zero only when a figure crashed.
 *
 * Options: `--only=1,3` runs some figures; `--no-build` skips building the samples and the Angular
 * package first.
 *
 * @example
 * // npm run bench -- --only=1
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBenchDeps } from './lib/ensure-deps.mjs';
import { buildSubjects } from './lib/build-subjects.mjs';
import { describeMachine } from './lib/machine.mjs';
import { crashed, renderReport, renderTable, replaceLatestRun } from './lib/report.mjs';
import { BENCH_DIR, ROOT_DIR } from './lib/workspace.mjs';

const FIGURES = [
  { id: '1', name: '1. bundle size', module: 'figures/bundle-size.mjs' },
  // Figure 2 also loads the real widget (an Angular app in an iframe) when TILEDESK_REAL_WIDGET_DIR is set.
  { id: '2', name: '2. time to signed-in', module: 'figures/time-to-signed-in.mjs', timeoutMs: 300_000 },
  { id: '3', name: '3. token minting', module: 'figures/token-minting.mjs' },
  { id: '4', name: '4. token endpoint', module: 'figures/token-endpoint.mjs' },
  { id: '5', name: '5. re-renders / change detection', module: 'figures/renders.mjs' },
];

const args = process.argv.slice(2);
const only = args
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const selected = only ? FIGURES.filter((f) => only.includes(f.id)) : FIGURES;
if (selected.length === 0) {
  console.error(`--only matched no figure; ids are ${FIGURES.map((f) => f.id).join(', ')}`);
  process.exit(2);
}

const startedAt = new Date();
if (ensureBenchDeps()) console.log('bench: installed bench/ dependencies');
if (!args.includes('--no-build')) buildSubjects();

const scratch = mkdtempSync(join(tmpdir(), 'tiledesk-bench-'));
const rows = [];
let failed = false;
try {
  for (const figure of selected) {
    console.log(`bench: ${figure.name} ...`);
    const out = join(scratch, `figure-${figure.id}.json`);
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(BENCH_DIR, 'lib/run-figure.mjs'), join(BENCH_DIR, figure.module), out],
      {
        cwd: ROOT_DIR,
        // The figures import workspace libraries through the tsconfig path aliases.
        env: { ...process.env, TSX_TSCONFIG_PATH: join(ROOT_DIR, 'tsconfig.base.json'), NODE_ENV: 'production' },
        stdio: ['ignore', 'inherit', 'inherit'],
        timeout: figure.timeoutMs ?? 150_000,
      },
    );
    if (child.status === 0) {
      rows.push(...JSON.parse(readFileSync(out, 'utf8')));
    } else {
      const why = child.error ? child.error.message : `exit ${child.status ?? child.signal}`;
      rows.push(crashed(figure.name, `the figure's process failed (${why}); its output is above`));
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
failed = rows.some((r) => r.verdict === 'error');

const seconds = (Date.now() - startedAt.getTime()) / 1000;
const table = renderTable(rows);
console.log(`\n${table}\n`);
for (const note of rows.flatMap((r) => r.notes)) console.log(`  - ${note}`);
await mkdir(join(BENCH_DIR, 'results'), { recursive: true });
const partial = only ? `-only-${only.join('-')}` : '';
const machine = describeMachine();
await writeFile(join(BENCH_DIR, 'results', `latest${partial}.md`), renderReport({ rows, machine, startedAt, seconds }));
if (!only) {
  // Only a full run may speak for the README.
  const readmePath = join(BENCH_DIR, 'README.md');
  const section = [
    `${startedAt.toISOString()}, ${seconds.toFixed(0)} s, ${machine.cores} cores (${machine.cpu}), Node ${machine.node}, ` +
      `${machine.chromium}; load average at the end ${machine['load average at the end (1/5/15 min)']}.`,
    '',
    table,
    '',
    ...rows.flatMap((r) => r.notes).map((n) => `- ${n}`),
  ].join('\n');
  await writeFile(readmePath, replaceLatestRun(await readFile(readmePath, 'utf8'), section));
}
console.log(`\nbench: ${seconds.toFixed(0)} s; table written to bench/results/latest${partial}.md`);
process.exit(failed ? 1 : 0);
