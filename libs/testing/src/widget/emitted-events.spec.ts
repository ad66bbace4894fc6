import { connectTiledeskEmulator, type EmulatedProject } from '../client';
import { EMULATED_WIDGET_EVENTS } from '../lib/widget-event-names';
import { loadWidget, recordEvents, resetPage, waitFor } from '../test-support/widget-page';

const emulator = connectTiledeskEmulator();
let project: EmulatedProject;

beforeAll(async () => {
  project = await emulator.createProject({ bootDelayMs: 0 });
});
afterEach(resetPage);

type Api = Record<string, unknown>;
const call = (tiledesk: Api, name: string, arg?: unknown) => (tiledesk[name] as (a?: unknown) => unknown)(arg);

describe('EMULATED_WIDGET_EVENTS', () => {
  it('is what the emulated widget fires: each name, once driven through its API and UI', async () => {
    const recorder = recordEvents();
    const tiledesk = await loadWidget(project.widgetUrl, { projectid: project.id });
    await waitFor('offline', () => recorder.names().includes('onAuthStateChanged:offline'));
    await Promise.resolve(call(tiledesk, 'signInWithCustomToken', await emulator.mintToken(project.id, { userId: 'ada' })));
    await waitFor('onInit', () => recorder.names().includes('onInit'));

    call(tiledesk, 'open');
    call(tiledesk, 'close');
    call(tiledesk, 'showCallout');
    document.querySelector<HTMLButtonElement>('#tiledesk-emulator-callout-close')?.click();
    call(tiledesk, 'startConversation');
    call(tiledesk, 'openConversationById', 'c1');
    call(tiledesk, 'sendMessage', 'hello');
    await waitFor('onMessageCreated', () => recorder.names().includes('onMessageCreated'));

    const fired = new Set(recorder.events.map((event) => event.name));
    expect([...fired].sort()).toEqual([...EMULATED_WIDGET_EVENTS].sort());
    expect(recorder.events.find((event) => event.name === 'onMessageCreated')?.detail).toMatchObject({
      message: { text: 'hello', status: 150 },
    });
    expect(document.querySelector<HTMLElement>('#tiledesk-emulator-callout')?.style.display).toBe('none');
    recorder.stop();
  });
});
