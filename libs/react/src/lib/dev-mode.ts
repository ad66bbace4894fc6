/**
 * Whether this is the development build of the React package. The sources (what the workspace's
 * specs and samples run, and the package's `development` export condition) say `true`; the
 * production bundle (the `default` condition) is built with this module replaced by one that says
 * `false`, so the minifier drops every sentence guarded by it. Only sentences may depend on it:
 * the codes and what the provider and hooks do are the same in both builds.
 *
 * @example
 * ```ts
 * throw new TiledeskAuthError('missing-provider', devMode ? 'useTiledesk() must be called inside <TiledeskProvider>.' : 'missing-provider');
 * ```
 */
// Widened to `boolean`: TypeScript checks both branches of every `devMode` test, as both builds run them.
export const devMode = true as boolean;
