/** setTimeout's ceiling (about 24.8 days); longer delays would fire at once. */
const MAX_DELAY = 2 ** 31 - 1;

/**
 * How long to wait before signing in again with a fresh token: `marginSeconds` before `exp`, but never
 * later than half the remaining lifetime (so a margin longer than the token's life cannot loop).
 *
 * @example
 * ```ts
 * refreshDelay(Date.now() / 1000 + 3600, 60, Date.now()); // 3 540 000 ms
 * ```
 */
export const refreshDelay = (exp: number, marginSeconds: number, now: number): number => {
  const left = exp * 1000 - now;
  return Math.min(Math.max(left - marginSeconds * 1000, left / 2, 0), MAX_DELAY);
};

/**
 * Backoff before retry `attempt` (0-based) of a failed token fetch: 1 s, 2 s, 4 s ... capped at 30 s.
 *
 * @example
 * ```ts
 * retryDelay(2); // 4000
 * ```
 */
export const retryDelay = (attempt: number): number => Math.min(1000 * 2 ** attempt, 30000);
