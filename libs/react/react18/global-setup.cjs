// Jest globalSetup of the "react 18" project (libs/react/jest.config.cjs): installs React 18 into
// this folder when it is missing (its lockfile pins it; react-dom 18's peer range cannot share the
// root workspace with React 19), then starts the emulator like every widget-page project.
const { spawnSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const startEmulator = require('../../testing/src/jest/global-setup.cjs');

module.exports = async function setUpReact18() {
  if (!existsSync(join(__dirname, 'node_modules/react-dom/package.json'))) {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const result = spawnSync(npm, ['install', '--prefix', __dirname, '--no-audit', '--no-fund', '--loglevel=error'], { stdio: 'inherit' });
    if (result.status !== 0)
      throw new Error(`npm install --prefix ${__dirname} failed (exit ${result.status}): React 18 is needed for the "react 18" specs`);
  }
  await startEmulator();
};
