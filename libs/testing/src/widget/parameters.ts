import type { WidgetStorage } from './widget-storage';

/**
 * Reads the `{ key, value }` argument of setParameter/setAttributeParameter, or throws a TypeError
 * naming the method and the expected shape.
 *
 * @example
 * ```ts
 * const { key, value } = keyValue('setParameter', { key: 'lang', value: 'it' });
 * ```
 */
export function keyValue(method: string, arg: unknown): { key: string; value: unknown } {
  if (typeof arg !== 'object' || arg === null || typeof (arg as { key?: unknown }).key !== 'string') {
    throw new TypeError(`tiledesk.${method} expects { key: string, value }`);
  }
  return { key: (arg as { key: string }).key, value: (arg as { value?: unknown }).value };
}

/**
 * Merges one custom attribute into the stored `attributes` (persisted, unlike setParameter).
 *
 * @example
 * ```ts
 * storeAttribute(storage, 'plan', 'pro');
 * ```
 */
export function storeAttribute(storage: WidgetStorage, key: string, value: unknown): void {
  let attributes: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(storage.get('attributes') ?? '{}');
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) attributes = parsed as Record<string, unknown>;
  } catch {
    // a corrupt stored value is replaced
  }
  attributes[key] = value;
  storage.set('attributes', JSON.stringify(attributes));
}
