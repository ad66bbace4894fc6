#!/usr/bin/env node
// `npm run e2e`: builds the two samples and the published packages (cheap when Nx's cache has
// them), then runs e2e/*.spec.ts with node's test runner in Debian's Chromium. Extra arguments
// go to the test runner, e.g.
//   npm run e2e -- --test-name-pattern="react sample"      npm run e2e -- --no-build
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const chromium = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';
const args = process.argv.slice(2);
const skipBuild = args.includes('--no-build');
const runnerArgs = args.filter((arg) => arg !== '--no-build');

if (!existsSync(chromium)) {
  console.error(`e2e: no Chromium at ${chromium}; install it with "apt-get install chromium" or set E2E_CHROMIUM.`);
  process.exit(1);
}

let child;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child?.kill(signal));
}

if (!skipBuild) {
  await run('build the samples and packages', process.execPath, [
    join(root, 'node_modules/nx/dist/bin/nx.js'),
    'run-many', '-t', 'build', '-p', 'react-sample', 'angular-sample', 'core', 'react', 'server', 'angular', 'testing', '--outputStyle=stream',
  ], { NX_DAEMON: 'false' });
}

const specs = readdirSync(join(root, 'e2e'))
  .filter((name) => name.endsWith('.spec.ts'))
  .sort()
  .map((name) => join('e2e', name));

// The specs start their own token server + emulator: real Tiledesk credentials must not leak in.
// --test-force-exit: a handle leaked by a failing test must not keep CI waiting until its limit.
const { TILEDESK_PROJECT_ID: _id, TILEDESK_SHARED_SECRET: _secret, ...env } = process.env;
await run('run the e2e specs', process.execPath, [
  '--import', 'tsx',
  '--test', '--test-concurrency=1', '--test-timeout=180000', '--test-force-exit', '--test-reporter=spec',
  ...runnerArgs,
  ...specs,
], { TSX_TSCONFIG_PATH: 'e2e/tsconfig.json' }, env);

function run(what, command, commandArgs, extraEnv, baseEnv = process.env) {
  return new Promise((resolvePromise) => {
    child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit', env: { ...baseEnv, ...extraEnv } });
    child.on('error', (error) => {
      console.error(`e2e: could not ${what}: ${error.message}`);
      process.exit(1);
    });
    child.on('exit', (code, signal) => {
      child = undefined;
      if (code === 0) return resolvePromise();
      console.error(`e2e: failed to ${what} (${signal ?? `exit code ${code}`}).`);
      process.exit(code ?? 1);
    });
  });
}
