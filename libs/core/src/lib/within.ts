/**
 * Settles like `thenable`, or after `ms` if it has not settled by then: rejects with `error` when one
 * is given, else resolves `undefined`. Core's one timeout mechanism: the boot limit, each operation's
 * limit and the bounded waits on widget calls that may never settle (`logout` after a half-done
 * sign-in) all use it. `Promise.race` adopts iframe-realm thenables as real Promises; the timer is cleared.
 *
 * @example
 * ```ts
 * await within(tiledesk.logout(), 5000); // gives up quietly
 * await within(page.boot, 15000, fail('timeout', 'No boot in 15000 ms')); // gives up loudly
 * ```
 */
export function within<T>(thenable: T | PromiseLike<T>, ms: number, error?: unknown): Promise<T | void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<void>((resolve, reject) => (timer = setTimeout(() => (error ? reject(error) : resolve()), ms)));
  return Promise.race([thenable, deadline]).finally(() => clearTimeout(timer));
}
