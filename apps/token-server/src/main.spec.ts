import { spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '../../..');

/** Runs main.ts as `nx serve token-server` does, with only the given environment. */
function runMain(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'apps/token-server/src/main.ts'], {
      cwd: root,
      env: { PATH: process.env['PATH'] ?? '', TSX_TSCONFIG_PATH: 'tsconfig.base.json', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('token-server main (process)', () => {
  it.each([
    [{ PORT: 'eighty' }, /^token-server: PORT must be a port number/],
    [{ TILEDESK_PROJECT_ID: '65f0c0ffee0123456789abcd' }, /^token-server: TILEDESK_PROJECT_ID is set but TILEDESK_SHARED_SECRET is not/],
    [
      {
        TILEDESK_PROJECT_ID: '65f0c0ffee0123456789abcd',
        TILEDESK_SHARED_SECRET: '5d0f3c7e-2b1a-4c9d-8e7f-6a5b4c3d2e1f',
        TILEDESK_WIDGET_URL: 'ftp://x/launch.js',
      },
      /^token-server: TILEDESK_WIDGET_URL must be an http\(s\) URL/,
    ],
  ])('reports %j as one line on stderr and exits with 1', async (env, message) => {
    const { code, stdout, stderr } = await runMain(env);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
  });
});
