// The script's text and the window property it fills are the samples' kit's (libs/samples), beside
// the reader that the samples' first getToken() calls: one contract, written in one place.
import { EARLY_TOKEN_SCRIPT } from '@samples/kit';
import { cspHash } from './inline-script-hashes';

/**
 * The CSP hash source of {@link EARLY_TOKEN_SCRIPT}, for the `script-src` of a page that has it.
 *
 * @example
 * ```ts
 * pagePolicy({ scripts: [...inline.scripts, EARLY_TOKEN_SCRIPT_HASH], handlers: inline.handlers });
 * ```
 */
export const EARLY_TOKEN_SCRIPT_HASH = cspHash(EARLY_TOKEN_SCRIPT);

/**
 * The early token request as a script element, for the page of a visitor who is logged in (for
 * anyone else the request would only be answered 401).
 *
 * @example
 * ```ts
 * earlyTokenScript(); // '<script>(window.tiledeskTokenRequest=fetch(…)).catch(…);</script>'
 * ```
 */
export function earlyTokenScript(): string {
  return `<script>${EARLY_TOKEN_SCRIPT}</script>`;
}
