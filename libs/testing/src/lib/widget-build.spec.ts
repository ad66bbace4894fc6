/**
 * @jest-environment node
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { http } from '../test-support/http';
import { startTiledeskEmulator } from './emulator';
import { EmulatorError } from './emulator-error';
import type { EmulatedProject, TiledeskEmulator } from './types';

// Serving a widget build, checked on a small stand-in build so that it runs everywhere; the real
// build itself is exercised in Chromium by real-widget.spec.ts.
let buildDir: string;
let emulator: TiledeskEmulator;
let project: EmulatedProject;

function writeBuild(dir: string, mainJs: string): void {
  mkdirSync(join(dir, 'assets', 'images'), { recursive: true });
  writeFileSync(join(dir, 'launch.js'), 'window.launchedFromBuild = true;\n');
  writeFileSync(join(dir, 'main.js'), mainJs);
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>widget</title>');
  writeFileSync(join(dir, 'styles.css'), 'body{}');
  writeFileSync(join(dir, 'assets', 'images', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(dir, 'widget-config.json'), '{"apiUrl":"http://127.0.0.1:3000/"}');
  writeFileSync(join(dir, '.env'), 'SECRET=1');
}

beforeAll(async () => {
  buildDir = mkdtempSync(join(tmpdir(), 'widget-build-'));
  writeBuild(buildDir, 'const environment={storage_prefix:"widget_sv7",authPersistence:"LOCAL"};');
  writeFileSync(join(tmpdir(), 'outside-the-build.txt'), 'outside');
  emulator = await startTiledeskEmulator({ widgetBuildDir: buildDir, storagePrefix: 'ignored_here' });
  project = emulator.createProject();
});
afterAll(async () => {
  await emulator.close();
  rmSync(buildDir, { recursive: true, force: true });
});

/** A GET with the path sent exactly as written (no client-side normalisation of `..`). */
function rawGet(path: string): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(emulator.url);
    const req = request({ hostname, port, path, method: 'GET' }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('startTiledeskEmulator({ widgetBuildDir })', () => {
  it('says it serves a real widget, with the storage prefix compiled into the build', () => {
    expect(emulator.widget).toBe('real');
    expect(emulator.storagePrefix).toBe('widget_sv7');
  });

  it.each([
    ['the emulator-wide widget URL', () => emulator.widgetUrl],
    ['a project widget URL', () => project.widgetUrl],
  ])("serves the build's launch.js at %s, as JavaScript any origin may load", async (_label, widgetUrl) => {
    const answer = await http('GET', widgetUrl(), { headers: { Origin: 'http://127.0.0.1:1' } });
    expect(answer.status).toBe(200);
    expect(answer.text).toBe('window.launchedFromBuild = true;\n');
    expect(answer.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(answer.headers['access-control-allow-origin']).toBe('*');
  });

  it.each([
    ['main.js', /^(text|application)\/javascript/],
    ['index.html', /^text\/html/],
    ['styles.css', /^text\/css/],
    ['assets/images/logo.svg', /^image\/svg\+xml/],
  ])('serves %s beside launch.js, under both bases, with its content type', async (file, contentType) => {
    for (const base of [emulator.widgetUrl, project.widgetUrl].map((url) => url.replace(/launch\.js$/, ''))) {
      const answer = await http('GET', `${base}${file}`);
      expect(answer.status).toBe(200);
      expect(answer.headers['content-type']).toMatch(contentType);
      expect(answer.headers['access-control-allow-origin']).toBe('*');
    }
  });

  it("answers widget-config.json itself, pointing at the emulator, never with the build's file", async () => {
    for (const widgetUrl of [emulator.widgetUrl, project.widgetUrl]) {
      const answer = await http('GET', widgetUrl.replace(/launch\.js$/, 'widget-config.json'));
      expect(answer.status).toBe(200);
      expect(answer.json()).toEqual(
        expect.objectContaining({
          apiUrl: emulator.apiUrl,
          chat21Config: {
            appId: 'tilechat',
            MQTTendpoint: `${emulator.url.replace(/^http/, 'ws')}/ws`,
            APIendpoint: `${emulator.apiUrl}chatapi/api`,
          },
          remoteTranslationsUrl: emulator.apiUrl,
          baseImageUrl: emulator.apiUrl,
          chatEngine: 'mqtt',
          uploadEngine: 'native',
          pushEngine: 'none',
          logLevel: 'info',
        }),
      );
    }
  });

  it.each([
    ['a climb encoded as ..%2f', '/v6/..%2f..%2foutside-the-build.txt', 403],
    ['a climb in a project URL', `/p/PROJECT/v6/assets/..%2f..%2f..%2foutside-the-build.txt`, 403],
    ['a dotfile', '/v6/.env', 404],
    ['a missing file', '/v6/no-such-chunk.js', 404],
    ['a folder', '/v6/assets', 404],
  ])('refuses %s', async (_label, path, status) => {
    expect(await rawGet(path.replace('PROJECT', project.id))).toBe(status);
  });

  it('answers 404 for the files of a project it does not know', async () => {
    expect(await rawGet('/p/no-such-project/v6/main.js')).toBe(404);
    expect(await rawGet('/p/no-such-project/v6/launch.js')).toBe(404);
  });

  it("applies the project's faults of the widget route (the code path of its delays and latency) to launch.js, not to the other files", async () => {
    emulator.reset(project.id);
    emulator.failNext(project.id, 'widget', { status: 503 });
    expect((await http('GET', project.widgetUrl.replace(/launch\.js$/, 'main.js'))).status).toBe(200);
    expect((await http('GET', project.widgetUrl)).status).toBe(503);
    expect((await http('GET', project.widgetUrl)).status).toBe(200);
    const routes = emulator
      .requests(project.id)
      .filter((entry) => entry.path.endsWith('launch.js'))
      .map((entry) => entry.route);
    expect(routes).toEqual(['widget', 'widget']);
  });

  it('falls back to widget_sv5 when the build does not name its prefix', async () => {
    const bare = mkdtempSync(join(tmpdir(), 'widget-build-'));
    writeBuild(bare, 'console.log("no prefix here");');
    const other = await startTiledeskEmulator({ widgetBuildDir: bare });
    try {
      expect(other.storagePrefix).toBe('widget_sv5');
    } finally {
      await other.close();
      rmSync(bare, { recursive: true, force: true });
    }
  });

  it.each([
    ['a folder that does not exist', () => join(buildDir, 'nope')],
    ['a folder without launch.js', () => join(buildDir, 'assets')],
    ['a file', () => join(buildDir, 'main.js')],
  ])('refuses %s with an invalid-argument EmulatorError', async (_label, dir) => {
    const attempt = startTiledeskEmulator({ widgetBuildDir: dir() });
    await expect(attempt).rejects.toBeInstanceOf(EmulatorError);
    await expect(attempt).rejects.toMatchObject({ code: 'invalid-argument' });
  });
});

describe('the emulated widget (no widgetBuildDir)', () => {
  it('says so, keeps its storage prefix option, and answers widget-config.json too', async () => {
    const emulated = await startTiledeskEmulator({ storagePrefix: 'widget_sv9' });
    try {
      expect(emulated.widget).toBe('emulated');
      expect(emulated.storagePrefix).toBe('widget_sv9');
      const emulatedProject = emulated.createProject();
      const answer = await http('GET', emulatedProject.widgetUrl.replace(/launch\.js$/, 'widget-config.json'));
      expect(answer.json()).toEqual(expect.objectContaining({ apiUrl: emulated.apiUrl }));
      expect((await http('GET', emulatedProject.widgetUrl.replace(/launch\.js$/, 'main.js'))).status).toBe(404);
    } finally {
      await emulated.close();
    }
  });
});
