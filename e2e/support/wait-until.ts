/**
 * Options of {@link waitUntil}.
 *
 * @example
 * ```ts
 * const options: WaitOptions = { timeoutMs: 30_000, intervalMs: 200 };
 * ```
 */
export interface WaitOptions {
  /** Generous upper bound; reaching it is a failure, never a measurement. Default 20 s. */
  timeoutMs?: number;
  /** How often the probe runs. Default 100 ms. */
  intervalMs?: number;
}

/**
 * Polls `probe` until it returns something other than `undefined`/`false`, and returns that.
 * Tests wait on conditions, not on fixed sleeps, so a slow CI machine only makes them slower.
 * On timeout the error names what was awaited and the last value seen, to make failures readable.
 *
 * @example
 * ```ts
 * const status = await waitUntil('status signed-in', async () => {
 *   const text = await page.getByTestId('status').textContent();
 *   return text === 'signed-in' ? text : undefined;
 * });
 * ```
 */
export async function waitUntil<T>(
  what: string,
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  options: WaitOptions = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const intervalMs = options.intervalMs ?? 100;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
      lastError = undefined;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const reason = lastError instanceof Error ? `: last error ${lastError.message}` : '';
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${reason}`);
    }
    await sleep(intervalMs);
  }
}

/**
 * Waits `ms` milliseconds. Only for scenarios that are about time passing (token expiry).
 *
 * @example
 * ```ts
 * await sleep(1_000);
 * ```
 */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
