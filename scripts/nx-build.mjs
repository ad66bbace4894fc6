// How `npm start` and `npm run e2e` build: one list of the sample apps, so that a new sample is
// built by both once it is named here, and one way to ask the workspace's Nx for a build.
import { join } from 'node:path';

/**
 * The Nx projects of the sample apps, in the order they are built.
 *
 * @example
 * nxBuildArgs(root, [...SAMPLE_PROJECTS, 'core']);
 */
export const SAMPLE_PROJECTS = ['react-sample', 'angular-sample', 'next-sample'];

/**
 * The arguments for `node` that build `projects` with the workspace's own Nx, its output streamed.
 *
 * @param {string} root the workspace root
 * @param {readonly string[]} projects the Nx projects to build
 * @returns {string[]}
 * @example
 * spawn(process.execPath, nxBuildArgs(root, SAMPLE_PROJECTS), { stdio: 'inherit' });
 */
export function nxBuildArgs(root, projects) {
  return [join(root, 'node_modules/nx/dist/bin/nx.js'), 'run-many', '-t', 'build', '-p', ...projects, '--outputStyle=stream'];
}
