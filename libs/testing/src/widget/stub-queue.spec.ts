import { connectTiledeskEmulator, type EmulatedProject } from '../client';
import { addWidgetScript, loadWidget, page, recordEvents, resetPage, settle, waitFor } from '../test-support/widget-page';

const emulator = connectTiledeskEmulator();
let project: EmulatedProject;

beforeAll(async () => {
  project = await emulator.createProject({ bootDelayMs: 0 });
});
afterEach(() => {
  resetPage();
  jest.restoreAllMocks();
});

function detailEvent(e: unknown): string {
  return String(((e as CustomEvent).detail as Record<string, unknown>)['event']);
}

describe('the stub queue', () => {
  it('registers queued on* listeners at drain 2: they receive the first offline', async () => {
    const seen: string[] = [];
    await loadWidget(project.widgetUrl, { projectid: project.id }, (Tiledesk) => {
      Tiledesk('onAuthStateChanged', (e: unknown) => seen.push(detailEvent(e)));
    });
    await waitFor('offline', () => seen.length > 0);
    expect(seen).toEqual(['offline']);
  });

  it('calls a queued onLoadParams listener exactly once and applies a queued setParameter', async () => {
    const loadParams: unknown[] = [];
    const recorder = recordEvents();
    await loadWidget(project.widgetUrl, { projectid: project.id }, (Tiledesk) => {
      Tiledesk('onLoadParams', (e: unknown) => loadParams.push((e as CustomEvent).detail));
      Tiledesk('setParameter', { key: 'lang', value: 'fr' });
    });
    await waitFor('offline', () => recorder.names().includes('onAuthStateChanged:offline'));
    expect(loadParams).toHaveLength(1);
    expect(loadParams[0]).toHaveProperty('default_settings');
    const beforeInit = recorder.events.find((e) => e.name === 'onBeforeInit');
    expect((beforeInit?.detail['global'] as Record<string, unknown>)['lang']).toBe('fr');
    recorder.stop();
  });

  it('runs other queued calls with ONE argument and replaces window.Tiledesk with a forwarder', async () => {
    const stub = { current: undefined as unknown };
    const tiledesk = await loadWidget(project.widgetUrl, { projectid: project.id }, (Tiledesk) => {
      stub.current = Tiledesk;
      Tiledesk('hide', 'ignored', 'extra');
      Tiledesk('setAttributeParameter', { key: 'plan', value: 'pro' }, 'dropped second argument');
    });
    await waitFor('forwarder', () => page.Tiledesk !== stub.current);
    expect((document.getElementById('tiledesk-container') as HTMLElement).style.display).toBe('none');
    expect(JSON.parse(localStorage.getItem(`widget_sv6_${project.id}_attributes`) ?? '{}')).toMatchObject({ plan: 'pro' });
    // The forwarder calls methods and returns properties.
    expect(page.Tiledesk?.('tiledeskroot')).toBe(tiledesk.tiledeskroot);
    page.Tiledesk?.('show');
    expect((document.getElementById('tiledesk-container') as HTMLElement).style.display).toBe('block');
  });

  it('loses a late Tiledesk("onX", fn): the forwarder registers nothing and returns undefined', async () => {
    const recorder = recordEvents();
    const tiledesk = await loadWidget(project.widgetUrl, { projectid: project.id });
    await waitFor('offline', () => recorder.names().includes('onAuthStateChanged:offline'));
    const late: string[] = [];
    expect(page.Tiledesk?.('onOpen', () => late.push('late'))).toBeUndefined();
    tiledesk.on('onOpen', () => late.push('on'));
    (tiledesk['open'] as () => void)();
    expect(late).toEqual(['on']);
    recorder.stop();
  });

  it('aborts the rest of the queue at a throwing call and never replaces window.Tiledesk', async () => {
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const seen: string[] = [];
    const stub = { current: undefined as unknown };
    const recorder = recordEvents();
    await loadWidget(project.widgetUrl, { projectid: project.id }, (Tiledesk) => {
      stub.current = Tiledesk;
      Tiledesk('onAuthStateChanged', () => seen.push('before'));
      Tiledesk('signOut');
      Tiledesk('onAuthStateChanged', () => seen.push('after'));
      Tiledesk('hide');
    });
    await waitFor('offline', () => recorder.names().includes('onAuthStateChanged:offline'));
    expect(seen).toEqual(['before']);
    expect(page.Tiledesk).toBe(stub.current);
    expect((document.getElementById('tiledesk-container') as HTMLElement).style.display).toBe('');
    expect(errors.mock.calls.flat().join(' ')).toContain('window.tiledesk.signOut is not a function');
    recorder.stop();
  });

  it('never drains nor replaces the queue when the page defines tileDeskAsyncInit', async () => {
    const seen: string[] = [];
    let asyncInitCalls = 0;
    page.tileDeskAsyncInit = () => {
      asyncInitCalls += 1;
    };
    const recorder = recordEvents();
    addWidgetScript(project.widgetUrl, { projectid: project.id }, (Tiledesk) => {
      Tiledesk('onAuthStateChanged', () => seen.push('queued'));
    });
    const stub = page.Tiledesk;
    await waitFor('window.tiledesk', () => page.tiledesk);
    await waitFor('offline', () => recorder.names().includes('onAuthStateChanged:offline'));
    expect(asyncInitCalls).toBe(1);
    expect(seen).toEqual([]);
    expect(page.Tiledesk).toBe(stub);
    expect(page.Tiledesk?.q).toHaveLength(1);
    recorder.stop();
  });

  it('throws away the result of a queued sign-in: it still signs in', async () => {
    const token = await emulator.mintToken(project.id, { userId: 'queued' });
    const recorder = recordEvents();
    await loadWidget(project.widgetUrl, { projectid: project.id }, (Tiledesk) => {
      Tiledesk('signInWithCustomToken', token);
    });
    await waitFor('online', () => recorder.names().includes('onAuthStateChanged:online'));
    expect(recorder.names()).toEqual(['onLoadParams', 'onBeforeInit', 'onAuthStateChanged:offline', 'onInit', 'onAuthStateChanged:online']);
    await settle();
    recorder.stop();
  });
});
