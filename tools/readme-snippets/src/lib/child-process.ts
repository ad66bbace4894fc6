import { spawn } from 'node:child_process';

/**
 * How a child process ended: its exit code (null when it was killed), and what it printed.
 *
 * @example
 * ```ts
 * const outcome: ChildOutcome = { exitCode: 0, timedOut: false, stdout: '', stderr: '' };
 * ```
 */
export interface ChildOutcome {
  readonly exitCode: number | null;
  readonly timedOut: boolean;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `node <args>` to its end, killed after `timeoutMs` (a snippet that leaves a server open
 * never exits: that counts as a failure, not a hang of the test run).
 *
 * @example
 * ```ts
 * const outcome = await runNode(['--import', 'tsx', 'snippet.ts'], { cwd, env, timeoutMs: 60_000 });
 * ```
 */
export function runNode(
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<ChildOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      resolve({ exitCode, timedOut, stdout, stderr });
    });
  });
}

/**
 * Runs the tasks with at most `limit` of them at a time, results in the tasks' order.
 *
 * @example
 * ```ts
 * const outcomes = await withLimit(2, files.map((file) => () => runNode([file], options)));
 * ```
 */
export async function withLimit<T>(limit: number, tasks: ReadonlyArray<() => Promise<T>>): Promise<T[]> {
  const results: T[] = new Array<T>(tasks.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) {
      const index = next;
      next += 1;
      results[index] = await tasks[index]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}
