#!/usr/bin/env node
// `npm start`: the one-command demo. Builds the two samples, starts apps/token-server (offline: with
// the embedded Tiledesk emulator, which serves its emulated widget or, with TILEDESK_REAL_WIDGET_DIR,
// that build of the real Tiledesk widget; with TILEDESK_PROJECT_ID + TILEDESK_SHARED_SECRET: real
// Tiledesk) and prints where to look and which widget the pages load. Ctrl-C stops everything.
// `npm start -- --no-build` skips the build.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const host = process.env.HOST || '127.0.0.1';
const portText = process.env.PORT?.trim() || '4300';
const port = /^\d+$/.test(portText) ? Number(portText) : Number.NaN;
const skipBuild = process.argv.includes('--no-build');

// The token server runs in the workspace root: a relative build folder means the caller's one.
if (process.env.TILEDESK_REAL_WIDGET_DIR?.trim())
  process.env.TILEDESK_REAL_WIDGET_DIR = resolve(process.env.TILEDESK_REAL_WIDGET_DIR.trim());

if (!Number.isInteger(port) || port > 65535) fail(`PORT must be a port number (0-65535, 0 picks a free one); got "${process.env.PORT}".`);
// PORT=0: the token server picks the port, so there is nothing to probe and the banner waits for it to say which.
if (port !== 0) await checkPortFree();

let child;
let stopping = false;
// The children run in a session of their own (detached), so a closed terminal (SIGHUP) reaches
// only this process: pass it on as a clean stop, or the token server would outlive it.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(signal === 'SIGHUP' ? 'SIGTERM' : signal));
// Never leave a server behind, whatever ends this process.
process.on('exit', () => isRunning(child) && child.kill('SIGKILL'));

// A wrong environment is worth saying before the build, not a minute after it.
const configCheck = await waitForExit(startChild(['--import', 'tsx', 'apps/token-server/src/main.ts', '--check-config']));
if (stopping) process.exit(0);
// The token server has said why in one line of its own.
if (configCheck !== 0) process.exit(1);

if (!skipBuild) {
  console.log('Building the React and Angular samples…');
  const code = await waitForExit(
    startChild([
      join(root, 'node_modules/nx/dist/bin/nx.js'),
      'run-many',
      '-t',
      'build',
      '-p',
      'react-sample',
      'angular-sample',
      '--outputStyle=stream',
    ]),
  );
  if (stopping) process.exit(0);
  if (code !== 0) fail(`building the samples failed (exit code ${code}).`);
}

const server = startChild(['--import', 'tsx', 'apps/token-server/src/main.ts'], { HOST: host, PORT: String(port) }, 'pipe');
let ready = false;
// The token server's own "listening on <url>" line carries the port it got (the one PORT=0 picked).
const listeningUrl = new Promise((done) => {
  let seen = '';
  server.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    seen += chunk.toString();
    const url = /listening on (http:\/\/\S+)/.exec(seen)?.[1];
    if (url !== undefined) done(url);
  });
});
server.on('exit', (code, signal) => {
  if (stopping) process.exit(0);
  // Exit code 1 before the banner: the token server has just said why in one line of its own
  // (a configuration error); a second line would only repeat it.
  if (!ready && code === 1) process.exit(1);
  fail(
    ready
      ? `the token server stopped unexpectedly (${signal ?? `exit code ${code}`}).`
      : `the token server could not start (${signal ?? `exit code ${code}`}).`,
  );
});
await printBanner(await listeningUrl);
ready = true;

function startChild(args, env = {}, stdout = 'inherit') {
  // A process group of its own: Ctrl-C reaches it once, through stop(), not twice.
  child = spawn(process.execPath, args, {
    cwd: root,
    stdio: ['ignore', stdout, 'inherit'],
    detached: true,
    env: { NX_DAEMON: 'false', TSX_TSCONFIG_PATH: 'tsconfig.base.json', ...process.env, ...env },
  });
  return child;
}

function isRunning(proc) {
  return proc !== undefined && proc.exitCode === null && proc.signalCode === null;
}

function waitForExit(proc) {
  return new Promise((done) => proc.on('exit', (code) => done(code ?? 1)));
}

function stop(signal) {
  if (stopping || !isRunning(child)) {
    child?.kill('SIGKILL');
    process.exit(130);
  }
  stopping = true;
  console.log('\nStopping…');
  child.kill(signal);
}

async function printBanner(base) {
  const config = await waitForServer(base);
  const users = await (await fetch(`${base}/api/demo-users`)).json();
  const where = config.mode === 'emulator' ? 'offline, on the embedded Tiledesk emulator' : `real Tiledesk project ${config.projectId}`;
  console.log(
    [
      '',
      `tiledesk-auth demo is running (${where})`,
      `  React sample:    ${base}/react/`,
      `  Angular sample:  ${base}/angular/`,
      `  Widget:          ${describeWidget(config)}`,
      '  Demo users (pick one on the page):',
      ...users.map((u) => `    ${u.id.padEnd(8)} ${u.firstname} ${u.lastname} <${u.email}>`),
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
}

function describeWidget(config) {
  if (config.mode !== 'emulator') return `Tiledesk's own, from ${config.widgetUrl}`;
  if (config.widget === 'real') return `the real Tiledesk widget, the build in ${process.env.TILEDESK_REAL_WIDGET_DIR}`;
  return "the emulator's stand-in (TILEDESK_REAL_WIDGET_DIR=<a widget build's dist/> serves the real one)";
}

async function waitForServer(base) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${base}/api/config`);
      if (response.ok) return await response.json();
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child?.kill('SIGKILL');
  fail(`the token server did not answer on ${base} within 60 s.`);
}

function checkPortFree() {
  return new Promise((done) => {
    const probe = createServer();
    probe.once('error', (error) => {
      if (error.code === 'EADDRINUSE') {
        fail(
          `port ${port} on ${host} is already in use (another "npm start"?). Stop that process or choose another port: PORT=${port + 1} npm start`,
        );
      }
      fail(`cannot listen on ${host}:${port}: ${error.message}`);
    });
    probe.listen(port, host, () => probe.close(done));
  });
}

function fail(message) {
  console.error(`npm start: ${message}`);
  process.exit(1);
}
