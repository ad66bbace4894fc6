import type { SampleSettings } from './sample-settings';

/**
 * Where the widget's code and traffic come from, for the page's Content-Security-Policy.
 *
 * @example
 * ```ts
 * const sources: WidgetSources = { widgetOrigins: ['https://widget.tiledesk.com'], serviceOrigins: [], realWidget: true };
 * ```
 */
export interface WidgetSources {
  /** Origins of the widget's files: `launch.js`, what its iframe loads, `widget-config.json`. */
  readonly widgetOrigins: readonly string[];
  /** Origins the widget calls besides its own files: its API (`apiUrl`) and chat transport. */
  readonly serviceOrigins: readonly string[];
  /** Whether the page loads Tiledesk's real widget, whose build links {@link REAL_WIDGET_ASSETS}. */
  readonly realWidget: boolean;
}

/**
 * The third-party style sheets, fonts and images Tiledesk's production widget build links to (its
 * iframe inherits the page's policy). Never scripts or connections.
 *
 * @example
 * ```ts
 * REAL_WIDGET_ASSETS.font; // ['https://fonts.gstatic.com']
 * ```
 */
export const REAL_WIDGET_ASSETS = Object.freeze({
  style: Object.freeze(['https://fonts.googleapis.com']),
  font: Object.freeze(['https://fonts.gstatic.com']),
  img: Object.freeze(['https://widget.tiledesk.com', 'https://support-pre.tiledesk.com']),
});

/**
 * The request header that hands this response's nonce to the root layout (for the early token
 * script); Next.js reads its own from the `Content-Security-Policy` request header.
 *
 * @example
 * ```ts
 * const nonce = (await headers()).get(NONCE_HEADER) ?? undefined;
 * ```
 */
export const NONCE_HEADER = 'x-nonce';

/**
 * Where the widget comes from in this run: the emulator serves the widget, its API and its MQTT
 * broker from its own origin; a real project's widget comes from `TILEDESK_WIDGET_URL`'s origin and
 * reaches the services `CSP_CONNECT_SRC` lists.
 *
 * @example
 * ```ts
 * widgetSourcesOf(readSampleSettings(process.env)).widgetOrigins; // ['http://127.0.0.1:4710']
 * ```
 */
export function widgetSourcesOf(settings: SampleSettings): WidgetSources {
  const { tiledesk } = settings;
  if (tiledesk.kind === 'project') {
    return { widgetOrigins: [new URL(tiledesk.widgetUrl).origin], serviceOrigins: settings.cspConnectSrc, realWidget: true };
  }
  const emulator = tiledesk.emulatorUrl === undefined ? [] : [new URL(tiledesk.emulatorUrl).origin];
  return { widgetOrigins: emulator, serviceOrigins: [], realWidget: tiledesk.realWidgetDir !== undefined };
}

/**
 * The page's Content-Security-Policy, as strict as the token server's sample pages: scripts from
 * this origin and the widget's only, plus Next.js's inline scripts (its RSC payload) and the early
 * token script by this response's `nonce`. No `'strict-dynamic'`: the real widget writes its iframe
 * with `document.write`, whose scripts are parser-inserted and would be refused. Styles allow
 * `'unsafe-inline'` (no nonce beside it, which would switch that off): the widgets add `<style>`
 * elements and `style` attributes, and the widget's iframe inherits this policy, which is also why
 * the widget's origins are allowed for images, fonts, media and `<base>`.
 *
 * @example
 * ```ts
 * pagePolicy(widgetSourcesOf(settings), 'cmFuZG9tLW5vbmNl');
 * // "default-src 'self'; script-src 'self' http://127.0.0.1:4710 'nonce-cmFuZG9tLW5vbmNl'; ..."
 * ```
 */
export function pagePolicy(sources: WidgetSources, nonce: string): string {
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(nonce)) throw new Error('pagePolicy: the nonce must be base64');
  const widget = [...sources.widgetOrigins];
  const assets = sources.realWidget ? REAL_WIDGET_ASSETS : { style: [], font: [], img: [] };
  const directives: ReadonlyArray<readonly [string, readonly string[]]> = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'", ...widget, `'nonce-${nonce}'`]],
    ['style-src', ["'self'", "'unsafe-inline'", ...distinct([...widget, ...assets.style])]],
    ['img-src', ["'self'", 'data:', 'blob:', ...distinct([...widget, ...sources.serviceOrigins, ...assets.img])]],
    ['font-src', ["'self'", 'data:', ...distinct([...widget, ...assets.font])]],
    ['media-src', ["'self'", ...widget]],
    ['connect-src', ["'self'", ...withWebSocketForms([...widget, ...sources.serviceOrigins])]],
    ['frame-src', widget.length > 0 ? widget : ["'none'"]],
    ['object-src', ["'none'"]],
    // The real widget's iframe has a <base href> at the widget's origin, under this policy.
    ['base-uri', ["'self'", ...widget]],
    ['form-action', ["'self'"]],
    ['frame-ancestors', ["'none'"]],
  ];
  return directives.map(([name, values]) => `${name} ${values.join(' ')}`).join('; ');
}

/**
 * `origins` plus the WebSocket form of each http(s) one: a source `http://host` does not cover
 * `ws://host`, and the widget's chat transport is a WebSocket.
 *
 * @example
 * ```ts
 * withWebSocketForms(['https://api.example.com']); // ['https://api.example.com', 'wss://api.example.com']
 * ```
 */
export function withWebSocketForms(origins: readonly string[]): string[] {
  return distinct(origins.flatMap((origin) => (origin.startsWith('http') ? [origin, origin.replace(/^http/, 'ws')] : [origin])));
}

function distinct(values: readonly string[]): string[] {
  return [...new Set(values)];
}
