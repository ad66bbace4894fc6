// `npm run check:packages`: packs every built package in dist/libs/* exactly as `npm publish`
// would, and checks the tarball before anyone installs it:
//   - publint: package.json fields against the files really packed (exports, types, bin, ...);
//   - @arethetypeswrong/cli (attw): that TypeScript resolves the typings of every entry point
//     the way Node and bundlers resolve the JavaScript;
//   - the LICENSE and README every package must carry.
// It builds nothing (run `npm run build` first) and needs no network: both tools read the tarball.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';

const workspaceRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const distRoot = join(workspaceRoot, 'dist/libs');
const attwBin = join(workspaceRoot, 'node_modules/.bin/attw');

/**
 * How attw checks each published package: its profile (which module resolutions must give
 * working types) and, where an entry point is a deliberate exception, the rule it may break.
 * - `esm-only` (core, react, server, angular): they ship ES modules only. CommonJS code reaches them
 *   through `import()` or Node's `require()` of ES modules (Node >= 20.19), which attw's
 *   "node16 (from CJS)" column cannot see, and TypeScript's old `node10` resolution ignores
 *   `exports`, so secondary entry points such as `@tiledesk-auth/angular/testing` cannot
 *   resolve there. Every bundler and NodeNext project resolves them.
 * - `node16` (testing): CommonJS with an `exports` map, for Jest and Node; it must type-check from
 *   both CommonJS and ESM. Only `node10` is left out: it does not read `exports`, so the subpaths
 *   `./client` and `./jest` do not exist for it (the package needs Node >= 20.19 anyway).
 *   `./jest` is one settings object to spread into a Jest config (`...require(...)` or a default
 *   import); Node sees no named exports in it, so `import { setupFiles } from ...` would fail,
 *   and attw says so (`named-exports`). Named imports are not how it is used: that rule alone is
 *   ignored, for that entry point alone.
 */
const attwRuns = {
  core: [{ profile: 'esm-only', options: [] }],
  react: [{ profile: 'esm-only', options: [] }],
  server: [{ profile: 'esm-only', options: [] }],
  angular: [{ profile: 'esm-only', options: [] }],
  testing: [
    { profile: 'node16', options: ['--exclude-entrypoints', './jest'] },
    { profile: 'node16', options: ['--entrypoints', './jest', '--ignore-rules', 'named-exports'] },
  ],
};

const rootLicense = readFileSync(join(workspaceRoot, 'LICENSE'), 'utf8');

function packInto(packageDir, destination) {
  const packed = spawnSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', destination], {
    cwd: packageDir,
    encoding: 'utf8',
  });
  if (packed.status !== 0) {
    throw new Error(`npm pack failed in ${packageDir}:\n${packed.stderr}`);
  }
  const [summary] = JSON.parse(packed.stdout);
  return { tarball: join(destination, summary.filename), files: summary.files.map((file) => file.path) };
}

function checkRequiredFiles(name, packageDir, files) {
  const problems = [];
  for (const required of ['LICENSE', 'README.md', 'package.json']) {
    if (!files.includes(required)) problems.push(`${required} is not in the tarball`);
  }
  if (files.includes('LICENSE') && readFileSync(join(packageDir, 'LICENSE'), 'utf8') !== rootLicense) {
    problems.push(`LICENSE differs from the workspace's LICENSE`);
  }
  return problems.map((problem) => `${name}: ${problem}`);
}

async function runPublint(name, tarball) {
  const bytes = readFileSync(tarball);
  // A small Buffer may sit inside a shared pool: hand publint only this file's bytes.
  const tarballBytes = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const { messages, pkg } = await publint({ pack: { tarball: tarballBytes }, level: 'suggestion', strict: true });
  for (const message of messages) {
    console.log(`  publint ${message.type}: ${formatMessage(message, pkg, { color: false })}`);
  }
  // strict: warnings count as errors; suggestions are printed, they do not fail the check.
  return messages.filter((message) => message.type !== 'suggestion').map((message) => `${name}: publint ${message.code}`);
}

function runAttw(name, tarball) {
  const failures = [];
  for (const { profile, options } of attwRuns[name]) {
    const checked = spawnSync(
      attwBin,
      [tarball, '--profile', profile, ...options, '--no-definitely-typed', '--format', 'ascii', '--no-color', '--no-emoji'],
      { encoding: 'utf8' },
    );
    if (checked.status !== 0) {
      console.log(`${checked.stdout}${checked.stderr}`.trim().replace(/^/gm, '  '));
      failures.push(`${name}: attw (profile ${profile}${options.length > 0 ? ` ${options.join(' ')}` : ''}) found problems`);
    }
  }
  return failures;
}

const names = Object.keys(attwRuns);
const missing = names.filter((name) => !existsSync(join(distRoot, name, 'package.json')));
if (missing.length > 0) {
  console.error(`check:packages: no build of ${missing.join(', ')} in dist/libs: run \`npm run build\` first.`);
  process.exit(1);
}

const scratch = mkdtempSync(join(tmpdir(), 'tiledesk-auth-packages-'));
const failures = [];
try {
  for (const name of names) {
    const packageDir = join(distRoot, name);
    const { tarball, files } = packInto(packageDir, scratch);
    console.log(`${name}: ${files.length} files packed`);
    failures.push(...checkRequiredFiles(name, packageDir, files));
    failures.push(...(await runPublint(name, tarball)));
    failures.push(...runAttw(name, tarball));
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

if (failures.length > 0) {
  console.error(`check:packages: ${failures.length} problem(s):\n${failures.map((failure) => `  - ${failure}`).join('\n')}`);
  process.exit(1);
}
console.log(`check:packages: ${names.length} packages pass publint, attw and carry LICENSE and README.`);
