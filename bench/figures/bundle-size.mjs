/**
 * Figure 1: what a user's production bundle pays for each package, minified and gzipped (level 9),
 * with the frameworks left external so only the package's own code (and what it pulls in) is
 * counted. Ours are the published builds in dist/libs (`nx build`), resolved as a bundler resolves
 * an installed package in production (the `production` export condition); Angular packages go
 * through what the Angular CLI does to them in a production build first (its linker and
 * optimizations, `ngDevMode` false).
 *
 * @example
 * const rows = await run();
 */
import { mkdtemp, mkdir, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { formatKb, formatRatio, ratio } from '../lib/stats.mjs';
import { crashed, notBuilt, row } from '../lib/report.mjs';
import { BENCH_DIR, ROOT_DIR, exists, rootPath } from '../lib/workspace.mjs';

/** Left out of every bundle: the app already ships them. */
export const EXTERNALS = ['react', 'react/*', 'react-dom', 'react-dom/*', '@angular/*', 'rxjs', 'rxjs/*', 'tslib'];

/** What the Angular CLI defines in a production build (its application builder's esbuild options). */
export const ANGULAR_PRODUCTION_DEFINES = { ngDevMode: 'false', ngJitMode: 'false', ngServerMode: 'false', ngHmrMode: 'false' };

/** Our published packages: the dist folder each is built into. */
export const OUR_PACKAGES = { core: 'dist/libs/core', react: 'dist/libs/react', angular: 'dist/libs/angular' };

/**
 * An esbuild plugin that hands every `.mjs`/`.js` file of an Angular package to the Angular CLI's
 * own JavaScript transformer (`@angular/build`, as `ng build` runs it in production: the linker
 * turns partial declarations into definitions, advanced optimizations on), so an Angular package is
 * measured as the CLI ships it rather than as its raw partial-compiled FESM.
 *
 * @param {RegExp} filter the files to transform
 * @returns {Promise<{ plugin: import('esbuild').Plugin, close: () => Promise<void> }>}
 * @example
 * const { plugin, close } = await angularCli(/widget-angular/);
 */
export async function angularCli(filter) {
  const { JavaScriptTransformer } = await import('@angular/build/private');
  const transformer = new JavaScriptTransformer({ sourcemap: false, jit: false, advancedOptimizations: true }, 1);
  return {
    plugin: {
      name: 'angular-cli-production',
      setup(pluginBuild) {
        pluginBuild.onLoad({ filter }, async ({ path }) => ({
          contents: Buffer.from(await transformer.transformFile(path, false, false)).toString('utf8'),
          loader: 'js',
        }));
      },
    },
    close: () => transformer.close(),
  };
}

/**
 * Bundles `import * as m from '<specifier>'` (every export kept) for production and returns raw,
 * minified and gzipped byte counts.
 *
 * @param {string} specifier a package name
 * @param {{ cwd: string, nodePaths?: string[], external?: string[], plugins?: import('esbuild').Plugin[], development?: boolean }} where
 *   resolution starts at `cwd` (then `nodePaths`); `external`: more packages left out; `development`:
 *   resolve the `development` export condition instead (what a dev server loads), for comparison
 * @returns {Promise<{ minified: number, gzipped: number, largest: Array<[string, number]> }>} `largest`:
 *   the three inputs that put the most minified bytes into the bundle
 * @example
 * await measureBundle('@livechat/widget-core', { cwd: BENCH_DIR });
 */
export async function measureBundle(specifier, where) {
  const result = await build({
    stdin: {
      contents: `import * as m from ${JSON.stringify(specifier)};\nexport default m;\n`,
      resolveDir: where.cwd,
      loader: 'js',
      sourcefile: 'bench-entry.js',
    },
    absWorkingDir: where.cwd,
    nodePaths: where.nodePaths ?? [],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    // What a production build resolves; `development` builds of packages stay out.
    conditions: [where.development ? 'development' : 'production'],
    write: false,
    external: [...EXTERNALS, ...(where.external ?? [])],
    define: { 'process.env.NODE_ENV': '"production"', ...ANGULAR_PRODUCTION_DEFINES },
    // Built packages are measured as published: no workspace tsconfig (its paths point at sources).
    tsconfigRaw: '{}',
    plugins: where.plugins ?? [],
    logLevel: 'silent',
    metafile: true,
  });
  const code = result.outputFiles[0].contents;
  const inputs = Object.values(result.metafile.outputs)[0].inputs;
  const largest = Object.entries(inputs)
    .filter(([file]) => !file.endsWith('bench-entry.js'))
    // Named from the workspace root (the built packages are reached through a temporary folder).
    .map(([file, info]) => [file.includes(':') ? file : relative(ROOT_DIR, resolve(where.cwd, file)), info.bytesInOutput])
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3);
  return { minified: code.byteLength, gzipped: gzipSync(code, { level: 9 }).byteLength, largest };
}

