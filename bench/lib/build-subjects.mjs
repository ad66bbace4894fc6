/**
 * Builds what the figures measure from build output: the published packages core, react and
 * angular (figure 1 measures their production builds in dist/libs) and the two samples (figure 2
 * loads them). Nx's cache makes this cheap when nothing changed. Projects that do not exist yet are skipped; their figures print n/a.
 *
 * @example
 * buildSubjects(); // [{ project: 'angular', ok: true }, ...]
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT_DIR, exists } from './workspace.mjs';

/** Nx project name → the project.json that means it exists. */
export const BUILT_SUBJECTS = {
  core: 'libs/core/project.json',
  react: 'libs/react/project.json',
  angular: 'libs/angular/project.json',
  'react-sample': 'apps/react-sample/project.json',
  'angular-sample': 'apps/angular-sample/project.json',
};

/**
 * Runs `nx run-many -t build` for the subjects that exist. A failed build is reported, not thrown:
 * the figures then say what they could not measure.
 *
 * @returns {{ projects: string[], ok: boolean }}
 * @example
 * const { ok } = buildSubjects();
 */
export function buildSubjects() {
  const projects = Object.entries(BUILT_SUBJECTS)
    .filter(([, projectJson]) => exists(projectJson))
    .map(([name]) => name);
  if (projects.length === 0) return { projects, ok: true };
  console.log(`bench: building ${projects.join(', ')} (nx cache applies)`);
  const result = spawnSync(
    join(ROOT_DIR, 'node_modules/.bin/nx'),
    ['run-many', '-t', 'build', '-p', projects.join(','), '--outputStyle=stream'],
    {
      cwd: ROOT_DIR,
      env: { ...process.env, NX_DAEMON: 'false', NX_TUI: 'false' },
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const ok = result.status === 0;
  if (!ok) {
    // Only a failure is worth the build's output; its last lines name the failing task.
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trimEnd().split('\n').slice(-25).join('\n');
    console.warn(`${output}\nbench: build of ${projects.join(', ')} failed; figures use whatever dist/ holds`);
  }
  return { projects, ok };
}
