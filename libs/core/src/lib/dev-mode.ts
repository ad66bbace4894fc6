/**
 * Whether this is the development build of core. The sources (what the workspace's specs, samples
 * and tools run) say `true`; the production bundle (`@tiledesk-auth/core`'s default export
 * condition) is built with this module replaced by one that says `false`, so the minifier drops
 * every sentence guarded by it: error messages and log lines. Only sentences may depend on it:
 * codes, checks and states are the same in both builds, and a spec runs both to prove it.
 *
 * @example
 * ```ts
 * throw fail('timeout', devMode && 'Widget did not boot in ' + ms + ' ms');
 * ```
 */
// Widened to `boolean`: TypeScript checks both branches of every `devMode` test, as both builds run them.
export const devMode = true as boolean;

/**
 * A sentence for a developer, or `false` in the production build (see {@link devMode}). Write it
 * as `devMode && '...'` at the call site, so the production build holds neither the words nor the
 * work that builds them.
 *
 * @example
 * ```ts
 * const why: DevText = devMode && 'on(): handler must be a function';
 * ```
 */
export type DevText = string | false;
