import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connectTiledeskEmulator, type EmulatedProject } from '../client';
import { http } from '../test-support/http';
import { loadWidget, recordEvents, resetPage, settle, waitFor } from '../test-support/widget-page';

const emulator = connectTiledeskEmulator();
const emulatorUrl = String(process.env['TILEDESK_EMULATOR_URL']);
let project: EmulatedProject;

/**
 * A widget base of this spec's own: `/<name>/launch.js` is the emulator's launch.js (its storage
 * prefix swapped when asked), `/<name>/widget-config.json` is whatever the case wants.
 */
let base: Server;
let baseUrl: string;
const configs = new Map<string, { status: number; body: string }>();
let launcher = '';

beforeAll(async () => {
  project = await emulator.createProject({ bootDelayMs: 0 });
  launcher = (await http('GET', project.widgetUrl)).text;
  base = createServer((req, res) => {
    const [, name, file] = /^\/([^/]+)\/(.+)$/.exec(req.url ?? '') ?? [];
    res.setHeader('Access-Control-Allow-Origin', '*');
    if (file === 'launch.js') {
      const prefix = name === 'sv5' ? 'widget_sv5' : 'widget_sv6';
      res.writeHead(200, { 'Content-Type': 'application/javascript' });
      res.end(launcher.replace('"storagePrefix":"widget_sv6"', `"storagePrefix":"${prefix}"`));
      return;
    }
    const config = file === 'widget-config.json' ? configs.get(name) : undefined;
    res.writeHead(config?.status ?? 404, { 'Content-Type': 'application/json' });
    res.end(config?.body ?? '');
  });
  await new Promise<void>((resolve) => base.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(base.address() as AddressInfo).port}`;
  const emulatorConfig = (await http('GET', `${emulatorUrl}/v6/widget-config.json`)).text;
  configs.set('sv5', { status: 200, body: emulatorConfig });
  configs.set('garbled', { status: 200, body: '{ not json' });
});
afterAll(async () => {
  await new Promise((resolve) => base.close(resolve));
});
afterEach(() => {
  resetPage();
  jest.restoreAllMocks();
});

type Api = Record<string, unknown>;
const call = <T = unknown>(tiledesk: Api, name: string, arg?: unknown): T => (tiledesk[name] as (a?: unknown) => T)(arg);

describe('where the widget finds its server', () => {
  it('reads apiUrl from widget-config.json beside its launch.js and ignores tiledeskSettings.apiUrl', async () => {
    await emulator.reset(project.id);
    const recorder = recordEvents();
    const tiledesk = await loadWidget(project.widgetUrl, { projectid: project.id, apiUrl: 'http://127.0.0.1:9/not-the-api/' });
    await waitFor('startup offline', () => recorder.names().includes('onAuthStateChanged:offline'));
    const token = await emulator.mintToken(project.id, { userId: 'config' });
    await expect(Promise.resolve(call<PromiseLike<unknown>>(tiledesk, 'signInWithCustomToken', token))).resolves.toMatchObject({
      uid: `${project.id}_config`,
    });
    await waitFor('online', () => recorder.names().includes('onAuthStateChanged:online'));

    const paths = (await emulator.requests(project.id)).map((request) => `${request.method} ${request.path}`);
    expect(paths[0]).toBe(`GET /p/${project.id}/v6/launch.js`);
    expect(paths[1]).toBe(`GET /p/${project.id}/v6/widget-config.json`);
    expect(paths).toContain('POST /api/auth/signinWithCustomToken');
    const appConfigs = recorder.events.find((e) => e.name === 'onAuthStateChanged')?.detail['appConfigs'] as Record<string, unknown>;
    expect(appConfigs).toMatchObject({ apiUrl: `${emulatorUrl}/api/`, chatEngine: 'mqtt' });
    expect(call(tiledesk, 'getBaseLocation')).toBe(`${emulatorUrl}/p/${project.id}/v6`);
    recorder.stop();
  });

  it.each([
    ['answers 404', 'missing'],
    ['is not JSON', 'garbled'],
  ])(
    'when widget-config.json %s: logs "error loadAppConfig", uses the build defaults (http://localhost:3000/) and never fires onAuthStateChanged',
    async (_what, name) => {
      const errors = jest.spyOn(window.console, 'error').mockImplementation(() => undefined);
      const recorder = recordEvents();
      const tiledesk = await loadWidget(`${baseUrl}/${name}/launch.js`, { projectid: project.id });
      await waitFor('onBeforeInit', () => recorder.names().includes('onBeforeInit'));
      expect(errors).toHaveBeenCalledWith('error loadAppConfig', expect.anything());

      const token = await emulator.mintToken(project.id, { userId: 'lost' });
      const refusal = await Promise.resolve(call<PromiseLike<unknown>>(tiledesk, 'signInWithCustomToken', token)).then(
        () => undefined,
        (error: unknown) => error as { url: string },
      );
      expect(refusal?.url).toBe('http://localhost:3000/auth/signinWithCustomToken');
      await settle(100);
      expect(recorder.names()).toEqual(['onLoadParams', 'onBeforeInit']);
      recorder.stop();
    },
  );

  it('keeps its storage prefix configurable: a launch.js served with widget_sv5 stores under widget_sv5_<projectid>_', async () => {
    const recorder = recordEvents();
    const tiledesk = await loadWidget(`${baseUrl}/sv5/launch.js`, { projectid: project.id });
    await waitFor('startup offline', () => recorder.names().includes('onAuthStateChanged:offline'));
    const token = await emulator.mintToken(project.id, { userId: 'prefix' });
    await Promise.resolve(call<PromiseLike<unknown>>(tiledesk, 'signInWithCustomToken', token));
    expect(localStorage.getItem(`widget_sv5_${project.id}_tiledeskToken`)).toBe(token);
    expect(Object.keys(localStorage).filter((key) => key.startsWith('widget_sv6_'))).toEqual([]);
    await waitFor('online', () => recorder.names().includes('onAuthStateChanged:online'));
    recorder.stop();
  });
});
