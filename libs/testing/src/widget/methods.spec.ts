import { connectTiledeskEmulator, type EmulatedProject } from '../client';
import { loadWidget, page, recordEvents, resetPage, waitFor } from '../test-support/widget-page';

const emulator = connectTiledeskEmulator();
let project: EmulatedProject;

beforeAll(async () => {
  project = await emulator.createProject({ bootDelayMs: 0 });
});
afterEach(resetPage);

type Api = Record<string, unknown> & { on(name: string, fn: (event: Event) => void): void; tiledeskroot: HTMLElement };
const call = <T = unknown>(tiledesk: Api, name: string, arg?: unknown): T => (tiledesk[name] as (a?: unknown) => T)(arg);
const container = () => document.getElementById('tiledesk-container') as HTMLElement | null;
const key = (name: string) => `widget_sv6_${project.id}_${name}`;

describe('widget methods', () => {
  it('has the documented methods and none of the invented ones', async () => {
    const tiledesk = (await loadWidget(project.widgetUrl, { projectid: project.id })) as Api;
    for (const name of [
      'signInWithCustomToken',
      'signInAnonymous',
      'logout',
      'show',
      'hide',
      'open',
      'close',
      'dispose',
      'reInit',
      'restart',
      'clearStorage',
      'setParameter',
      'setAttributeParameter',
      'sendMessage',
      'startConversation',
      'openConversationById',
      'setPreChatForm',
      'showCallout',
    ]) {
      expect(typeof tiledesk[name]).toBe('function');
    }
    for (const name of ['start', 'signOut', 'remove', 'off', 'signInAnonymously']) expect(tiledesk[name]).toBeUndefined();
  });

  it('dispose removes the container but leaves <chat-root> and the script', async () => {
    const tiledesk = (await loadWidget(project.widgetUrl, { projectid: project.id })) as Api;
    expect(document.getElementById('tiledeskiframe')).not.toBeNull();
    call(tiledesk, 'dispose');
    expect(container()).toBeNull();
    expect(document.getElementById('tiledeskiframe')).toBeNull();
    expect(document.querySelector('chat-root')).not.toBeNull();
    expect(document.getElementById('tiledesk-jssdk')).not.toBeNull();
  });

  it.each(['reInit', 'restart'])(
    '%s rebuilds window.tiledesk, <chat-root> and window.Tiledesk: tiledesk.on listeners are lost, capture listeners on document are not',
    async (method) => {
      const recorder = recordEvents();
      const tiledesk = (await loadWidget(project.widgetUrl, { projectid: project.id })) as Api;
      await waitFor('offline', () => recorder.names().includes('onAuthStateChanged:offline'));
      const viaOn: string[] = [];
      tiledesk.on('onAuthStateChanged', () => viaOn.push('old listener'));
      const oldRoot = tiledesk.tiledeskroot;
      const oldForwarder = page.Tiledesk;
      const before = recorder.events.length;
      call(tiledesk, method);
      await waitFor('offline after reInit', () => recorder.names().slice(before).includes('onAuthStateChanged:offline'));
      expect(page.tiledesk).not.toBe(tiledesk);
      expect(page.tiledesk?.tiledeskroot).not.toBe(oldRoot);
      expect(oldRoot.isConnected).toBe(false);
      expect(document.querySelectorAll('chat-root')).toHaveLength(1);
      expect(page.Tiledesk).not.toBe(oldForwarder);
      expect(viaOn).toEqual([]);
      expect(recorder.names().slice(before)).toEqual(['onLoadParams', 'onBeforeInit', 'onAuthStateChanged:offline']);
      recorder.stop();
    },
  );

  it('clearStorage removes only the widget keys of this project', async () => {
    const tiledesk = (await loadWidget(project.widgetUrl, { projectid: project.id })) as Api;
    localStorage.setItem(key('tiledeskToken'), 'JWT x');
    localStorage.setItem(key('currentUser'), '{}');
    localStorage.setItem('widget_sv6_otherproject_tiledeskToken', 'JWT y');
    call(tiledesk, 'clearStorage');
    expect(localStorage.getItem(key('tiledeskToken'))).toBeNull();
    expect(localStorage.getItem(key('currentUser'))).toBeNull();
    expect(localStorage.getItem('widget_sv6_otherproject_tiledeskToken')).toBe('JWT y');
  });

  it('setParameter changes the live settings (global) without persisting; setAttributeParameter persists', async () => {
    const recorder = recordEvents();
    const tiledesk = (await loadWidget(project.widgetUrl, { projectid: project.id })) as Api;
    await waitFor('offline', () => recorder.events.find((e) => e.name === 'onAuthStateChanged'));
    const global = recorder.events.find((e) => e.name === 'onAuthStateChanged')?.detail['global'] as Record<string, unknown>;
    call(tiledesk, 'setParameter', { key: 'autoStart', value: true });
    expect(global['autoStart']).toBe(true);
    expect(Object.keys(localStorage).some((k) => localStorage.getItem(k)?.includes('autoStart'))).toBe(false);
    call(tiledesk, 'setAttributeParameter', { key: 'plan', value: 'pro' });
    call(tiledesk, 'setAttributeParameter', { key: 'seats', value: 3 });
    expect(JSON.parse(localStorage.getItem(key('attributes')) ?? 'null')).toMatchObject({ plan: 'pro', seats: 3 });
    recorder.stop();
  });

  it('throws a TypeError naming the expected shape for a bad setParameter argument', async () => {
    const tiledesk = (await loadWidget(project.widgetUrl, { projectid: project.id })) as Api;
    expect(() => call(tiledesk, 'setParameter', 'lang')).toThrow('tiledesk.setParameter expects { key: string, value }');
    expect(() => call(tiledesk, 'setAttributeParameter', { value: 1 })).toThrow(/setAttributeParameter expects/);
    expect(() => tiledesk.on('onOpen', 'not a function' as never)).toThrow(/needs an event name and a function/);
  });

  it('fires the conversation and message events', async () => {
    const recorder = recordEvents();
    const tiledesk = (await loadWidget(project.widgetUrl, { projectid: project.id })) as Api;
    call(tiledesk, 'startConversation');
    call(tiledesk, 'sendMessage', 'hello');
    expect(recorder.names().filter((n) => !n.startsWith('onLoad') && n !== 'onBeforeInit' && !n.startsWith('onAuth'))).toEqual([
      'onNewConversation',
      'onBeforeMessageSend',
      'onAfterMessageSend',
    ]);
    expect(recorder.events.find((e) => e.name === 'onNewConversation')?.detail['newConvId']).toEqual(expect.any(String));
    recorder.stop();
  });
});
