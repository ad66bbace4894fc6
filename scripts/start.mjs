#!/usr/bin/env node
// `npm start`: the one-command demo. Builds the three samples, then starts apps/token-server (which
// serves the React and Angular samples) and, beside it, apps/next-sample (the Next.js sample, a
// server of its own) and prints where to look and which widget the pages load. Offline, each
// server starts its own Tiledesk emulator (which serves its emulated widget or, with
// TILEDESK_REAL_WIDGET_DIR, that build of the real Tiledesk widget); with TILEDESK_PROJECT_ID +
// TILEDESK_SHARED_SECRET both sign for that real Tiledesk project. The Next.js sample listens on
// the token server's port + 1 (NEXT_PORT overrides it; PORT=0 gives both a free port). Ctrl-C
// stops everything. `npm start -- --no-build` skips the build.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nxBuildArgs, SAMPLE_PROJECTS } from './nx-build.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const host = process.env.HOST || '127.0.0.1';
const port = parsePort('PORT', process.env.PORT?.trim() || '4300');
const nextPort = process.env.NEXT_PORT?.trim() ? parsePort('NEXT_PORT', process.env.NEXT_PORT.trim()) : port === 0 ? 0 : port + 1;
const skipBuild = process.argv.includes('--no-build');

// The servers run in the workspace root: a relative build folder means the caller's one.
if (process.env.TILEDESK_REAL_WIDGET_DIR?.trim())
  process.env.TILEDESK_REAL_WIDGET_DIR = resolve(process.env.TILEDESK_REAL_WIDGET_DIR.trim());
// The Next.js sample refuses a real Tiledesk project without a session key (it would be lost on
// every restart); for this one-command demo, a key per start is what the token server does too.
const nextEnv = { HOST: host, PORT: String(nextPort) };
if (process.env.TILEDESK_PROJECT_ID?.trim() && !process.env.SESSION_SECRET) nextEnv.SESSION_SECRET = randomBytes(32).toString('base64url');

// PORT=0: the servers pick their ports, so there is nothing to probe and the banner waits for them to say which.
if (port !== 0) await checkPortFree(port, 'PORT');
if (nextPort !== 0) await checkPortFree(nextPort, process.env.NEXT_PORT?.trim() ? 'NEXT_PORT' : 'PORT');

/** Every child started and not yet exited. */
const children = new Set();
let stopping = false;
// The children run in a session of their own (detached), so a closed terminal (SIGHUP) reaches
// only this process: pass it on as a clean stop, or the servers would outlive it.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(signal === 'SIGHUP' ? 'SIGTERM' : signal));
// Never leave a server behind, whatever ends this process.
process.on('exit', () => {
  for (const proc of children) proc.kill('SIGKILL');
});

// A wrong environment is worth saying before the build, not minutes after it. Each server says
// why in one line of its own.
for (const [args, env] of [
  [['apps/token-server/src/main.ts', '--check-config'], {}],
  [['apps/next-sample/main.ts', '--check-config'], nextEnv],
]) {
  const configCheck = await waitForExit(startChild(['--import', 'tsx', ...args], env));
  if (stopping) process.exit(0);
  if (configCheck !== 0) process.exit(1);
}

if (!skipBuild) {
  console.log('Building the React, Angular and Next.js samples…');
  const code = await waitForExit(startChild(nxBuildArgs(root, SAMPLE_PROJECTS)));
  if (stopping) process.exit(0);
  if (code !== 0) fail(`building the samples failed (exit code ${code}).`);
}

let ready = false;
const tokenServerUrl = startServer(
  'the token server',
  ['apps/token-server/src/main.ts'],
  { HOST: host, PORT: String(port) },
  /token-server: listening on (http:\/\/\S+)/,
);
const nextSampleUrl = startServer('the Next.js sample', ['apps/next-sample/main.ts'], nextEnv, /next-sample: listening on (http:\/\/\S+)/);
await printBanner(await tokenServerUrl, await nextSampleUrl);
ready = true;

/** Starts a server; resolves with the URL its own "listening on <url>" line names (the port PORT=0 picked). */
function startServer(name, args, env, listeningLine) {
  const server = startChild(['--import', 'tsx', ...args], env, 'pipe');
  server.on('exit', (code, signal) => {
    if (stopping) {
      if (children.size === 0) process.exit(0);
      return;
    }
    // Exit code 1 before the banner: the server has just said why in one line of its own (a
    // configuration error); a second line would only repeat it.
    if (!ready && code === 1) process.exit(1);
    fail(
      ready
        ? `${name} stopped unexpectedly (${signal ?? `exit code ${code}`}).`
        : `${name} could not start (${signal ?? `exit code ${code}`}).`,
    );
  });
  return new Promise((done) => {
    let seen = '';
    server.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      seen += chunk.toString();
      const url = listeningLine.exec(seen)?.[1];
      if (url !== undefined) done(url);
    });
  });
}

function startChild(args, env = {}, stdout = 'inherit') {
  // A process group of its own: Ctrl-C reaches it once, through stop(), not twice.
  const proc = spawn(process.execPath, args, {
    cwd: root,
    stdio: ['ignore', stdout, 'inherit'],
    detached: true,
    env: { NX_DAEMON: 'false', TSX_TSCONFIG_PATH: 'tsconfig.base.json', ...process.env, ...env },
  });
  children.add(proc);
  proc.on('exit', () => children.delete(proc));
  return proc;
}

function waitForExit(proc) {
  return new Promise((done) => proc.on('exit', (code) => done(code ?? 1)));
}

function stop(signal) {
  if (stopping || children.size === 0) {
    for (const proc of children) proc.kill('SIGKILL');
    process.exit(130);
  }
  stopping = true;
  console.log('\nStopping…');
  for (const proc of children) proc.kill(signal);
}

async function printBanner(base, nextBase) {
  const config = await waitForServer(base, 'the token server');
  await waitForServer(nextBase, 'the Next.js sample');
  const users = await (await fetch(`${base}/api/demo-users`)).json();
  const where = config.mode === 'emulator' ? 'offline, on the embedded Tiledesk emulator' : `real Tiledesk project ${config.projectId}`;
  console.log(
    [
      '',
      `tiledesk-auth demo is running (${where})`,
      `  React sample:    ${base}/react/`,
      `  Angular sample:  ${base}/angular/`,
      `  Next.js sample:  ${nextBase}/`,
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

async function waitForServer(base, name) {
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
  for (const proc of children) proc.kill('SIGKILL');
  fail(`${name} did not answer on ${base} within 60 s.`);
}

function parsePort(name, text) {
  const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(value) || value > 65535) fail(`${name} must be a port number (0-65535, 0 picks a free one); got "${text}".`);
  return value;
}

function checkPortFree(probePort, setting) {
  return new Promise((done) => {
    const probe = createServer();
    probe.once('error', (error) => {
      if (error.code === 'EADDRINUSE') {
        const advice = setting === 'NEXT_PORT' ? `NEXT_PORT=${probePort + 1} npm start` : `PORT=${probePort + 1} npm start`;
        fail(`port ${probePort} on ${host} is already in use (another "npm start"?). Stop that process or choose another port: ${advice}`);
      }
      fail(`cannot listen on ${host}:${probePort}: ${error.message}`);
    });
    probe.listen(probePort, host, () => probe.close(done));
  });
}

function fail(message) {
  console.error(`npm start: ${message}`);
  process.exit(1);
}
