import { connectTiledeskEmulator, type EmulatedProject } from '../client';
import { loadWidget, page, recordEvents, resetPage, waitFor } from '../test-support/widget-page';

const emulator = connectTiledeskEmulator();
let project: EmulatedProject;

beforeAll(async () => {
  project = await emulator.createProject({ bootDelayMs: 0 });
});
afterEach(resetPage);

describe('signInWithCustomToken', () => {
  it('resolves with the user before online fires, then fires onInit and online with the JWT _id', async () => {
    const recorder = recordEvents();
    const tiledesk = await loadWidget(project.widgetUrl, { projectid: project.id, autoStart: false });
    await waitFor('the startup offline', () => recorder.names().includes('onAuthStateChanged:offline'));
    const token = await emulator.mintToken(project.id, { userId: 'ada' });

    let namesWhenResolved: string[] = [];
    const user = (await (tiledesk['signInWithCustomToken'] as (t: string) => PromiseLike<Record<string, unknown>>)(token).then((u) => {
      namesWhenResolved = recorder.names();
      return u;
    })) as Record<string, unknown>;

    expect(user['_id']).toBe(`${project.id}_ada`);
    expect(namesWhenResolved).not.toContain('onAuthStateChanged:online');
    await waitFor('online', () => recorder.names().includes('onAuthStateChanged:online'));
    expect(recorder.names()).toEqual(['onLoadParams', 'onBeforeInit', 'onAuthStateChanged:offline', 'onInit', 'onAuthStateChanged:online']);
    const online = recorder.events[4].detail;
    expect(online['isLogged']).toBe(true);
    expect(online['user_id']).toBe(`${project.id}_ada`);
    expect(localStorage.getItem(`widget_sv6_${project.id}_tiledeskToken`)).toBe(token);
    expect(page.document.getElementById('tiledesk-emulator-user')?.textContent).toBe('Signed in as ada@example.test');
    recorder.stop();
  });
});
