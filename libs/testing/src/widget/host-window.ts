import type { Department } from './project-departments';
import type { WidgetConfig } from './widget-config';

/**
 * The stub the host page defines before loading `launch.js`: a function that queues its
 * `arguments` on `q`. After the second drain it is replaced by a forwarder.
 *
 * @example
 * ```ts
 * window.Tiledesk = function () { (window.Tiledesk.q ||= []).push(arguments); };
 * ```
 */
export interface TiledeskStub {
  (...args: unknown[]): unknown;
  q?: ArrayLike<unknown>[];
}

/**
 * The globals the widget reads and writes on the host page.
 *
 * @example
 * ```ts
 * const win = window as HostWindow; win.tiledeskSettings?.['projectid'];
 * ```
 */
export interface HostWindow extends Window {
  console: Console;
  XMLHttpRequest: typeof XMLHttpRequest;
  tiledeskSettings?: Record<string, unknown>;
  Tiledesk?: TiledeskStub;
  tiledesk?: Record<string, unknown>;
  tileDeskAsyncInit?: () => void;
}

/**
 * Everything a widget instance needs to know about where it runs.
 *
 * @example
 * ```ts
 * Widget.boot({ win, scriptBase, bootDelayMs: 0, storagePrefix: 'widget_sv6', hostAsyncInit: false, config });
 * ```
 */
export interface WidgetEnvironment {
  readonly win: HostWindow;
  /** `${scriptBase}` is the script's src without `/launch.js`. */
  readonly scriptBase: string;
  readonly bootDelayMs: number;
  readonly storagePrefix: string;
  /** True when the host page defined `tileDeskAsyncInit` itself: no drains, no forwarder. */
  readonly hostAsyncInit: boolean;
  /** What `<scriptBase>/widget-config.json` said (or the build defaults when it could not be read). */
  readonly config: WidgetConfig;
  /** The department the project's settings (`GET <apiUrl><projectid>/widgets`) made the default, if any. */
  readonly department?: Department;
}
