import { get } from './api-client';
import type { HostWindow } from './host-window';

/**
 * The server addresses the widget works with, read from `<base>/widget-config.json` beside its own
 * `launch.js` (the real widget's "remote config"). `tiledeskSettings.apiUrl` plays no part.
 *
 * @example
 * ```ts
 * const config: WidgetConfig = await loadWidgetConfig(window, 'http://127.0.0.1:4400/v6');
 * post(window, `${config.apiUrl}auth/signinWithCustomToken`, { authorization: token });
 * ```
 */
export interface WidgetConfig {
  /** The Tiledesk API base, used verbatim (the file gives it with its trailing slash). */
  readonly apiUrl: string;
  /**
   * True when the file names the `mqtt` chat engine. Any other engine means Firebase, which the
   * build leaves unconfigured: the auth subscription never starts, so no `onAuthStateChanged` fires.
   */
  readonly chatEngineReady: boolean;
  /** What the events carry as `appConfigs`: the file as served, or the build's defaults. */
  readonly appConfigs: Record<string, unknown>;
}

/**
 * What the public widget build falls back to when its config file cannot be read: the addresses
 * of a developer machine and no chat engine. Observed: it logs `error loadAppConfig`, sends its
 * API calls to `http://localhost:3000/`, fires `onLoadParams` and `onBeforeInit` but never an
 * `onAuthStateChanged`.
 *
 * @example
 * ```ts
 * BUILD_DEFAULT_CONFIG.apiUrl; // 'http://localhost:3000/'
 * ```
 */
export const BUILD_DEFAULT_CONFIG: WidgetConfig = {
  apiUrl: 'http://localhost:3000/',
  chatEngineReady: false,
  appConfigs: { apiUrl: 'http://localhost:3000/', chatEngine: 'CHANGEIT', chat21Config: { appId: 'tilechat' } },
};

function fromFile(file: Record<string, unknown>): WidgetConfig {
  const apiUrl = typeof file['apiUrl'] === 'string' ? file['apiUrl'] : BUILD_DEFAULT_CONFIG.apiUrl;
  return { apiUrl, chatEngineReady: file['chatEngine'] === 'mqtt', appConfigs: file };
}

/**
 * GETs `<scriptBase>/widget-config.json`. A file that does not answer 200 with JSON is logged as
 * the real widget logs it (`console.error('error loadAppConfig', ...)`) and the build defaults
 * are used; an answer of JSON `null` keeps the defaults silently, as there.
 *
 * @example
 * ```ts
 * const config = await loadWidgetConfig(window, scriptBase);
 * ```
 */
export async function loadWidgetConfig(win: HostWindow, scriptBase: string): Promise<WidgetConfig> {
  const url = `${scriptBase}/widget-config.json`;
  const { status, body } = await get(win, url).response;
  if (status !== 200 || typeof body === 'string') {
    win.console.error(
      'error loadAppConfig',
      new Error(`GET ${url} answered ${status === 0 ? 'nothing' : status === 200 ? '200 with a body that is not JSON' : status}`),
    );
    return BUILD_DEFAULT_CONFIG;
  }
  return typeof body === 'object' && body !== null && !Array.isArray(body)
    ? fromFile(body as Record<string, unknown>)
    : BUILD_DEFAULT_CONFIG;
}
