/**
 * Entry of the emulated `launch.js`. A page loads it exactly like the real v6 launcher:
 * `<script id="tiledesk-jssdk" src=".../launch.js">` after `window.tiledeskSettings` and the
 * `window.Tiledesk` stub. It waits at the v6 boot gate, then boots one widget instance.
 */
import { waitForBootGate } from './boot-gate';
import { servedConfig } from './emulator-config';
import type { HostWindow } from './host-window';
import { createStub } from './stub-queue';
import { Widget } from './widget';
import { loadDefaultDepartment, type Department } from './project-departments';
import { loadWidgetConfig, type WidgetConfig } from './widget-config';

const SCRIPT_SUFFIX = '/launch.js';

function launch(win: HostWindow): void {
  const script = win.document.getElementById('tiledesk-jssdk');
  const src = script?.getAttribute('src') ?? '';
  if (!script || !src.endsWith(SCRIPT_SUFFIX)) {
    // The real launcher strips '/launch.js' from its own src to find its files; without it, it breaks.
    win.console.error(
      'Tiledesk widget emulator: the script needs id="tiledesk-jssdk" and a src ending in "/launch.js" (no query string); the widget did not start.',
    );
    return;
  }
  const scriptBase = new URL(src, win.location.href).href.slice(0, -SCRIPT_SUFFIX.length);
  const config = servedConfig(script);
  const hostAsyncInit = typeof win.tileDeskAsyncInit === 'function';
  if (!win.Tiledesk) win.Tiledesk = createStub();

  // Like the real one, the widget reads its server addresses from beside its launch.js once it
  // passed the boot gate, and starts only when that file has answered (or failed).
  // Then, before any event, it asks the API for the project's settings (its departments).
  void waitForBootGate(win, config.bootDelayMs)
    .then(() => (script.isConnected ? loadWidgetConfig(win, scriptBase) : undefined))
    .then(async (widgetConfig): Promise<[WidgetConfig, Department | undefined] | undefined> => {
      if (!widgetConfig || !script.isConnected) return undefined;
      const projectId = win.tiledeskSettings?.['projectid'];
      return [
        widgetConfig,
        typeof projectId === 'string' && projectId !== '' ? await loadDefaultDepartment(win, widgetConfig.apiUrl, projectId) : undefined,
      ];
    })
    .then((loaded) => {
      // Emulator-only: a launcher whose script tag was removed while waiting stays quiet, so that
      // tests cleaning the page between cases are not haunted by earlier launchers.
      if (!loaded || !script.isConnected) return;
      const [widgetConfig, department] = loaded;
      if (hostAsyncInit) win.tileDeskAsyncInit?.();
      Widget.boot({
        win,
        scriptBase,
        bootDelayMs: config.bootDelayMs,
        storagePrefix: config.storagePrefix,
        hostAsyncInit,
        config: widgetConfig,
        department,
      });
    });
}

launch(window as HostWindow);
