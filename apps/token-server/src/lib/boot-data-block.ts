import type { DemoUser } from './demo-users';
import { escapeHtml } from './html-page';
import type { TokenServerPublicConfig } from './token-server-options';

/**
 * What a sample page needs before it can configure Tiledesk, the same three answers as
 * `GET /api/config`, `GET /api/demo-users` and `GET /api/session` (its `user`). Nothing secret:
 * the config is the public one and the session's user is the visitor's own.
 *
 * @example
 * ```ts
 * const data: SampleBootData = { config, users: DEMO_USERS, sessionUser: null };
 * ```
 */
export interface SampleBootData {
  config: TokenServerPublicConfig;
  users: readonly DemoUser[];
  sessionUser: DemoUser | null;
}

/**
 * The id of the page's boot-data element; the samples read it by this id.
 *
 * @example
 * ```ts
 * document.getElementById(BOOT_DATA_ELEMENT_ID)?.textContent;
 * ```
 */
export const BOOT_DATA_ELEMENT_ID = 'boot-data';

/**
 * `data` as a JSON data block. A `type="application/json"` script is never run, so the page's
 * CSP needs no hash for it. `<`, `>` and `&` are written as JSON `\u` escapes, so no value can
 * close the element (`</script>`) or open a comment; U+2028/U+2029 likewise, for readers that
 * treat the text as JavaScript.
 *
 * @example
 * ```ts
 * bootDataBlock({ config, users, sessionUser }); // '<script type="application/json" id="boot-data">{…}</script>'
 * ```
 */
export function bootDataBlock(data: SampleBootData): string {
  const json = JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `<script type="application/json" id="${BOOT_DATA_ELEMENT_ID}">${json}</script>`;
}

/**
 * A preload hint for the widget's `launch.js`, so the browser fetches it while the page's own
 * bundle loads. No `crossorigin` attribute: the script element the library adds has none, and a
 * preload only serves a request made in the same CORS mode (otherwise the browser fetches twice).
 *
 * @example
 * ```ts
 * widgetPreload('https://widget.tiledesk.com/v6/launch.js'); // '<link rel="preload" as="script" href="…">'
 * ```
 */
export function widgetPreload(widgetUrl: string): string {
  return `<link rel="preload" as="script" href="${escapeHtml(widgetUrl)}">`;
}

const HEAD_END = /<\/head\s*>/i;
const DOCTYPE = /^\s*<!doctype[^>]*>/i;

/**
 * The built page with the widget's preload hint and the boot data added at the end of its
 * `<head>` (after the doctype when the page has no `</head>`).
 *
 * @example
 * ```ts
 * res.send(withBootData(indexHtml, { config, users: DEMO_USERS, sessionUser: sessionUser(req) }));
 * ```
 */
export function withBootData(html: string, data: SampleBootData): string {
  const addition = `${widgetPreload(data.config.widgetUrl)}${bootDataBlock(data)}`;
  const headEnd = HEAD_END.exec(html);
  if (headEnd) return `${html.slice(0, headEnd.index)}${addition}${html.slice(headEnd.index)}`;
  const doctype = DOCTYPE.exec(html);
  const at = doctype ? doctype[0].length : 0;
  return `${html.slice(0, at)}${addition}${html.slice(at)}`;
}
