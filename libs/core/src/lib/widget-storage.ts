import { readPayload } from './jwt';

// The widget's key prefix is a build setting (widget_sv5, widget_sv6, ...): match any.
const keys = (projectId: string, suffix = '') => {
  const re = new RegExp('^widget_sv\\d+_' + projectId + '_' + suffix);
  try {
    return Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i) ?? '').filter((k) => re.test(k));
  } catch {
    // Storage can be blocked (privacy mode, sandboxed iframe); then the widget has stored nothing either.
    return [];
  }
};

/**
 * Removes every key the widget stored for `projectId` (token, user, conversation, ...).
 *
 * @example
 * ```ts
 * clearWidgetStorage('65f0c0ffee0123456789abcd');
 * ```
 */
export function clearWidgetStorage(projectId: string): void {
  for (const k of keys(projectId)) localStorage.removeItem(k);
}

/**
 * The stored `tiledeskToken`s of `projectId` with their payloads (`undefined` when unreadable).
 *
 * @example
 * ```ts
 * const ids = storedTokens(projectId).map(([, p]) => p?.['_id']);
 * ```
 */
export function storedTokens(projectId: string): [key: string, payload: Record<string, unknown> | undefined][] {
  return keys(projectId, 'tiledeskToken$').map((k) => [k, readPayload(localStorage.getItem(k) ?? '')]);
}

/**
 * Removes a stored `tiledeskToken` that is expired or unreadable: left in place, it makes the v6
 * launcher dispose itself at startup. Call before the widget boots.
 *
 * @example
 * ```ts
 * dropExpiredToken(projectId, Date.now() / 1000);
 * ```
 */
export function dropExpiredToken(projectId: string, nowSeconds: number): void {
  for (const [k, p] of storedTokens(projectId)) {
    if (!p || (typeof p['exp'] == 'number' && p['exp'] <= nowSeconds)) localStorage.removeItem(k);
  }
}
