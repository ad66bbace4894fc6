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
