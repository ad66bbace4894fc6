import { createHash } from 'node:crypto';

/**
 * A CSP hash source for `text`: `'sha256-<base64>'`, what a browser compares an inline script,
 * event handler or style element with.
 *
 * @example
 * ```ts
 * cspHash("this.media='all'"); // "'sha256-…'"
 * ```
 */
export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * What a built page needs to run its own inline code under a CSP without `'unsafe-inline'`.
 *
 * @example
 * ```ts
 * const { scripts, handlers }: InlineScriptHashes = inlineScriptHashes(html);
 * ```
 */
export interface InlineScriptHashes {
  /** Hashes of `<script>` elements without `src`. */
  scripts: string[];
  /** Hashes of `on…="…"` attributes (they need `'unsafe-hashes'` beside them). */
  handlers: string[];
}

const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const TYPE = /\stype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;
const TAG = /<[a-z][^>]*>/gi;
const EVENT_HANDLER = /\son[a-z]+\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;
const ENTITIES: Record<string, string> = { '&quot;': '"', '&#39;': "'", '&apos;': "'", '&lt;': '<', '&gt;': '>', '&amp;': '&' };

/**
 * The hashes of a built `index.html`'s inline scripts and event handlers (Angular's build, for
 * one, loads its style sheet with `onload="this.media='all'"`). Data blocks
 * (`<script type="application/json">`) never run, so they need none. Meant for the project's own
 * build output, not for arbitrary HTML: it reads tags with regular expressions.
 *
 * @example
 * ```ts
 * inlineScriptHashes('<link rel="stylesheet" href="a.css" media="print" onload="this.media=\'all\'">').handlers.length; // 1
 * ```
 */
export function inlineScriptHashes(html: string): InlineScriptHashes {
  const scripts = new Set<string>();
  for (const [, attributes, body] of html.matchAll(INLINE_SCRIPT)) {
    if (!/\ssrc\s*=/i.test(` ${attributes}`) && body.trim() !== '' && !isDataBlock(` ${attributes}`)) scripts.add(cspHash(body));
  }
  const handlers = new Set<string>();
  for (const [tag] of html.matchAll(TAG)) {
    for (const [, doubleQuoted, singleQuoted] of tag.matchAll(EVENT_HANDLER)) {
      // The browser hashes the attribute's value after HTML decoding.
      handlers.add(
        cspHash((doubleQuoted ?? singleQuoted ?? '').replace(/&(?:quot|#39|apos|lt|gt|amp);/g, (entity) => ENTITIES[entity] ?? entity)),
      );
    }
  }
  return { scripts: [...scripts], handlers: [...handlers] };
}

/** Whether a script element's attributes make it a data block: a type that is neither a JavaScript MIME type nor `module`. */
function isDataBlock(attributes: string): boolean {
  const match = TYPE.exec(attributes);
  const type = (match?.[1] ?? match?.[2] ?? match?.[3] ?? '').trim().toLowerCase();
  return type !== '' && type !== 'module' && !/^(?:text|application)\/(?:x-)?(?:javascript|ecmascript)$/.test(type);
}
