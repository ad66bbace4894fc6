/**
 * @jest-environment node
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { http } from './test-support/http';

const root = resolve(__dirname, '../../..');

function runCli(
  args: string[],
  env: Record<string, string> = {},
): { firstLine: Promise<string>; exit: Promise<{ code: number | null; stderr: string }>; kill(): void } {
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'cli.ts'), ...args], {
    cwd: root,
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const firstLine = new Promise<string>((resolveLine) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) resolveLine(out.split('\n')[0]);
    });
  });
  const exit = new Promise<{ code: number | null; stderr: string }>((resolveExit) =>
    child.on('exit', (code) => resolveExit({ code, stderr })),
  );
  return { firstLine, exit, kill: () => child.kill('SIGTERM') };
}

describe('cli', () => {
  it('prints one JSON line with the URLs once listening, serves projects given on the command line, and stops on SIGTERM', async () => {
    const cli = runCli(['--port', '0', '--boot-delay-ms', '0', '--project', 'p1:5d0f3c7e-2b1a-4c9d-8e7f-6a5b4c3d2e1f']);
    const line = JSON.parse(await cli.firstLine) as { url: string; widgetUrl: string; apiUrl: string };
    expect(line.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(line.apiUrl).toBe(`${line.url}/api/`);
    const script = await http('GET', `${line.url}/p/p1/v6/launch.js`);
    expect(script.status).toBe(200);
    expect(script.text).toContain('"bootDelayMs":0');
    cli.kill();
    expect((await cli.exit).code).toBe(0);
  });

  it('says which widget it serves and its storage prefix: the emulated one by default, even with TILEDESK_REAL_WIDGET_DIR set', async () => {
    const cli = runCli(['--port', '0'], { TILEDESK_REAL_WIDGET_DIR: '/no/such/build' });
    const line = JSON.parse(await cli.firstLine) as { widget: string; storagePrefix: string };
    expect(line).toEqual(expect.objectContaining({ widget: 'emulated', storagePrefix: 'widget_sv6' }));
    cli.kill();
    expect((await cli.exit).code).toBe(0);
  });

  it('serves a real widget build with --widget-build DIR', async () => {
    const build = mkdtempSync(join(tmpdir(), 'cli-widget-build-'));
    try {
      writeFileSync(join(build, 'launch.js'), 'window.fromTheBuild = true;');
      writeFileSync(join(build, 'main.js'), 'const environment = { storage_prefix: "widget_sv5" };');
      const cli = runCli(['--port', '0', '--widget-build', build, '--project', 'p1:5d0f3c7e-2b1a-4c9d-8e7f-6a5b4c3d2e1f']);
      const line = JSON.parse(await cli.firstLine) as { url: string; widget: string; storagePrefix: string };
      expect(line).toEqual(expect.objectContaining({ widget: 'real', storagePrefix: 'widget_sv5' }));
      expect((await http('GET', `${line.url}/p/p1/v6/launch.js`)).text).toBe('window.fromTheBuild = true;');
      cli.kill();
      expect((await cli.exit).code).toBe(0);
    } finally {
      rmSync(build, { recursive: true, force: true });
    }
  });

  it('exits 1 and says why when --widget-build names no build', async () => {
    const cli = runCli(['--port', '0', '--widget-build', '/no/such/build']);
    const { code, stderr } = await cli.exit;
    expect(code).toBe(1);
    expect(stderr).toContain('widgetBuildDir "/no/such/build" is not a folder');
  });

  it('exits 2 and names a bad argument', async () => {
    const cli = runCli(['--port', 'eighty']);
    const { code, stderr } = await cli.exit;
    expect(code).toBe(2);
    expect(stderr).toContain('--port needs an integer >= 0; got "eighty"');
  });
});
