/**
 * Bundles core's two entry points, each in two builds, into `outDir` (ES modules, one file each):
 *
 * - `index.js`, `testing/index.js`: production (the `default` export condition). `dev-mode.ts` is
 *   replaced by `devMode = false`, so every sentence guarded by it is dropped; minified, with the
 *   internal field names shortened (see internal-names.mjs).
 * - `index.development.js`, `testing/index.development.js`: development (the `development`
 *   condition): the sources as written, with their messages, not minified.
 *
 * The testing entry imports the main entry of its own build (`../index.js` or
 * `../index.development.js`) instead of carrying a copy, so `TiledeskAuthError` is one class.
 *
 * Run directly, it writes the bundles into the folder given as its argument.
 *
 * @example
 * await bundleCore('dist/libs/core'); // [{ file: 'index.js', bytes: 9000 }, ...]
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { internalNames } from './internal-names.mjs';

const CORE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Each entry point: its source and the file it becomes (without the build's suffix). */
const ENTRIES = [
  { source: 'src/index.ts', out: 'index' },
  { source: 'src/testing/index.ts', out: 'testing/index' },
];

/** The two builds: the suffix of their files and whether they keep the sentences. */
export const BUILDS = [
  { suffix: '', development: false },
  { suffix: '.development', development: true },
];

/** How a module imports the flag; the production build takes the line out (see productionMode). */
const DEV_MODE_IMPORT = "import { devMode } from './dev-mode.js';\n";

/**
 * Makes `devMode` false in the production build, in two ways. Each module's own import of it is
 * taken out and esbuild defines the then-free name as `false` (below), so it folds every guard
 * while parsing and tree-shaking drops what only sentences use (the helper that shows an option's
 * value, ...). And dev-mode.ts itself says `false`, so an import written another way is still right.
 */
const productionMode = {
  name: 'tiledesk-production-mode',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /[\\/]dev-mode\.ts$/ }, () => ({ contents: 'export const devMode = false;', loader: 'ts' }));
    pluginBuild.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      return source.includes(DEV_MODE_IMPORT) ? { contents: source.replace(DEV_MODE_IMPORT, ''), loader: 'ts' } : undefined;
    });
  },
};

/** Leaves the testing entry's import of the main entry as an import of the same build's file. */
function mainEntryOf(suffix) {
  return {
    name: 'tiledesk-main-entry',
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /^\.\.\/index\.js$/ }, ({ importer }) =>
        relative(join(CORE_DIR, 'src/testing'), dirname(importer)) === '' ? { path: `../index${suffix}.js`, external: true } : undefined,
      );
    },
  };
}

/**
 * The esbuild options of one entry in one build.
 *
 * @param {{ source: string, out: string }} entry
 * @param {{ suffix: string, development: boolean }} variant
 * @param {string[]} mangled the internal names the production build shortens
 * @returns {import('esbuild').BuildOptions}
 * @example
 * bundleOptions(ENTRIES[0], BUILDS[0], internalNames().mangled);
 */
export function bundleOptions(entry, variant, mangled) {
  return {
    entryPoints: [join(CORE_DIR, entry.source)],
    absWorkingDir: CORE_DIR,
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    legalComments: 'none',
    plugins: [mainEntryOf(variant.suffix), ...(variant.development ? [] : [productionMode])],
    ...(variant.development
      ? {}
      : { minify: true, define: { devMode: 'false' }, mangleProps: new RegExp(`^(${mangled.join('|')})$`), reserveProps: /^__.*__$/ }),
  };
}

/**
 * Writes the four bundles into `outDir`.
 *
 * @param {string} outDir
 * @returns {Promise<Array<{ file: string, bytes: number }>>}
 * @example
 * await bundleCore('/tmp/core-bundles');
 */
export async function bundleCore(outDir) {
  const { mangled } = internalNames();
  const written = [];
  for (const entry of ENTRIES) {
    for (const variant of BUILDS) {
      const result = await build(bundleOptions(entry, variant, mangled));
      const code = result.outputFiles[0].text;
      const file = `${entry.out}${variant.suffix}.js`;
      const target = join(outDir, file);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, code);
      written.push({ file, bytes: Buffer.byteLength(code) });
    }
  }
  return written;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const outDir = process.argv[2];
  if (!outDir) {
    console.error('usage: node libs/core/scripts/bundles.mjs <out-dir>');
    process.exit(1);
  }
  for (const { file, bytes } of await bundleCore(resolve(outDir))) console.log(`${file} ${bytes} B`);
}
