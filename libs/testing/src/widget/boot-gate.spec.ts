import { connectTiledeskEmulator, type EmulatedProject } from '../client';
import { addWidgetScript, page, resetPage, settle, waitFor } from '../test-support/widget-page';

const emulator = connectTiledeskEmulator();
let gated: EmulatedProject;

beforeAll(async () => {
  // Long enough that only a gesture can open the gate within a test.
  gated = await emulator.createProject({ bootDelayMs: 60000 });
});
afterEach(() => {
  resetPage();
  jest.restoreAllMocks();
});

async function scriptLoaded(): Promise<void> {
  const script = document.getElementById('tiledesk-jssdk') as HTMLScriptElement;
  await new Promise((resolve, reject) => {
    script.addEventListener('load', resolve);
    script.addEventListener('error', reject);
  });
}

describe('the v6 boot gate', () => {
  it.each(['mousemove', 'keydown', 'scroll', 'mousedown', 'touchstart'])(
    'waits for a gesture; a synthetic %s on document boots it',
    async (gesture) => {
      addWidgetScript(gated.widgetUrl, { projectid: gated.id });
      await scriptLoaded();
      await settle(150);
      expect(page.tiledesk).toBeUndefined();
      expect(document.querySelector('chat-root')).toBeNull();
      document.dispatchEvent(new Event(gesture));
      await waitFor('boot', () => page.tiledesk);
      expect(document.querySelector('chat-root')).not.toBeNull();
    },
  );

  it('does not boot on a synthetic click', async () => {
    addWidgetScript(gated.widgetUrl, { projectid: gated.id });
    await scriptLoaded();
    document.dispatchEvent(new Event('click'));
    document.body.click();
    await settle(150);
    expect(page.tiledesk).toBeUndefined();
  });

  it('boots by itself after the delay of the project-scoped URL', async () => {
    const quick = await emulator.createProject({ bootDelayMs: 100 });
    addWidgetScript(quick.widgetUrl, { projectid: quick.id });
    await scriptLoaded();
    expect(page.tiledesk).toBeUndefined();
    await waitFor('boot after the delay', () => page.tiledesk);
  });

  it('lets a data-boot-delay-ms attribute override the served delay', async () => {
    const script = addWidgetScript(gated.widgetUrl, { projectid: gated.id });
    script.setAttribute('data-boot-delay-ms', '0');
    // No gesture: only the attribute can open this project's 60 s gate within waitFor's 8 s.
    await waitFor('boot', () => page.tiledesk);
    expect(document.querySelector('chat-root')).not.toBeNull();
  });

  it('does not start without id="tiledesk-jssdk", and says why', async () => {
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const script = addWidgetScript(gated.widgetUrl, { projectid: gated.id });
    script.removeAttribute('id');
    await new Promise((resolve) => script.addEventListener('load', resolve));
    document.dispatchEvent(new Event('mousemove'));
    await settle(100);
    expect(page.tiledesk).toBeUndefined();
    expect(errors.mock.calls.flat().join(' ')).toContain('id="tiledesk-jssdk"');
    script.remove();
  });

  it('does not start when the src has a query string after launch.js', async () => {
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    addWidgetScript(`${gated.widgetUrl}?v=1`, { projectid: gated.id });
    await scriptLoaded();
    document.dispatchEvent(new Event('mousemove'));
    await settle(100);
    expect(page.tiledesk).toBeUndefined();
    expect(errors.mock.calls.flat().join(' ')).toContain('ending in "/launch.js"');
  });

  it('does not start without tiledeskSettings.projectid, and says why', async () => {
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    addWidgetScript(gated.widgetUrl, {});
    await scriptLoaded();
    document.dispatchEvent(new Event('mousemove'));
    await settle(100);
    expect(page.tiledesk).toBeUndefined();
    expect(errors.mock.calls.flat().join(' ')).toContain('projectid is required');
  });
});
