import type { DemoUser } from './demo-users';
import { EARLY_TOKEN_SCRIPT_HASH, earlyTokenScript } from './early-token-script';
import { escapeHtml } from './html-page';
import type { InlineScriptHashes } from './inline-script-hashes';
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

const HEAD_START = /<head(?:\s[^>]*)?>/i;
const CHARSET = /<meta\s[^>]*charset[^>]*>/i;
const HEAD_END = /<\/head\s*>/i;
const DOCTYPE = /^\s*<!doctype[^>]*>/i;

/**
 * A built page as the token server sends it: its HTML and the hashes of the inline code it runs.
 *
 * @example
 * ```ts
 * const page: ServedPage = { html, inline: inlineScriptHashes(html) };
 * ```
 */
export interface ServedPage {
  html: string;
  inline: InlineScriptHashes;
}

/**
 * The built page with what lets it sign in without a round trip first: for a logged-in visitor,
 * the early token request ({@link earlyTokenScript}), and the widget's preload hint, both at the
 * start of `<head>` (after its charset): an inline script waits for every style sheet linked
 * before it, and neither needs the page. The boot data goes at the end of `<head>`, where the
 * bundle reads it. A page without `<head>` gets all three after its doctype. `inline` gains the
 * early request's hash when the page has it.
 *
 * @example
 * ```ts
 * const { html, inline } = withBootData({ html: indexHtml, inline: inlineScriptHashes(indexHtml) }, { config, users, sessionUser });
 * ```
 */
export function withBootData(page: ServedPage, data: SampleBootData): ServedPage {
  const signedIn = data.sessionUser !== null;
  const early = `${signedIn ? earlyTokenScript() : ''}${widgetPreload(data.config.widgetUrl)}`;
  const inline = signedIn ? { ...page.inline, scripts: [...page.inline.scripts, EARLY_TOKEN_SCRIPT_HASH] } : page.inline;
  const headEnd = HEAD_END.exec(page.html);
  const headStart = headEnd ? HEAD_START.exec(page.html.slice(0, headEnd.index)) : null;
  if (!headEnd || !headStart) {
    const doctype = DOCTYPE.exec(page.html);
    const at = doctype ? doctype[0].length : 0;
    return { html: `${page.html.slice(0, at)}${early}${bootDataBlock(data)}${page.html.slice(at)}`, inline };
  }
  const head = page.html.slice(0, headEnd.index);
  const charset = CHARSET.exec(head.slice(headStart.index));
  const earlyAt = charset ? headStart.index + charset.index + charset[0].length : headStart.index + headStart[0].length;
  const html = `${head.slice(0, earlyAt)}${early}${head.slice(earlyAt)}${bootDataBlock(data)}${page.html.slice(headEnd.index)}`;
  return { html, inline };
}
