import { execFile } from 'node:child_process';
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
export async function createConsumerApp(options: { packages: readonly string[]; dependencies: readonly string[] }): Promise<{
  readonly dir: string;
  write(file: string, text: string): Promise<void>;
  /** Runs this Node with `args` in the app's folder; resolves (never rejects) with how it ended. */
  node(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }>;
  remove(): Promise<void>;
}> {
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
  const node = (args: readonly string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
      execFile(process.execPath, args, { cwd: dir }, (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        done({ code, stdout, stderr });
      });
    });
  return { dir, write, node, remove: () => rm(dir, { recursive: true, force: true }) };
}
