/**
 * `nx build react`: the package as it is published, in dist/libs/react.
 *
 * - `src/**`: tsc's output of the sources, the development build (the `development` export
 *   condition) and the declarations; `@tiledesk-auth/core` is typed from its build in dist/libs/core,
 *   as a user's project would see it;
 * - `index.js`: the production build (the `default` condition), one ES module bundled by esbuild
 *   with `dev-mode.ts` replaced by `devMode = false`, so the minifier drops every sentence it
 *   guards; react and core stay imports;
 * - package.json (exports naming both builds), README.md, LICENSE.
 *
 * @example
 * // node libs/react/scripts/build.mjs (after nx build core)
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const REACT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ROOT_DIR = resolve(REACT_DIR, '../..');
const OUT_DIR = join(ROOT_DIR, 'dist/libs/react');

/**
 * Swaps dev-mode.ts for a module that says production, and takes the entry's `'use client'` out
 * of the bundle's body: the banner writes it once, first, as Next.js's app router wants it.
 */
const productionMode = {
  name: 'tiledesk-production-mode',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /[\\/]dev-mode\.ts$/ }, () => ({ contents: 'export const devMode = false;', loader: 'ts' }));
    pluginBuild.onLoad({ filter: /[\\/]src[\\/]index\.ts$/ }, async ({ path }) => ({
      contents: (await readFile(path, 'utf8')).replace(/^'use client';\n/, ''),
      loader: 'ts',
    }));
  },
};

await rm(OUT_DIR, { recursive: true, force: true });

// tsc: the development build and the declarations, against core's published typings.
const scratch = await mkdtemp(join(tmpdir(), 'tiledesk-react-build-'));
try {
  const tsconfig = join(scratch, 'tsconfig.json');
  await writeFile(
    tsconfig,
    JSON.stringify({
      extends: join(REACT_DIR, 'tsconfig.lib.json'),
      compilerOptions: {
        rootDir: join(REACT_DIR, 'src'),
        outDir: join(OUT_DIR, 'src'),
        paths: { '@tiledesk-auth/core': [join(ROOT_DIR, 'dist/libs/core/index.d.ts')] },
      },
      include: [join(REACT_DIR, 'src/**/*.ts'), join(REACT_DIR, 'src/**/*.tsx')],
    }),
  );
  execFileSync(process.execPath, [join(ROOT_DIR, 'node_modules/typescript/bin/tsc'), '-p', tsconfig], { stdio: 'inherit' });
} finally {
  await rm(scratch, { recursive: true, force: true });
}

// esbuild: the production build.
await build({
  entryPoints: [join(REACT_DIR, 'src/index.ts')],
  absWorkingDir: REACT_DIR,
  bundle: true,
  packages: 'external',
  // The workspace's tsconfig paths would bundle core's sources in: core stays an import.
  tsconfigRaw: '{}',
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  minify: true,
  // Next.js's app router needs the directive first; esbuild drops the source's when bundling.
  banner: { js: "'use client';" },
  legalComments: 'none',
  logLevel: 'error',
  plugins: [productionMode],
  outfile: join(OUT_DIR, 'index.js'),
});

const manifest = JSON.parse(await readFile(join(REACT_DIR, 'package.json'), 'utf8'));
await writeFile(join(OUT_DIR, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
for (const [from, to] of [
  [join(REACT_DIR, 'README.md'), 'README.md'],
  [join(REACT_DIR, 'CHANGELOG.md'), 'CHANGELOG.md'],
  [join(ROOT_DIR, 'LICENSE'), 'LICENSE'],
]) {
  if (existsSync(from)) await copyFile(from, join(OUT_DIR, to));
}
console.log('react: index.js (production), src/index.js (development), src/**/*.d.ts');