/**
 * A folder whose node_modules/@tiledesk-auth/* link to our built packages, so they resolve as
 * installed packages do (package.json `exports`, conditions), also from each other.
 *
 * @returns {Promise<{ dir: string, remove: () => Promise<void> }>}
 * @example
 * const installed = await installBuiltPackages();
 */
export async function installBuiltPackages() {
  const dir = await mkdtemp(join(tmpdir(), 'bench-bundle-size-'));
  await mkdir(join(dir, 'node_modules/@tiledesk-auth'), { recursive: true });
  for (const [name, folder] of Object.entries(OUR_PACKAGES)) {
    if (exists(`${folder}/package.json`)) await symlink(rootPath(folder), join(dir, 'node_modules/@tiledesk-auth', name), 'dir');
  }
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * Which of core's source modules put the most bytes into its production bundle: the bundle is one
 * file, so the figure rebuilds it with core's own build options (libs/core/scripts/bundles.mjs)
 * and reads esbuild's metafile.
 *
 * @returns {Promise<Array<[string, number]>>} the five largest, minified bytes (before the build's
 *   second, tree-shaking pass, so they add up to a little more than the bundle)
 * @example
 * await coreModules(); // [['libs/core/src/lib/sign-in.ts', 1500], ...]
 */
export async function coreModules() {
  const { BUILDS, bundleOptions } = await import(rootPath('libs/core/scripts/bundles.mjs'));
  const { internalNames } = await import(rootPath('libs/core/scripts/internal-names.mjs'));
  const production = BUILDS.find((variant) => !variant.development);
  const result = await build({
    ...bundleOptions({ source: 'src/index.ts', out: 'index' }, production, internalNames().mangled),
    metafile: true,
  });
  const inputs = Object.values(result.metafile.outputs)[0].inputs;
  return Object.entries(inputs)
    .map(([file, info]) => [relative(ROOT_DIR, resolve(rootPath('libs/core'), file)), info.bytesInOutput])
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5);
}

/** Whether a built package's package.json is there and names its entry. */
async function built(folder) {
  if (!exists(`${folder}/package.json`)) return false;
  const pkg = JSON.parse(await readFile(rootPath(`${folder}/package.json`), 'utf8'));
  return pkg.exports?.['.'] !== undefined;
}

/**
 * Runs figure 1 and returns its rows.
 * @returns {Promise<import('../lib/report.mjs').Row[]>}
 * @example
 * for (const r of await run()) console.log(r.figure, r.ours);
 */
export default async function run() {
  const angular = await angularCli(/[\\/](dist[\\/]libs[\\/]angular|@livechat[\\/]widget-angular)[\\/].*\.m?js$/);
  const installed = await installBuiltPackages();
  try {
    return await measureAll(installed.dir, angular.plugin);
  } finally {
    await installed.remove();
    await angular.close();
  }
}

