/**
 * @jest-environment node
 */
// Jest closes a spec file's jsdom window while the widget may still have network work under way
// (the chat long-poll, a reconnect, the disconnect sent by logout). Each case here runs its own
// JSDOM so it can close the window mid-flight and watch what the emulated widget does afterwards.
import { JSDOM, VirtualConsole } from 'jsdom';
import { connectTiledeskEmulator, type EmulatedProject } from '../client';

const emulator = connectTiledeskEmulator();
let project: EmulatedProject;

beforeAll(async () => {
  project = await emulator.createProject({ bootDelayMs: 0 });
});

type PageWindow = JSDOM['window'] & { tiledesk?: Record<string, unknown>; tiledeskSettings?: Record<string, unknown> };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(what: string, read: () => T | undefined | false): Promise<T> {
  for (let i = 0; i < 800; i += 1) {
    const value = read();
    if (value) return value;
    await sleep(10);
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** A fresh page with the widget signed in and its chat long-poll pending. */
async function signedInPage(problems: unknown[]) {
  const virtualConsole = new VirtualConsole();
  virtualConsole.on('jsdomError', (error) => problems.push(error));
  virtualConsole.on('error', (...args: unknown[]) => problems.push(args));
  const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', {
    url: 'http://localhost/',
    runScripts: 'dangerously',
    resources: 'usable',
    virtualConsole,
  });
  const win = dom.window as PageWindow;
  const online: string[] = [];
  win.document.addEventListener('onAuthStateChanged', (event) => online.push(String((event as CustomEvent).detail.event)), true);
  win.tiledeskSettings = { projectid: project.id };
  const script = win.document.createElement('script');
  script.id = 'tiledesk-jssdk';
  script.src = project.widgetUrl;
  win.document.head.appendChild(script);
  const tiledesk = await until('window.tiledesk', () => win.tiledesk);
  const token = await emulator.mintToken(project.id, { userId: 'ada' });
  await Promise.resolve((tiledesk['signInWithCustomToken'] as (t: string) => PromiseLike<unknown>)(token));
  await until('online', () => online.includes('online'));
  return { win, tiledesk, online };
}

/** Requests the emulator received for this project after `since` (epoch ms). */
async function requestsSince(since: number) {
  return (await emulator.requests(project.id)).filter((request) => request.startedAt >= since).map((request) => request.path);
}

describe('a closed page stops the emulated widget', () => {
  let problems: unknown[];
  const onUnhandled = (reason: unknown) => problems.push(reason);

  beforeEach(() => {
    problems = [];
    process.on('unhandledRejection', onUnhandled);
  });
  afterEach(() => {
    process.off('unhandledRejection', onUnhandled);
  });

  it('closing the window with the chat long-poll in flight sends nothing more and throws nothing', async () => {
    const { win } = await signedInPage(problems);
    const closedAt = Date.now();
    win.close();
    // Longer than the first reconnect delays (100 + 300 ms): a widget that treats the
    // aborted poll as an outage would try to reconnect within this window.
    await sleep(600);
    expect(problems).toEqual([]);
    // The poll in flight may be logged as starting after `closedAt` (it is sent just after online
    // fires); any reconnect would show as a chat21/connect first.
    expect((await requestsSince(closedAt)).filter((path) => !path.includes('/chat21/poll/'))).toEqual([]);
  });

  it('pagehide aborts the long-poll and no reconnect follows', async () => {
    const { win, online } = await signedInPage(problems);
    win.dispatchEvent(new win.Event('pagehide'));
    const hiddenAt = Date.now();
    // On a page still shown this drop makes the widget reconnect within 100 ms (see sign-in.spec).
    await emulator.dropChatConnections(project.id);
    await sleep(600);
    expect(problems).toEqual([]);
    expect((await requestsSince(hiddenAt)).filter((path) => path.includes('/chat21/connect'))).toEqual([]);
    expect(online.filter((event) => event === 'online')).toHaveLength(1);
    win.close();
  });

  it('logout right before the window closes throws nothing into later work', async () => {
    const { win, tiledesk } = await signedInPage(problems);
    void (tiledesk['logout'] as () => unknown)();
    win.close();
    await sleep(300);
    expect(problems).toEqual([]);
  });

  it('a widget call made after the window closed throws nothing', async () => {
    const { win, tiledesk } = await signedInPage(problems);
    win.close();
    void (tiledesk['logout'] as () => unknown)();
    await sleep(300);
    expect(problems).toEqual([]);
  });
});
