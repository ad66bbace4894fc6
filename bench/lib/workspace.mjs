/**
 * Where things are in the workspace, and whether a benchmark's subject exists yet.
 *
 * @example
 * if (!exists(SUBJECTS.server)) return notBuilt({ ... });
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of bench/. */
export const BENCH_DIR = dirname(dirname(fileURLToPath(import.meta.url)));
/** Absolute path of the workspace root. */
export const ROOT_DIR = dirname(BENCH_DIR);

/**
 * The file whose presence means "this subject has landed".
 * @example
 * exists(SUBJECTS.core);
 */
export const SUBJECTS = {
  core: 'libs/core/src/index.ts',
  react: 'libs/react/src/index.ts',
  angular: 'libs/angular/src/index.ts',
  angularDist: 'dist/libs/angular/package.json',
  server: 'libs/server/src/index.ts',
  testing: 'libs/testing/src/index.ts',
  tokenServer: 'apps/token-server/src/main.ts',
  reactSampleDist: 'dist/apps/react-sample/index.html',
  angularSampleDist: 'dist/apps/angular-sample/index.html',
};

/**
 * Absolute path of a workspace-relative path.
 * @param {string} relative
 * @returns {string}
 * @example
 * rootPath('libs/core/src/index.ts');
 */
export function rootPath(relative) {
  return join(ROOT_DIR, relative);
}

/**
 * Whether a workspace-relative path exists.
 * @param {string} relative
 * @returns {boolean}
 * @example
 * exists('libs/server/src/index.ts');
 */
export function exists(relative) {
  return existsSync(rootPath(relative));
}

/**
 * Whether a module (or a file it re-exports from) declares an export of `name`, without importing
 * it: a cheap text check, so a figure can tell
 * "not written yet" from "written but broken" (the latter must crash loudly, not print n/a).
 * @param {string} relative
 * @param {string} name
 * @returns {Promise<boolean>}
 * @example
 * await exportsName('libs/server/src/index.ts', 'mintTiledeskToken');
 */
export async function exportsName(relative, name) {
  if (!exists(relative)) return false;
  const { readFile } = await import('node:fs/promises');
  const seen = new Set();
  const queue = [rootPath(relative)];
  while (queue.length > 0) {
    const file = queue.shift();
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    const text = await readFile(file, 'utf8');
    const declared = new RegExp(`export\\s+(?:async\\s+)?(?:function\\*?|const|let|class)\\s+${name}\\b`);
    const listed = new RegExp(`export\\s+(?:type\\s+)?\\{[^}]*\\b${name}\\b[^}]*\\}`);
    if (declared.test(text) || listed.test(text)) return true;
    for (const m of text.matchAll(/from\s+['"](\.[^'"]+)['"]/g)) {
      const base = join(dirname(file), m[1]);
      queue.push(`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'));
    }
  }
  return false;
}

/**
 * The first `.ts` file under a workspace folder that declares `export [async] function <name>`,
 * or null. Lets a figure find an app's entry point without guessing its file name.
 * @param {string} folder workspace-relative
 * @param {string} name
 * @returns {Promise<string | null>} absolute path
 * @example
 * await findExporter('apps/token-server/src', 'startTokenServer');
 */
export async function findExporter(folder, name) {
  const { readdir, readFile } = await import('node:fs/promises');
  if (!exists(folder)) return null;
  const pattern = new RegExp(`export\\s+(?:async\\s+)?function\\s+${name}\\b|export\\s+const\\s+${name}\\b`);
  const entries = await readdir(rootPath(folder), { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts'))
    .map((e) => join(e.parentPath ?? e.path, e.name))
    .sort();
  for (const file of files) {
    if (pattern.test(await readFile(file, 'utf8'))) return file;
  }
  return null;
}
