/**
 * Figure 1: what a user's bundle pays for each package, minified and gzipped (level 9), with the
 * frameworks left external so only the package's own code (and what it pulls in) is counted.
 *
 * @example
 * const rows = await run();
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { formatKb, formatRatio, ratio } from '../lib/stats.mjs';
import { crashed, notBuilt, row } from '../lib/report.mjs';
import { BENCH_DIR, ROOT_DIR, SUBJECTS, exists, exportsName, rootPath } from '../lib/workspace.mjs';

/** Left out of every bundle: the app already ships them. */
export const EXTERNALS = ['react', 'react/*', 'react-dom', 'react-dom/*', '@angular/*', 'rxjs', 'rxjs/*', 'tslib'];

/**
 * Bundles `import * as m from '<specifier>'` (every export kept) and returns raw, minified and
 * gzipped byte counts.
 *
 * @param {string} specifier a package name or an absolute file path
 * @param {{ cwd: string, tsconfig?: string }} where resolution starts; tsconfig maps our aliases
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
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    external: EXTERNALS,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
    metafile: true,
    ...(where.tsconfig ? { tsconfig: where.tsconfig } : {}),
  });
  const code = result.outputFiles[0].contents;
  const inputs = Object.values(result.metafile.outputs)[0].inputs;
  const largest = Object.entries(inputs)
    .map(([file, info]) => [file, info.bytesInOutput])
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3);
  return { minified: code.byteLength, gzipped: gzipSync(code, { level: 9 }).byteLength, largest };
}

/**
 * The ng-packagr output's FESM file, if `nx build angular` has run; otherwise null.
 * @returns {Promise<string | null>}
 * @example
 * await angularDistEntry(); // '/work/main/dist/libs/angular/fesm2022/tiledesk-auth-angular.mjs'
 */
export async function angularDistEntry() {
  if (!exists(SUBJECTS.angularDist)) return null;
  const pkgFile = rootPath(SUBJECTS.angularDist);
  const pkg = JSON.parse(await readFile(pkgFile, 'utf8'));
  const relative = pkg.exports?.['.']?.default ?? pkg.module ?? pkg.fesm2022;
  return typeof relative === 'string' ? join(dirname(pkgFile), relative) : null;
}

const OURS = { cwd: ROOT_DIR, tsconfig: 'tsconfig.base.json' };
const THEIRS = { cwd: BENCH_DIR };

/**
 * Runs figure 1 and returns its rows.
 * @returns {Promise<import('../lib/report.mjs').Row[]>}
 * @example
 * for (const r of await run()) console.log(r.figure, r.ours);
 */
export default async function run() {
  const anchors = {};
  for (const name of [
    '@livechat/widget-core',
    '@intercom/messenger-js-sdk',
    '@livechat/widget-react',
    'react-use-intercom',
    '@livechat/widget-angular',
  ]) {
    anchors[name] = await measureBundle(name, THEIRS);
  }

  const angularDist = await angularDistEntry();
  // core's types landed first; its factory is what makes core (and the adapters over it) measurable.
  const coreBuilt = await exportsName(SUBJECTS.core, 'createTiledesk');
  const subjects = [
    {
      figure: '1a. size: core (min+gz)',
      present: coreBuilt,
      specifier: '@tiledesk-auth/core',
      missing: "core's createTiledesk",
      budget: 2048,
      anchors: ['@livechat/widget-core', '@intercom/messenger-js-sdk'],
    },
    {
      figure: '1b. size: react + core (min+gz)',
      present: coreBuilt && exists(SUBJECTS.react),
      specifier: '@tiledesk-auth/react',
      missing: "libs/react (or core's createTiledesk)",
      budget: 2560,
      anchors: ['@livechat/widget-react', 'react-use-intercom'],
    },
    {
      figure: '1c. size: angular + core (min+gz)',
      present: coreBuilt && exists(SUBJECTS.angular),
      specifier: angularDist ?? '@tiledesk-auth/angular',
      missing: "libs/angular (or core's createTiledesk)",
      budget: 3072,
      anchors: ['@livechat/widget-angular'],
      note: angularDist
        ? 'angular measured from the ng-packagr FESM (dist/libs/angular), core from source.'
        : 'angular measured from its TypeScript source (no dist/libs/angular yet): not AOT output.',
    },
  ];

  return Promise.all(
    subjects.map(async (s) => {
      const anchorText = s.anchors.map((a) => `${a} ${formatKb(anchors[a].gzipped)}`).join('; ');
      const target = `≤ ${formatKb(s.budget)}`;
      if (!s.present) return notBuilt({ figure: s.figure, anchors: anchorText, target, missing: s.missing });
      let ours;
      try {
        ours = await measureBundle(s.specifier, OURS);
      } catch (error) {
        return crashed(s.figure, `bundling ${s.specifier} failed: ${firstLine(error)}`, { anchors: anchorText, target });
      }
      return row({
        figure: s.figure,
        ours: formatKb(ours.gzipped),
        anchors: anchorText,
        ratio: s.anchors.map((a) => formatRatio(ratio(ours.gzipped, anchors[a].gzipped))).join('; '),
        target,
        met: ours.gzipped <= s.budget,
        notes: [
          `${s.figure}: ${ours.gzipped} B gzipped, ${ours.minified} B minified; largest inputs (minified B): ` +
            `${ours.largest.map(([file, bytes]) => `${file} ${bytes}`).join(', ')}.`,
          ...(s.note ? [`${s.figure}: ${s.note}`] : []),
        ],
      });
    }),
  );
}

function firstLine(error) {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n').slice(0, 2).join(' ');
}
