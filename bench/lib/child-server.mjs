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
 * @param {string} script workspace-relative path of a script that prints `READY {"url": ...}`
 * @param {{ timeoutMs?: number, args?: string[] }} [options]
 * @returns {Promise<{ info: Record<string, unknown> & { url: string }, stop(): Promise<void> }>}
 * @example
 * const { info, stop } = await startChildServer('bench/fixtures/serve-token-server.mjs');
 */
export function startChildServer(script, options = {}) {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT_DIR, script), ...(options.args ?? [])], {
    cwd: ROOT_DIR,
    env: { ...process.env, TSX_TSCONFIG_PATH: join(ROOT_DIR, 'tsconfig.base.json') },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
  };
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
        resolve({ info, stop });
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
