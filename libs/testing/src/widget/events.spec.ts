import { connectTiledeskEmulator, type EmulatedProject } from '../client';
import { loadWidget, page, recordEvents, resetPage, waitFor } from '../test-support/widget-page';

const emulator = connectTiledeskEmulator();
let project: EmulatedProject;

beforeAll(async () => {
  project = await emulator.createProject({ bootDelayMs: 0 });
});
afterEach(resetPage);

type Thenable = PromiseLike<unknown>;

describe('widget events', () => {
  it('fires onLoadParams, onBeforeInit, then offline with the startup detail shape, and nothing more without sign-in', async () => {
    const recorder = recordEvents();
    await loadWidget(project.widgetUrl, { projectid: project.id });
    await waitFor('offline', () => recorder.names().includes('onAuthStateChanged:offline'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(recorder.names()).toEqual(['onLoadParams', 'onBeforeInit', 'onAuthStateChanged:offline']);
    const offline = recorder.events[2].detail;
    expect(offline['event']).toBe('offline');
    expect(offline['isLogged']).toBe(false);
    expect(offline['user_id']).toBeUndefined();
    expect(Object.keys(offline).sort()).toEqual(['appConfigs', 'default_settings', 'event', 'global', 'isLogged', 'user_id']);
    recorder.stop();
  });

  it('dispatches non-bubbling, non-composed CustomEvents on <chat-root> only, built in another realm', async () => {
    const onWindow: string[] = [];
    const bubbleOnDocument: string[] = [];
    window.addEventListener('onAuthStateChanged', () => onWindow.push('window'));
    document.addEventListener('onAuthStateChanged', () => bubbleOnDocument.push('document'));
    const recorder = recordEvents();
    const tiledesk = await loadWidget(project.widgetUrl, { projectid: project.id });
    await waitFor('offline', () => recorder.events.find((e) => e.name === 'onAuthStateChanged'));
    const { event } = recorder.events.find((e) => e.name === 'onAuthStateChanged') ?? { event: undefined };

    expect(event?.target).toBe(tiledesk.tiledeskroot);
    expect(tiledesk.tiledeskroot.tagName).toBe('CHAT-ROOT');
    expect(tiledesk.tiledeskroot.parentElement).toBe(document.body);
    expect(event?.bubbles).toBe(false);
    expect(event?.composed).toBe(false);
    // Built in the iframe's realm: instanceof fails in the host, `detail` is what to read.
    expect(event instanceof CustomEvent).toBe(false);
    expect(event instanceof Event).toBe(false);
    expect((event as CustomEvent).detail).toBeDefined();
    expect(onWindow).toEqual([]);
    expect(bubbleOnDocument).toEqual([]);
    recorder.stop();
  });

  it('puts the live settings holding window into global, so the detail is not serialisable', async () => {
    const recorder = recordEvents();
    await loadWidget(project.widgetUrl, { projectid: project.id, lang: 'it' });
    await waitFor('offline', () => recorder.events.find((e) => e.name === 'onAuthStateChanged'));
    const detail = recorder.events.find((e) => e.name === 'onAuthStateChanged')?.detail ?? {};
    const global = detail['global'] as Record<string, unknown>;
    expect(global['windowContext']).toBe(window);
    expect(global['lang']).toBe('it');
    expect(() => JSON.stringify(detail)).toThrow();
    expect(() => structuredClone(detail)).toThrow();
    recorder.stop();
  });

  it('reads tiledeskSettings once, at boot, and ignores persistence set there', async () => {
    const recorder = recordEvents();
    await loadWidget(project.widgetUrl, { projectid: project.id, lang: 'de', persistence: 'session' });
    await waitFor('offline', () => recorder.events.find((e) => e.name === 'onAuthStateChanged'));
    (page.tiledeskSettings as Record<string, unknown>)['lang'] = 'es';
    const global = recorder.events.find((e) => e.name === 'onAuthStateChanged')?.detail['global'] as Record<string, unknown>;
    expect(global['lang']).toBe('de');
    expect(global['persistence']).toBeUndefined();
    recorder.stop();
  });

  it('has on() but no off(): removing goes through tiledeskroot.removeEventListener', async () => {
    const tiledesk = await loadWidget(project.widgetUrl, { projectid: project.id });
    expect(typeof tiledesk.on).toBe('function');
    expect(tiledesk['off']).toBeUndefined();
    const seen: string[] = [];
    const listener = () => seen.push('open');
    tiledesk.on('onOpen', listener);
    (tiledesk['open'] as () => void)();
    tiledesk.tiledeskroot.removeEventListener('onOpen', listener);
    (tiledesk['open'] as () => void)();
    (tiledesk['open'] as () => void)();
    expect(seen).toEqual(['open']);
  });

  it('returns Promises from another realm: instanceof Promise is false, they are thenables', async () => {
    const tiledesk = await loadWidget(project.widgetUrl, { projectid: project.id });
    const token = await emulator.mintToken(project.id);
    const result = (tiledesk['signInWithCustomToken'] as (t: string) => Thenable)(token);
    expect(result instanceof Promise).toBe(false);
    expect(typeof result.then).toBe('function');
    await expect(Promise.resolve(result)).resolves.toMatchObject({ uid: `${project.id}_visitor` });
    await waitFor('online', () => page.document.getElementById('tiledesk-emulator-user')?.textContent?.startsWith('Signed in'));
  });
});
