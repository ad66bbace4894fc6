/**
 * `nx build core`: the package as it is published, in dist/libs/core.
 *
 * - `index.js` / `index.development.js` and `testing/index.js` / `testing/index.development.js`:
 *   one bundled ES module per entry point and build (bundles.mjs);
 * - `*.d.ts` beside them (`index.d.ts`, `testing/index.d.ts`, `lib/*.d.ts`): the declarations tsc
 *   emits from the sources, shared by both builds (beside the files, so a tool that maps the
 *   package to its folder, as Nx does for ng-packagr, finds them as a user's TypeScript does);
 * - package.json (its exports map names the files above), README.md, LICENSE.
 *
 * @example
 * // node libs/core/scripts/build.mjs
 */
import { execFileSync } from 'node:child_process';
import { copyFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleCore } from './bundles.mjs';

const CORE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ROOT_DIR = resolve(CORE_DIR, '../..');
const OUT_DIR = join(ROOT_DIR, 'dist/libs/core');

await rm(OUT_DIR, { recursive: true, force: true });
execFileSync(
  process.execPath,
  [
    join(ROOT_DIR, 'node_modules/typescript/bin/tsc'),
    '-p',
    join(CORE_DIR, 'tsconfig.lib.json'),
    '--emitDeclarationOnly',
    '--declaration',
    '--sourceMap',
    'false',
    '--rootDir',
    join(CORE_DIR, 'src'),
    '--outDir',
    OUT_DIR,
  ],
  { stdio: 'inherit' },
);
for (const { file, bytes } of await bundleCore(OUT_DIR)) console.log(`core: ${file} ${bytes} B`);
for (const [from, to] of [
  [join(CORE_DIR, 'package.json'), 'package.json'],
  [join(CORE_DIR, 'README.md'), 'README.md'],
  [join(CORE_DIR, 'CHANGELOG.md'), 'CHANGELOG.md'],
  [join(ROOT_DIR, 'LICENSE'), 'LICENSE'],
]) {
  if (existsSync(from)) await copyFile(from, join(OUT_DIR, to));
}
