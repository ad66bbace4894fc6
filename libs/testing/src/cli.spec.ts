/**
 * @jest-environment node
 */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { http } from './test-support/http';

const root = resolve(__dirname, '../../..');

function runCli(args: string[]): { firstLine: Promise<string>; exit: Promise<{ code: number | null; stderr: string }>; kill(): void } {
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'cli.ts'), ...args], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const firstLine = new Promise<string>((resolveLine) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) resolveLine(out.split('\n')[0]);
    });
  });
  const exit = new Promise<{ code: number | null; stderr: string }>((resolveExit) => child.on('exit', (code) => resolveExit({ code, stderr })));
  return { firstLine, exit, kill: () => child.kill('SIGTERM') };
}

describe('cli', () => {
  it('prints one JSON line with the URLs once listening, serves projects given on the command line, and stops on SIGTERM', async () => {
    const cli = runCli(['--port', '0', '--boot-delay-ms', '0', '--project', 'p1:s3cret']);
    const line = JSON.parse(await cli.firstLine) as { url: string; widgetUrl: string; apiUrl: string };
    expect(line.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(line.apiUrl).toBe(`${line.url}/api/`);
    const script = await http('GET', `${line.url}/p/p1/v6/launch.js`);
    expect(script.status).toBe(200);
    expect(script.text).toContain('"bootDelayMs":0');
    cli.kill();
    expect((await cli.exit).code).toBe(0);
  });

  it('exits 2 and names a bad argument', async () => {
    const cli = runCli(['--port', 'eighty']);
    const { code, stderr } = await cli.exit;
    expect(code).toBe(2);
    expect(stderr).toContain('--port needs an integer >= 0; got "eighty"');
  });
});
