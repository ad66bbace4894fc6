import { readPayload } from './jwt.js';

// The widget's key prefix is a build setting (widget_sv5, widget_sv6, ...): match any.
const widgetKeys = (projectId: string, suffix = '') => {
  const pattern = new RegExp('^widget_sv\\d+_' + projectId + '_' + suffix);
  try {
    return Array.from({ length: localStorage.length }, (_, index) => localStorage.key(index) ?? '').filter((key) => pattern.test(key));
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
  for (const key of widgetKeys(projectId)) localStorage.removeItem(key);
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
  return widgetKeys(projectId, 'tiledeskToken$').map((key) => [key, readPayload(localStorage.getItem(key) ?? '')]);
}

/**
 * Removes every stored `tiledeskToken` of `projectId`. Call before the widget boots: the launcher
 * posts a stored token to Tiledesk at startup and, on a 401 (expired, or signed with a secret that
 * has since been rotated: the browser cannot tell), hides and disposes itself. With `autoStart`
 * false the widget never signs in with a stored token anyway; core signs in with a fresh one.
 *
 * @example
 * ```ts
 * dropStoredTokens(projectId);
 * ```
 */
export function dropStoredTokens(projectId: string): void {
  for (const [key] of storedTokens(projectId)) localStorage.removeItem(key);
}
