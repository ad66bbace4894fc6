// Jest globalSetup: one emulator process per Jest run; tests reach it through
// process.env.TILEDESK_EMULATOR_URL and connectTiledeskEmulator(), which also reads the run's control
// token from process.env.TILEDESK_EMULATOR_CONTROL_TOKEN (the emulator answers no control request
// without it, so no web page can drive it). An URL already set is reused, with the token set beside it.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const STARTUP_TIMEOUT_MS = 30000;

module.exports = async function startTiledeskEmulatorProcess() {
  if (process.env.TILEDESK_EMULATOR_URL) return;
  // The published package has the compiled cli.js; this workspace runs cli.ts through tsx.
  const compiled = path.join(__dirname, '..', 'cli.js');
  const published = fs.existsSync(compiled);
  const command = published ? [compiled] : ['--import', 'tsx', path.join(__dirname, '..', 'cli.ts')];
  const child = spawn(process.execPath, [...command, '--port', '0', '--exit-on-stdin-close'], {
    cwd: published ? process.cwd() : path.resolve(__dirname, '../../../..'),
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  const { url, controlToken } = await new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Tiledesk emulator did not start within ${STARTUP_TIMEOUT_MS} ms. stderr: ${stderr}`));
    }, STARTUP_TIMEOUT_MS);
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      // Complete lines only: a chunk may end mid-line.
      const line = stdout
        .split('\n')
        .slice(0, -1)
        .find((candidate) => candidate.trim().startsWith('{'));
      if (!line) return;
      clearTimeout(timer);
      let listening;
      try {
        listening = JSON.parse(line);
      } catch {
        listening = undefined;
      }
      // Never echo the line: it holds the control token, and Jest prints setup errors.
      if (typeof listening?.url !== 'string' || typeof listening?.controlToken !== 'string') {
        child.kill('SIGKILL');
        reject(new Error('Tiledesk emulator printed an unreadable line (no url and controlToken)'));
      } else {
        resolve(listening);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Tiledesk emulator exited with code ${code} before listening. stderr: ${stderr}`));
    });
  });
  // Keep draining its output so the pipes never fill up and block it.
  child.stdout.resume();
  child.stderr.resume();
  process.env.TILEDESK_EMULATOR_URL = url;
  process.env.TILEDESK_EMULATOR_CONTROL_TOKEN = controlToken;
  globalThis.__TILEDESK_EMULATOR_PROCESS__ = child;
};
