import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const root = resolve(__dirname, '../..');

/**
 * A throwaway app outside the workspace, as a user's project would be: our built packages COPIED
 * from dist/libs into its node_modules (no tsconfig paths, no Jest mapping), everything else
 * linked from the workspace's node_modules (one copy of React, Angular, ...).
 *
 * @example
 * ```ts
 * const app = await createConsumerApp({ packages: ['server'], dependencies: ['jose'] });
 * await app.write('mint.mjs', "import '@tiledesk-auth/server';");
 * const { code, stdout } = await app.node(['mint.mjs']);
 * await app.remove();
 * ```
 */
export async function createConsumerApp(options: { packages: readonly string[]; dependencies: readonly string[] }): Promise<ConsumerApp> {
  for (const name of options.packages) {
    if (!existsSync(join(root, 'dist/libs', name, 'package.json'))) {
      throw new Error(`dist/libs/${name} is not built: run "npx nx build ${name}" (scripts/e2e.mjs does)`);
    }
  }
  const dir = await mkdtemp(join(tmpdir(), 'tiledesk-auth-consumer-'));
  const write = async (file: string, text: string) => {
    await mkdir(dirname(join(dir, file)), { recursive: true });
    await writeFile(join(dir, file), text);
  };
  await write('package.json', JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  for (const name of options.packages) {
    await cp(join(root, 'dist/libs', name), join(dir, 'node_modules/@tiledesk-auth', name), { recursive: true });
  }
  for (const name of options.dependencies) {
    await mkdir(dirname(join(dir, 'node_modules', name)), { recursive: true });
    await symlink(join(root, 'node_modules', name), join(dir, 'node_modules', name), 'dir');
  }
  const node = (args: readonly string[], run: NodeRunOptions = {}) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
      const [command, commandArgs] = niced(run, args);
      execFile(command, commandArgs, { cwd: dir, env: run.env ?? userEnv(), maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        done({ code, stdout, stderr });
      });
    });
  const start = async (args: readonly string[], ready: RegExp, run: NodeRunOptions = {}): Promise<AppProcess> => {
    const [command, commandArgs] = niced(run, args);
    const child = spawn(command, commandArgs, { cwd: dir, env: run.env ?? userEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    const match = await new Promise<RegExpExecArray>((resolveMatch, reject) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const found = ready.exec(output);
        if (found) resolveMatch(found);
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.once('exit', (code, signal) =>
        reject(new Error(`${args.join(' ')} ended (${signal ?? code}) before printing ${ready}:\n${output.slice(-4000)}`)),
      );
      child.once('error', reject);
    });
    return {
      match,
      output: () => output,
      async stop() {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
        await exited;
      },
    };
  };
  return { dir, write, node, start, remove: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * An app made by {@link createConsumerApp}: its folder, and Node run in it.
 *
 * @example
 * ```ts
 * const built = await app.node(['node_modules/vite/bin/vite.js', 'build'], { nice: true });
 * ```
 */
export interface ConsumerApp {
  readonly dir: string;
  write(file: string, text: string): Promise<void>;
  /** Runs this Node with `args` in the app's folder; resolves (never rejects) with how it ended. */
  node(args: readonly string[], options?: NodeRunOptions): Promise<{ code: number; stdout: string; stderr: string }>;
  /** Starts this Node with `args` in the app's folder and resolves once its output matches `ready`. */
  start(args: readonly string[], ready: RegExp, options?: NodeRunOptions): Promise<AppProcess>;
  remove(): Promise<void>;
}

/**
 * How {@link ConsumerApp.node} and {@link ConsumerApp.start} run Node.
 *
 * @example
 * ```ts
 * const options: NodeRunOptions = { env: { ...process.env, PORT: '0' }, nice: true };
 * ```
 */
export interface NodeRunOptions {
  /** The whole environment of the process; default: {@link userEnv}(). */
  readonly env?: NodeJS.ProcessEnv;
  /** Run under `nice -n 10`: builds share two cores with the browser and other engineers. */
  readonly nice?: boolean;
}

/**
 * A process started by {@link ConsumerApp.start}.
 *
 * @example
 * ```ts
 * const server = await app.start(['server.mjs'], /listening on (\S+)/);
 * const url = server.match[1];
 * await server.stop();
 * ```
 */
export interface AppProcess {
  /** What `ready` matched in its output. */
  readonly match: RegExpExecArray;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Sends SIGTERM (if it still runs) and waits for it to end. */
  stop(): Promise<void>;
}

/**
 * The environment of a user's shell: this one without what the test runner adds (tsx's tsconfig,
 * Node options) and without Tiledesk settings, plus `settings`.
 *
 * @example
 * ```ts
 * await app.node(['node_modules/vite/bin/vite.js', 'build'], { env: userEnv({ VITE_TILEDESK_WIDGET_URL: url }) });
 * ```
 */
export function userEnv(settings: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(TSX_|NODE_OPTIONS$|NODE_TEST|TILEDESK_|NEXT_PUBLIC_|VITE_|E2E_)/.test(key)) env[key] = value;
  }
  return { ...env, ...settings };
}

function niced(run: NodeRunOptions, args: readonly string[]): [string, string[]] {
  return run.nice === true ? ['nice', ['-n', '10', process.execPath, ...args]] : [process.execPath, [...args]];
}