async function measureAll(installedDir, angularPlugin) {
  const theirs = (name, extra = {}) => measureBundle(name, { cwd: BENCH_DIR, plugins: [angularPlugin], ...extra });
  const anchors = {
    '@livechat/widget-core': await theirs('@livechat/widget-core'),
    '@intercom/messenger-js-sdk': await theirs('@intercom/messenger-js-sdk'),
    '@livechat/widget-react': await theirs('@livechat/widget-react'),
    'react-use-intercom': await theirs('react-use-intercom'),
    '@livechat/widget-angular': await theirs('@livechat/widget-angular'),
    '@livechat/widget-react alone': await theirs('@livechat/widget-react', { external: ['@livechat/widget-core'] }),
    '@livechat/widget-angular alone': await theirs('@livechat/widget-angular', { external: ['@livechat/widget-core'] }),
  };

  const [coreBuilt, reactBuilt, angularBuilt] = await Promise.all(Object.values(OUR_PACKAGES).map(built));
  const ours = { cwd: installedDir, nodePaths: [join(installedDir, 'node_modules')], plugins: [angularPlugin] };
  const alone = { ...ours, external: ['@tiledesk-auth/core'] };
  const beside = (name) => `${name} (without @livechat/widget-core)`;
  const subjects = [
    {
      figure: '1a. size: core (min+gz)',
      present: coreBuilt,
      specifier: '@tiledesk-auth/core',
      where: ours,
      missing: 'dist/libs/core (nx build core)',
      budget: 4096,
      anchors: ['@livechat/widget-core', '@intercom/messenger-js-sdk'],
      modules: coreBuilt && exists('libs/core/scripts/bundles.mjs'),
      // The production build beside the development one: what leaving out the sentences and
      // shortening the internal names saves.
      development: true,
    },
    {
      figure: '1b. size: react + core (min+gz)',
      present: coreBuilt && reactBuilt,
      specifier: '@tiledesk-auth/react',
      where: ours,
      missing: 'dist/libs/react or dist/libs/core (nx build react)',
      budget: 4864,
      anchors: ['@livechat/widget-react', 'react-use-intercom'],
    },
    {
      figure: '1c. size: angular + core (min+gz)',
      present: coreBuilt && angularBuilt,
      specifier: '@tiledesk-auth/angular',
      where: ours,
      missing: 'dist/libs/angular or dist/libs/core (nx build angular)',
      budget: 5376,
      anchors: ['@livechat/widget-angular'],
      note: 'angular as the Angular CLI ships it (its production JavaScript transformer: linker, advanced optimizations; ngDevMode false).',
    },
    {
      figure: '1d. size: react layer alone (min+gz)',
      present: reactBuilt,
      specifier: '@tiledesk-auth/react',
      where: alone,
      missing: 'dist/libs/react (nx build react)',
      budgetOf: '@livechat/widget-react alone',
      anchors: ['@livechat/widget-react alone'],
      anchorName: beside('@livechat/widget-react'),
      note: 'core external, as @livechat/widget-core is for the anchor.',
    },
    {
      figure: '1e. size: angular layer alone (min+gz)',
      present: angularBuilt,
      specifier: '@tiledesk-auth/angular',
      where: alone,
      missing: 'dist/libs/angular (nx build angular)',
      budgetOf: '@livechat/widget-angular alone',
      anchors: ['@livechat/widget-angular alone'],
      anchorName: beside('@livechat/widget-angular'),
      note: 'core external, as @livechat/widget-core is for the anchor; both through the Angular CLI transformer.',
    },
  ];

  return Promise.all(
    subjects.map(async (s) => {
      const anchorText = s.anchors.map((a) => `${s.anchorName ?? a} ${formatKb(anchors[a].gzipped)}`).join('; ');
      // A layer's budget is to stay below LiveChat's layer; the others are fixed byte counts.
      const budget = s.budget ?? anchors[s.budgetOf].gzipped - 1;
      const target = s.budget === undefined ? `< ${formatKb(anchors[s.budgetOf].gzipped)} (LiveChat's layer)` : `≤ ${formatKb(budget)}`;
      if (!s.present) return notBuilt({ figure: s.figure, anchors: anchorText, target, missing: s.missing });
      let measured;
      try {
        measured = await measureBundle(s.specifier, s.where);
      } catch (error) {
        return crashed(s.figure, `bundling ${s.specifier} failed: ${firstLine(error)}`, { anchors: anchorText, target });
      }
      return row({
        figure: s.figure,
        ours: formatKb(measured.gzipped),
        anchors: anchorText,
        ratio: s.anchors.map((a) => formatRatio(ratio(measured.gzipped, anchors[a].gzipped))).join('; '),
        target,
        met: measured.gzipped <= budget,
        notes: [
          `${s.figure}: ${measured.gzipped} B gzipped, ${measured.minified} B minified (production build); largest inputs (minified B): ` +
            `${measured.largest.map(([file, bytes]) => `${file} ${bytes}`).join(', ')}.`,
          ...(s.note ? [`${s.figure}: ${s.note}`] : []),
          ...(s.development ? [await developmentNote(s, measured)] : []),
          ...(s.modules
            ? [
                `${s.figure}: core's largest source modules in that bundle (minified B): ` +
                  `${(await coreModules()).map(([file, bytes]) => `${file} ${bytes}`).join(', ')}.`,
              ]
            : []),
        ],
      });
    }),
  );
}

/** The same bundle from the `development` export condition, and how much smaller production is. */
async function developmentNote(subject, production) {
  const development = await measureBundle(subject.specifier, { ...subject.where, development: true });
  const saved = 1 - production.gzipped / development.gzipped;
  return (
    `${subject.figure}: the development build (the \`development\` export condition, with the sentences and the long names) ` +
    `is ${formatKb(development.gzipped)} (${development.gzipped} B gzipped); production is ${(saved * 100).toFixed(1)}% smaller.`
  );
}

function firstLine(error) {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n').slice(0, 2).join(' ');
}
