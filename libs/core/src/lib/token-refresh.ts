import type { ClientContext } from './client-context.js';
import { setStatus, status } from './client-status.js';
import type { TiledeskAuthError } from './tiledesk-auth-error.js';
import { devMode } from './dev-mode.js';

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
 * stopRefresh(context); // signing out: no token will be renewed
 * ```
 */
export function stopRefresh(context: ClientContext): void {
  clearTimeout(context.refreshTimer);
  context.refreshTimer = undefined;
}

/**
 * (Re)schedules the single refresh timer for the token in use. `renew` is the sign-in that fetches a
 * fresh token; only token-fetch failures are retried, with backoff, while the token is still valid
 * (the sign-in has logged each failure already).
 *
 * @example
 * ```ts
 * planRefresh(context, () => signIn(context, undefined, true));
 * ```
 */
export function planRefresh(context: ClientContext, renew: () => Promise<unknown>): void {
  const run = (attempt: number) =>
    renew().catch((e: TiledeskAuthError) => {
      if (e.code !== 'token-fetch-failed' || context.operations.busy() || context.disabled || status(context) !== 'signed-in') return;
      if ((context.tokenExpiry ?? 0) * 1000 > Date.now()) context.refreshTimer = setTimeout(run, retryDelay(attempt), attempt + 1);
      else {
        context.options.logger.error(devMode ? 'tiledesk: the token expired before a refresh succeeded' : 'tiledesk', e);
        setStatus(context, 'error', null, e);
      }
    });
  stopRefresh(context);
  if (context.tokenExpiry && context.options.getToken)
    context.refreshTimer = setTimeout(run, refreshDelay(context.tokenExpiry, context.options.refreshMarginSeconds, Date.now()), 0);
}
