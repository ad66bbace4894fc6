import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every Markdown file a user reads code from, relative to the workspace root: the root README,
 * each project's README (libs, apps, tools, e2e, bench) and `docs/*.md`. Found on disk, so a new
 * README is checked without being listed anywhere.
 *
 * @example
 * ```ts
 * workspaceReadmes('/work/main'); // ['README.md', 'apps/angular-sample/README.md', ...]
 * ```
 */
export function workspaceReadmes(workspaceRoot: string): string[] {
  const found = ['README.md', 'e2e/README.md', 'bench/README.md'];
  for (const group of ['apps', 'libs', 'tools']) {
    for (const project of readdirSync(join(workspaceRoot, group)).sort()) found.push(`${group}/${project}/README.md`);
  }
  for (const doc of readdirSync(join(workspaceRoot, 'docs')).sort()) if (doc.endsWith('.md')) found.push(`docs/${doc}`);
  return found.filter((path) => existsSync(join(workspaceRoot, path)));
}

/**
 * The names of the workspace's Nx projects (every `project.json` of apps, libs, tools, e2e and
 * bench).
 *
 * @example
 * ```ts
 * workspaceProjects('/work/main').has('core'); // true
 * ```
 */
export function workspaceProjects(workspaceRoot: string): Set<string> {
  const folders = ['e2e', 'bench'];
  for (const group of ['apps', 'libs', 'tools']) {
    for (const project of readdirSync(join(workspaceRoot, group))) folders.push(`${group}/${project}`);
  }
  const names = new Set<string>();
  for (const folder of folders) {
    const projectFile = join(workspaceRoot, folder, 'project.json');
    if (existsSync(projectFile)) names.add((JSON.parse(readFileSync(projectFile, 'utf8')) as { name: string }).name);
  }
  return names;
}
