/**
 * Starts a server script in its own Node process and waits for its `READY <json>` line, so the
 * server under load never shares a CPU-bound event loop with the load generator or the browser.
 *
 * @example
 * const server = await startChildServer('bench/fixtures/serve-bare-route.mjs');
 * console.log(server.info.url);
 * await server.stop();
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { ROOT_DIR } from './workspace.mjs';

/**
 * The heap after a full garbage collection and the resident set, in bytes; the process's CPU
 * time (user + system, µs) just before and just after that collection, so that CPU spent between
 * two samples can leave the forced collection out.
 * @typedef {{ heapUsed: number, rss: number, cpuBeforeGcUs: number, cpuAfterGcUs: number }} MemorySample
 */

/**
 * @param {string} script workspace-relative path of a script that prints `READY {"url": ...}`
 * @param {{ timeoutMs?: number, args?: string[] }} [options]
 * @returns {Promise<{ info: Record<string, unknown> & { url: string }, memory(): Promise<MemorySample | null>, stop(): Promise<void> }>}
 * @example
 * const { info, stop } = await startChildServer('bench/fixtures/serve-token-server.mjs');
 */
export function startChildServer(script, options = {}) {
  const timeoutMs = options.timeoutMs ?? 30_000;
  // --expose-gc: a memory sample is taken after a full collection, so it shows what is retained.
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', join(ROOT_DIR, script), ...(options.args ?? [])], {
    cwd: ROOT_DIR,
    env: { ...process.env, TSX_TSCONFIG_PATH: join(ROOT_DIR, 'tsconfig.base.json') },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  // The IPC channel must not keep this process alive once the figure is done.
  child.channel?.unref();
  const stop = stopperOf(child);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${script} did not print READY within ${timeoutMs} ms`));
    }, timeoutMs);
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      if (!line.startsWith('READY ')) {
        process.stdout.write(`  [${script}] ${line}\n`);
        return;
      }
      clearTimeout(timer);
      try {
        const info = JSON.parse(line.slice('READY '.length));
        if (typeof info.url !== 'string') throw new TypeError('READY payload has no "url" string');
        resolve({ info, stop, memory: () => askMemory(child) });
      } catch (error) {
        void stop();
        reject(new Error(`${script} printed a bad READY line: ${error.message}`));
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited (${code ?? signal}) before it was ready`));
    });
  });
}

/**
 * A `stop()` for a child process: SIGTERM, SIGKILL if it is still running 5 s later; resolves
 * once it has exited (at once if it already has). Made when the child starts, so that an exit
 * before the first stop() is not missed.
 * @param {import('node:child_process').ChildProcess} child
 * @returns {() => Promise<void>}
 * @example
 * const stop = stopperOf(spawn(process.execPath, ['server.mjs']));
 * await stop();
 */
export function stopperOf(child) {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
  };
}

/**
 * Asks a child started by {@link startChildServer} for a memory sample; `null` when the script
 * does not call {@link answerMemoryProbes}.
 * @param {import('node:child_process').ChildProcess} child
 * @returns {Promise<MemorySample | null>}
 */
function askMemory(child) {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.off('message', onMessage);
      resolve(null);
    }, 5_000);
    const onMessage = (message) => {
      if (message?.type !== 'memory') return;
      clearTimeout(timer);
      child.off('message', onMessage);
      const { heapUsed, rss, cpuBeforeGcUs, cpuAfterGcUs } = message;
      resolve({ heapUsed, rss, cpuBeforeGcUs, cpuAfterGcUs });
    };
    child.on('message', onMessage);
    child.send({ type: 'memory?' });
  });
}

/**
 * Child side of the memory probe: answers `memory?` on the IPC channel with the heap after a full
 * collection (when the process runs with `--expose-gc`) and the RSS. Does nothing without a
 * channel, so the script also runs by hand.
 * @returns {void}
 * @example
 * answerMemoryProbes(); // in a bench/fixtures/serve-*.mjs script
 */
export function answerMemoryProbes() {
  if (typeof process.send !== 'function') return;
  process.on('message', (message) => {
    if (message?.type !== 'memory?') return;
    const before = process.cpuUsage();
    globalThis.gc?.();
    const after = process.cpuUsage();
    const { heapUsed, rss } = process.memoryUsage();
    process.send?.({ type: 'memory', heapUsed, rss, cpuBeforeGcUs: before.user + before.system, cpuAfterGcUs: after.user + after.system });
  });
  // The server, not the probe, keeps the process alive.
  process.channel?.unref();
}
