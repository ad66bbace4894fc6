import { connectTiledeskEmulator, type EmulatedProject } from '../client';
import { loadWidget, recordEvents, resetPage, waitFor } from '../test-support/widget-page';

const emulator = connectTiledeskEmulator();
let project: EmulatedProject;

beforeAll(async () => {
  project = await emulator.createProject({ bootDelayMs: 0 });
});
afterEach(resetPage);

type Api = Record<string, unknown>;
const call = <T = unknown>(tiledesk: Api, name: string, arg?: unknown): T => (tiledesk[name] as (a?: unknown) => T)(arg);
const display = () => (document.getElementById('tiledesk-container') as HTMLElement).style.display;
/** What `isShown` toggles: the chat UI inside the container (the real widget's inner container). */
const uiShown = () => (document.getElementById('tiledesk-emulator-content') as HTMLElement).style.display !== 'none';

/** The widget's live settings (`detail.global`), its startup events seen. */
async function booted(settings: Record<string, unknown>, until = 'onAuthStateChanged:offline') {
  const recorder = recordEvents();
  const tiledesk = await loadWidget(project.widgetUrl, { projectid: project.id, ...settings });
  await waitFor(until, () => recorder.names().includes(until));
  const global = recorder.events.find((e) => e.name === 'onBeforeInit')?.detail['global'] as Record<string, unknown>;
  return { tiledesk, recorder, global };
}

const state = (global: Record<string, unknown>) => ({
  display: display(),
  startHidden: global['startHidden'],
  isShown: global['isShown'],
  uiShown: uiShown(),
});

describe('show() and hide(), as showWidget() and hideWidget()', () => {
  it('boots visible with startHidden:true and autoStart off; show() then only clears startHidden and un-shows; the next show() shows', async () => {
    const { tiledesk, recorder, global } = await booted({ startHidden: true, autoStart: false });
    expect(state(global)).toEqual({ display: '', startHidden: true, isShown: true, uiShown: true });
    call(tiledesk, 'show');
    expect(state(global)).toEqual({ display: '', startHidden: false, isShown: false, uiShown: false });
    call(tiledesk, 'show');
    expect(state(global)).toEqual({ display: 'block', startHidden: false, isShown: true, uiShown: true });
    call(tiledesk, 'hide');
    expect(state(global)).toEqual({ display: 'none', startHidden: false, isShown: false, uiShown: false });
    recorder.stop();
  });

  it('with startHidden:false show() shows at once', async () => {
    const { tiledesk, recorder, global } = await booted({ startHidden: false });
    expect(state(global)).toEqual({ display: '', startHidden: false, isShown: true, uiShown: true });
    call(tiledesk, 'hide');
    call(tiledesk, 'show');
    expect(state(global)).toEqual({ display: 'block', startHidden: false, isShown: true, uiShown: true });
    recorder.stop();
  });

  it('reads only a real true as startHidden, and show() waits for the live setting to be exactly false', async () => {
    const { tiledesk, recorder, global } = await booted({ startHidden: 'true' });
    expect(global['startHidden']).toBe(false);
    call(tiledesk, 'setParameter', { key: 'startHidden', value: 'no' });
    call(tiledesk, 'show');
    expect(state(global)).toEqual({ display: '', startHidden: false, isShown: false, uiShown: false });
    recorder.stop();
  });

  it('with autoStart and startHidden: hidden at boot, still hidden once online (that show() clears startHidden), and the next show() shows', async () => {
    const { tiledesk, recorder, global } = await booted({ autoStart: true, startHidden: true }, 'onAuthStateChanged:online');
    expect(state(global)).toEqual({ display: 'none', startHidden: false, isShown: false, uiShown: false });
    call(tiledesk, 'show');
    expect(state(global)).toEqual({ display: 'block', startHidden: false, isShown: true, uiShown: true });
    recorder.stop();
  });

  it('with autoStart and no startHidden: shown once online', async () => {
    const { recorder, global } = await booted({ autoStart: true }, 'onAuthStateChanged:online');
    expect(state(global)).toEqual({ display: 'block', startHidden: false, isShown: true, uiShown: true });
    recorder.stop();
  });

  it('a sign-in with autoStart off marks it shown (isShown true) but leaves the container as the page set it', async () => {
    const { tiledesk, recorder, global } = await booted({ startHidden: true, autoStart: false });
    call(tiledesk, 'show'); // swallowed by startHidden: un-shown
    expect(uiShown()).toBe(false);
    call(tiledesk, 'hide');
    const token = await emulator.mintToken(project.id, { userId: 'shown' });
    await Promise.resolve(call<PromiseLike<unknown>>(tiledesk, 'signInWithCustomToken', token));
    await waitFor('online', () => recorder.names().includes('onAuthStateChanged:online'));
    expect(state(global)).toEqual({ display: 'none', startHidden: false, isShown: true, uiShown: true });
    recorder.stop();
  });

  it('logout hides the container and un-shows it', async () => {
    const { tiledesk, recorder, global } = await booted({});
    const token = await emulator.mintToken(project.id, { userId: 'leaving' });
    await Promise.resolve(call<PromiseLike<unknown>>(tiledesk, 'signInWithCustomToken', token));
    await waitFor('online', () => recorder.names().includes('onAuthStateChanged:online'));
    call(tiledesk, 'show');
    await Promise.resolve(call<PromiseLike<unknown>>(tiledesk, 'logout'));
    expect(state(global)).toEqual({ display: 'none', startHidden: false, isShown: false, uiShown: false });
    recorder.stop();
  });

  it('show() after dispose() finds no container: it only clears startHidden and un-shows', async () => {
    const { tiledesk, recorder, global } = await booted({});
    call(tiledesk, 'dispose');
    call(tiledesk, 'show');
    expect({ startHidden: global['startHidden'], isShown: global['isShown'] }).toEqual({ startHidden: false, isShown: false });
    recorder.stop();
  });
});
