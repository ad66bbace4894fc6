/**
 * Starts apps/next-sample (its built `.next`, served by its own `main.ts`) in its own Node process on
 * a free loopback port, against an emulator that already runs (the token server's), so figure 2
 * can measure it beside the samples the token server hosts.
 *
 * @example
 * const next = await startNextSample({ url: emulatorUrl, controlToken });
 * await next.stop();
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { stopperOf } from './child-server.mjs';
import { ROOT_DIR } from './workspace.mjs';

/** The file whose presence means `nx build next-sample` has run. */
export const NEXT_SAMPLE_BUILD = 'apps/next-sample/.next/BUILD_ID';

/** The line `main.ts` prints once it serves. */
const LISTENING = /^next-sample: listening on (http:\/\/\S+)/;

/**
 * @param {{ url: string, controlToken: string | null, realWidgetDir?: string }} emulator where the
 *   emulator listens, its control token, and the real widget build it serves (if any)
 * @param {{ timeoutMs?: number }} [options]
 * @returns {Promise<{ url: string, stop(): Promise<void> }>}
 * @example
 * const { url, stop } = await startNextSample({ url: 'http://127.0.0.1:4400', controlToken: 'c0ffee' });
 */
export function startNextSample(emulator, options = {}) {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const env = { ...process.env, HOST: '127.0.0.1', PORT: '0', TILEDESK_EMULATOR_URL: emulator.url };
  // Emulator mode: no project of its own, and the run's emulator rather than one of its own.
  for (const name of ['TILEDESK_PROJECT_ID', 'TILEDESK_SHARED_SECRET', 'TILEDESK_WIDGET_URL', 'TILEDESK_REAL_WIDGET_DIR']) delete env[name];
  if (emulator.controlToken) env.TILEDESK_EMULATOR_CONTROL_TOKEN = emulator.controlToken;
  if (emulator.realWidgetDir) env.TILEDESK_REAL_WIDGET_DIR = emulator.realWidgetDir;
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT_DIR, 'apps/next-sample/main.ts')], {
    cwd: ROOT_DIR,
    env: { ...env, TSX_TSCONFIG_PATH: join(ROOT_DIR, 'tsconfig.base.json') },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stop = stopperOf(child);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`apps/next-sample did not start within ${timeoutMs} ms`));
    }, timeoutMs);
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      const listening = LISTENING.exec(line);
      if (!listening) return void process.stdout.write(`  [next-sample] ${line}\n`);
      clearTimeout(timer);
      resolve({ url: listening[1], stop });
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`apps/next-sample exited (${signal ?? code}) before it served`));
    });
  });
}
