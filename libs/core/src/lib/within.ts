/**
 * Settles like `thenable`, or resolves `undefined` after `ms` if it has not settled by then. For widget
 * calls that may never settle (`logout` after a half-done sign-in). Wraps iframe-realm thenables with
 * `Promise.resolve`, and clears its timer so nothing lingers.
 *
 * @example
 * ```ts
 * await within(tiledesk.logout(), 5000);
 * ```
 */
export function within<T>(thenable: T | PromiseLike<T>, ms: number): Promise<T | void> {
  let t: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([Promise.resolve(thenable), new Promise<void>((r) => (t = setTimeout(r, ms)))]).finally(() => clearTimeout(t));
}
