#!/usr/bin/env node
// `npm run e2e`: builds the three samples and the published packages (cheap when Nx's cache has
// them), then runs e2e/*.spec.ts with node's test runner in Debian's Chromium. Every auth scenario
// (e2e/support/auth-scenarios.ts, one e2e/auth-scenarios.<app>.<widget>.spec.ts per sample and
// widget) runs on the emulated widget and, when TILEDESK_REAL_WIDGET_DIR names a build of the real
// Tiledesk widget (its dist/), on that real widget too. Extra arguments go to the test runner, e.g.
//   npm run e2e -- --test-name-pattern="react sample"      npm run e2e -- --no-build
// E2E_REQUIRE_REAL_WIDGET=1 (what .ci/run sets) makes a run fail unless the real-widget half ran
// every scenario the emulated half ran.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nxBuildArgs, SAMPLE_PROJECTS } from './nx-build.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const chromium = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';
const args = process.argv.slice(2);
const skipBuild = args.includes('--no-build');
const runnerArgs = args.filter((arg) => arg !== '--no-build');
const realWidgetDir = process.env.TILEDESK_REAL_WIDGET_DIR?.trim() || undefined;
const requireRealWidget = process.env.E2E_REQUIRE_REAL_WIDGET === '1';

if (requireRealWidget && (realWidgetDir === undefined || !existsSync(join(resolve(realWidgetDir), 'launch.js')))) {
  console.error(
    realWidgetDir === undefined
      ? 'e2e: E2E_REQUIRE_REAL_WIDGET=1 but TILEDESK_REAL_WIDGET_DIR is unset: point it at a build of the Tiledesk widget (its dist/).'
      : `e2e: E2E_REQUIRE_REAL_WIDGET=1 but TILEDESK_REAL_WIDGET_DIR=${realWidgetDir} holds no widget build (no launch.js in ${resolve(realWidgetDir)}).`,
  );
  process.exit(1);
}
if (!existsSync(chromium)) {
  console.error(`e2e: no Chromium at ${chromium}; install it with "apt-get install chromium" or set E2E_CHROMIUM.`);
  process.exit(1);
}

let child;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child?.kill(signal));
}

if (!skipBuild) {
  const buildCode = await run(
    'build the samples and packages',
    process.execPath,
    nxBuildArgs(root, [...SAMPLE_PROJECTS, 'core', 'react', 'server', 'angular', 'testing']),
    { NX_DAEMON: 'false' },
  );
  if (buildCode !== 0) {
    console.error(`e2e: failed to build the samples and packages (exit code ${buildCode}).`);
    process.exit(buildCode);
  }
}

const specs = readdirSync(join(root, 'e2e'))
  .filter((name) => name.endsWith('.spec.ts'))
  .sort()
  .map((name) => join('e2e', name));

// The specs start their own token server + emulator: real Tiledesk credentials must not leak in.
// --test-force-exit: a handle leaked by a failing test must not keep CI waiting until its limit.
// --test-timeout caps each spec FILE (node runs each in a process of its own): a file of auth
// scenarios is one sample on one widget, 2 to 5 minutes on a loaded machine, so a file gets 10
// minutes; each of their scenarios has its own, shorter cap. Two files at a time: the scenarios
// spend most of their time waiting (a token expiring, a timeout running out), so two keep CI's two
// cores busy without starving either; one at a time took longer than CI's limit allows.
const { TILEDESK_PROJECT_ID: _id, TILEDESK_SHARED_SECRET: _secret, ...env } = process.env;
const tallyDir = mkdtempSync(join(tmpdir(), 'e2e-tally-'));
const tallyFile = join(tallyDir, 'widgets.json');
const startedAt = Date.now();
const code = await run(
  'run the e2e specs',
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    '--test-concurrency=2',
    '--test-timeout=600000',
    '--test-force-exit',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    `--test-reporter=${join(root, 'scripts/e2e-widget-tally.mjs')}`,
    '--test-reporter-destination=stderr',
    ...runnerArgs,
    ...specs,
  ],
  { TSX_TSCONFIG_PATH: 'e2e/tsconfig.json', E2E_TALLY_FILE: tallyFile },
  env,
);
const tally = readTally(tallyFile);
rmSync(tallyDir, { recursive: true, force: true });

console.log(`e2e: ${describeTally(tally)}; all specs took ${Math.round((Date.now() - startedAt) / 1000)} s.`);
if (realWidgetDir === undefined) {
  console.log(
    'e2e: the real-widget half did not run (TILEDESK_REAL_WIDGET_DIR is unset); to run every scenario on the real Tiledesk widget too: TILEDESK_REAL_WIDGET_DIR=<a build of the widget, its dist/> npm run e2e',
  );
}
if (requireRealWidget) {
  const real = ran(tally.real);
  const emulated = ran(tally.emulated);
  if (real === 0 || real !== emulated) {
    console.error(
      `e2e: E2E_REQUIRE_REAL_WIDGET=1 but the real widget ran ${real} scenario(s) and the emulated one ${emulated}: both halves must run in full.`,
    );
    process.exit(1);
  }
}
if (code !== 0) {
  console.error(`e2e: failed to run the e2e specs (exit code ${code}).`);
  process.exit(code);
}

function readTally(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    // The runner died before its reporters finished: nothing is known to have run.
    return {};
  }
}

function ran(entry) {
  return entry === undefined ? 0 : entry.passed + entry.failed;
}

function describeTally(tally) {
  const parts = ['emulated', 'real']
    .filter((widget) => tally[widget] !== undefined)
    .map((widget) => {
      const { passed, failed, suites, durationMs } = tally[widget];
      return `${widget} widget: ${passed + failed} scenario runs in ${suites} suites (${passed} passed, ${failed} failed) in ${Math.round(durationMs / 1000)} s`;
    });
  return parts.length > 0 ? parts.join('; ') : 'no auth scenario ran';
}

/** Runs a child to its end; resolves with its exit code (signals count as failures). */
function run(what, command, commandArgs, extraEnv, baseEnv = process.env) {
  return new Promise((resolvePromise) => {
    child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit', env: { ...baseEnv, ...extraEnv } });
    child.on('error', (error) => {
      console.error(`e2e: could not ${what}: ${error.message}`);
      process.exit(1);
    });
    child.on('exit', (exitCode, signal) => {
      child = undefined;
      if (signal !== null) console.error(`e2e: ${what} stopped by ${signal}.`);
      resolvePromise(exitCode ?? 1);
    });
  });
}
