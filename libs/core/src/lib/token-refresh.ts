import type { ClientContext } from './client-context.js';
import { setStatus, status } from './client-status.js';
import type { TiledeskAuthError } from './tiledesk-auth-error.js';

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

/**
 * Stops the refresh (or retry) timer. This module owns the timer: nothing else touches it.
 *
 * @example
 * ```ts
 * stopRefresh(c); // signing out: no token will be renewed
 * ```
 */
export function stopRefresh(c: ClientContext): void {
  clearTimeout(c.refreshTimer);
  c.refreshTimer = undefined;
}

/**
 * (Re)schedules the single refresh timer for the token in use. `renew` is the sign-in that fetches a
 * fresh token; only token-fetch failures are retried, with backoff, while the token is still valid
 * (the sign-in has logged each failure already).
 *
 * @example
 * ```ts
 * planRefresh(c, () => signIn(c, undefined, true));
 * ```
 */
export function planRefresh(c: ClientContext, renew: () => Promise<unknown>): void {
  const run = (attempt: number) =>
    renew().catch((e: TiledeskAuthError) => {
      if (e.code !== 'token-fetch-failed' || c.operations.busy() || c.inert || status(c) !== 'signed-in') return;
      if ((c.tokenExpiry ?? 0) * 1000 > Date.now()) c.refreshTimer = setTimeout(run, retryDelay(attempt), attempt + 1);
      else {
        c.options.logger.error('tiledesk: the token expired before a refresh succeeded', e);
        setStatus(c, 'error', null, e);
      }
    });
  stopRefresh(c);
  if (c.tokenExpiry && c.options.getToken) c.refreshTimer = setTimeout(run, refreshDelay(c.tokenExpiry, c.options.refreshMarginSeconds, Date.now()), 0);
}
