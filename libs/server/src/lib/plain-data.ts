import { TiledeskTokenError, type TiledeskTokenErrorCode } from './tiledesk-token-error.js';
import { quoteForLog } from './safe-text.js';
import type { JsonValue } from './visitor.js';

/**
 * Reading hostile inputs once. A getter, a Proxy or a `toJSON` can answer differently each time
 * it is asked; what was validated must be what is signed, so every input is copied into plain
 * data (own, enumerable properties only, nothing inherited) in a single pass, and only the copy
 * is looked at afterwards. Every way the reading can fail (a throwing getter, a revoked Proxy)
 * becomes a {@link TiledeskTokenError} naming the field.
 */

/**
 * An object's own enumerable string-keyed values, read once, on a prototype-free object: an
 * `email` inherited from a polluted `Object.prototype` is not there.
 *
 * @example
 * ```ts
 * const fields: PlainFields = readPlainFields(user, { field: 'user', code: 'invalid-user', what: 'an object with an id' });
 * fields['id'];
 * ```
 */
export type PlainFields = Readonly<Record<string, unknown>>;

/**
 * How {@link readPlainFields} names and reports the object it reads.
 *
 * @example
 * ```ts
 * const how: PlainFieldsReading = { field: 'user', code: 'invalid-user', what: 'an object with an id' };
 * ```
 */
export interface PlainFieldsReading {
  /** Path of the object in the input, e.g. `user`. */
  field: string;
  code: TiledeskTokenErrorCode;
  /** What it must be, for the message: "an object with an id". */
  what: string;
  /** The error for a key the object may not have (`undefined`: the key is fine); asked before any value is read. */
  rejectKey?(key: string, path: string): TiledeskTokenError | undefined;
  /** Accepts class instances (a logger); by default only `{...}` and `Object.create(null)`. */
  anyPrototype?: boolean;
  /** Names the keys bare (`projectId`, not `options.projectId`): for the top-level options. */
  bareKeys?: boolean;
  /** The code for a key whose value cannot be read (a throwing getter); default `code`. */
  codeFor?: Readonly<Record<string, TiledeskTokenErrorCode>>;
}

/**
 * Copies the own enumerable string-keyed properties of `value`, calling each getter at most once.
 * Unknown keys are refused before any value is read.
 *
 * @example
 * ```ts
 * const options = readPlainFields(input, { field: 'options', code: 'invalid-options', what: 'an options object' });
 * ```
 */
export function readPlainFields(value: unknown, how: PlainFieldsReading): PlainFields {
  const fail = (why: string): TiledeskTokenError => new TiledeskTokenError(how.code, how.field, `${how.field} ${why}`);
  if (typeof value !== 'object' || value === null || isArray(value, fail)) {
    throw fail(`must be ${how.what} (got ${value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`}).`);
  }
  if (!how.anyPrototype && !hasPlainPrototype(value, fail)) {
    throw fail(`must be a plain object, ${how.what} (got ${className(value)}).`);
  }
  const keys = attempt(() => Reflect.ownKeys(value), fail, 'could not be read');
  const fields: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  const descriptors: Array<[string, PropertyDescriptor]> = [];
  for (const key of keys) {
    if (typeof key !== 'string') continue;
    const descriptor = attempt(() => Reflect.getOwnPropertyDescriptor(value, key), fail, 'could not be read');
    if (!descriptor?.enumerable) continue;
    const rejected = how.rejectKey?.(key, how.bareKeys ? fieldPath('', key).replace(/^\./, '') : fieldPath(how.field, key));
    if (rejected) throw rejected;
    descriptors.push([key, descriptor]);
  }
  for (const [key, descriptor] of descriptors) {
    const path = how.bareKeys ? fieldPath('', key).replace(/^\./, '') : fieldPath(how.field, key);
    const code = (Object.hasOwn(how.codeFor ?? {}, key) ? how.codeFor?.[key] : undefined) ?? how.code;
    fields[key] = readDescriptor(value, descriptor, (why) => new TiledeskTokenError(code, path, `${path} ${why}`));
  }
  return fields;
}

/**
 * Limits of {@link readJson}: nesting depth and a byte budget that stops a huge (or endless,
 * Proxy-made) structure early, before it is all read.
 *
 * @example
 * ```ts
 * const limits: JsonReadingLimits = { maxDepth: 16, maxBytes: 4096 };
 * ```
 */
export interface JsonReadingLimits {
  maxDepth: number;
  maxBytes: number;
}

/**
 * A fresh copy of `value` made only of plain JSON (objects without a prototype, arrays, strings,
 * finite numbers, booleans, null), read once. Throws `invalid-attributes`-style errors naming
 * the path of the offending value: functions, `undefined`, `NaN`, class instances, holes,
 * cycles, too deep, or clearly over `maxBytes` as JSON (the exact size is the caller's check).
 *
 * @example
 * ```ts
 * const attributes = readJson(user.attributes, 'user.attributes', 'invalid-attributes', { maxDepth: 16, maxBytes: 4096 });
 * ```
 */
export function readJson(value: unknown, path: string, code: TiledeskTokenErrorCode, limits: JsonReadingLimits): JsonValue {
  const budget = { bytes: 0 };
  return copyJson(value, path, 0, new Set<object>(), { code, limits, budget, root: path });
}

interface JsonCopying {
  code: TiledeskTokenErrorCode;
  limits: JsonReadingLimits;
  /** A lower bound of the JSON size read so far. */
  budget: { bytes: number };
  /** The size limit is the whole value's: its errors name the root, not where it ran out. */
  root: string;
}

function copyJson(value: unknown, path: string, depth: number, seen: Set<object>, copying: JsonCopying): JsonValue {
  const fail = (why: string): TiledeskTokenError =>
    new TiledeskTokenError(copying.code, path, `${path} ${why}; attributes must be plain JSON.`);
  const spend = (bytes: number) => {
    copying.budget.bytes += bytes;
    if (copying.budget.bytes > copying.limits.maxBytes) {
      throw new TiledeskTokenError(
        copying.code,
        copying.root,
        `${copying.root} is over ${copying.limits.maxBytes} bytes as JSON (the limit was passed at ${path}); that does not fit in a token.`,
      );
    }
  };
  if (value === null || typeof value === 'boolean') {
    spend(4);
    return value;
  }
  if (typeof value === 'string') {
    spend(value.length + 2);
    return value;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw fail(`is ${String(value)}, which JSON cannot carry`);
    spend(1);
    return value;
  }
  if (typeof value !== 'object') throw fail(`is a ${typeof value}`);
  if (depth >= copying.limits.maxDepth) throw fail(`is nested more than ${copying.limits.maxDepth} levels deep`);
  if (seen.has(value)) throw fail('refers back to itself');
  seen.add(value);
  const copy = isArray(value, fail) ? copyArray(value, path, depth, seen, copying, fail) : copyObject(value, path, depth, seen, copying, fail);
  seen.delete(value);
  return copy;
}

type Fail = (why: string) => TiledeskTokenError;

function copyArray(
  array: readonly unknown[],
  path: string,
  depth: number,
  seen: Set<object>,
  copying: JsonCopying,
  fail: Fail,
): JsonValue[] {
  if (attempt(() => Object.getPrototypeOf(array) as unknown, fail, 'could not be read') !== Array.prototype) {
    throw fail(`is ${className(array)}, not a plain array`);
  }
  const keys = attempt(() => Reflect.ownKeys(array), fail, 'could not be read');
  const lengthDescriptor = attempt(() => Reflect.getOwnPropertyDescriptor(array, 'length'), fail, 'could not be read');
  const length: unknown = lengthDescriptor?.value;
  if (typeof length !== 'number' || !Number.isSafeInteger(length) || length < 0) throw fail('has no usable length');
  // Brackets plus at least one character and a comma per item: a sparse million-item array is
  // refused here, before a million reads.
  if (length * 2 + 2 > copying.limits.maxBytes - copying.budget.bytes) {
    throw new TiledeskTokenError(copying.code, copying.root, `${copying.root} is over ${copying.limits.maxBytes} bytes as JSON: ${path} has ${length} items; that does not fit in a token.`);
  }
  const copy: JsonValue[] = [];
  for (let index = 0; index < length; index += 1) {
    const descriptor = attempt(() => Reflect.getOwnPropertyDescriptor(array, String(index)), fail, 'could not be read');
    if (!descriptor) throw fail(`has a hole at index ${index}`);
    const itemPath = `${path}[${index}]`;
    const item = readDescriptor(array, descriptor, (why) =>
      new TiledeskTokenError(copying.code, itemPath, `${itemPath} ${why}; attributes must be plain JSON.`),
    );
    copy.push(copyJson(item, itemPath, depth + 1, seen, copying));
    copying.budget.bytes += 1;
  }
  for (const key of keys) {
    // `length` and the indexes were read above; anything else (an own `toJSON`) is not JSON.
    if (key !== 'length' && !(typeof key === 'string' && isIndex(key, length))) {
      throw fail(`has a property ${typeof key === 'string' ? quoteForLog(key, 40) : 'keyed by a symbol'} besides its items`);
    }
  }
  return copy;
}

function copyObject(
  object: object,
  path: string,
  depth: number,
  seen: Set<object>,
  copying: JsonCopying,
  fail: Fail,
): { [key: string]: JsonValue } {
  if (!hasPlainPrototype(object, fail)) throw fail(`is ${className(object)}, not a plain object`);
  const keys = attempt(() => Reflect.ownKeys(object), fail, 'could not be read');
  if (keys.length * 4 + 2 > copying.limits.maxBytes - copying.budget.bytes) {
    throw new TiledeskTokenError(copying.code, copying.root, `${copying.root} is over ${copying.limits.maxBytes} bytes as JSON: ${path} has ${keys.length} keys; that does not fit in a token.`);
  }
  // No prototype: a "__proto__" key from JSON.parse stays an ordinary key.
  const copy = Object.create(null) as { [key: string]: JsonValue };
  copying.budget.bytes += 2;
  for (const key of keys) {
    if (typeof key !== 'string') continue; // JSON drops symbol keys; so does the copy.
    const descriptor = attempt(() => Reflect.getOwnPropertyDescriptor(object, key), fail, 'could not be read');
    if (!descriptor?.enumerable) continue;
    const itemPath = fieldPath(path, key);
    copying.budget.bytes += key.length + 4;
    const item = readDescriptor(object, descriptor, (why) =>
      new TiledeskTokenError(copying.code, itemPath, `${itemPath} ${why}; attributes must be plain JSON.`),
    );
    copy[key] = copyJson(item, itemPath, depth + 1, seen, copying);
  }
  return copy;
}

function readDescriptor(owner: object, descriptor: PropertyDescriptor, fail: Fail): unknown {
  if ('value' in descriptor) return descriptor.value as unknown;
  const getter = descriptor.get;
  if (!getter) return undefined;
  return attempt(() => getter.call(owner) as unknown, fail, 'could not be read: its getter threw');
}

function attempt<T>(read: () => T, fail: Fail, why: string): T {
  try {
    return read();
  } catch (cause) {
    // Only the error's kind: its message is the caller's code talking and could quote anything.
    throw fail(`${why} (${errorName(cause)})`);
  }
}

/** `TypeError`, `MyOrmError`... read from data properties only: the error may be hostile too. */
function errorName(cause: unknown): string {
  try {
    let holder: unknown = cause;
    for (let depth = 0; depth < 4 && typeof holder === 'object' && holder !== null; depth += 1) {
      const name: unknown = Object.getOwnPropertyDescriptor(holder, 'name')?.value;
      if (typeof name === 'string') return /^[\w$]{1,40}$/.test(name) ? name : 'an error';
      const constructor: unknown = Object.getOwnPropertyDescriptor(holder, 'constructor')?.value;
      const className: unknown = typeof constructor === 'function' ? Object.getOwnPropertyDescriptor(constructor, 'name')?.value : undefined;
      if (depth > 0 && typeof className === 'string' && /^[\w$]{1,40}$/.test(className)) return className;
      holder = Object.getPrototypeOf(holder);
    }
  } catch {
    // A Proxy that throws even here: say nothing more.
  }
  return typeof cause === 'object' && cause !== null ? 'an error' : `a thrown ${typeof cause}`;
}

function isArray(value: object, fail: Fail): value is readonly unknown[] {
  // Array.isArray throws on a revoked Proxy.
  return attempt(() => Array.isArray(value), fail, 'could not be read');
}

function hasPlainPrototype(value: object, fail: Fail): boolean {
  const prototype = attempt(() => Object.getPrototypeOf(value) as unknown, fail, 'could not be read');
  return prototype === Object.prototype || prototype === null;
}

/**
 * `parent.key` for messages and `field`: a plain identifier as is, any other key quoted and cut,
 * so a hostile 8 KB key cannot fill a log line.
 *
 * @example
 * ```ts
 * fieldPath('user', 'email');     // 'user.email'
 * fieldPath('user', 'a\u202Eb');  // 'user["a\\u202Eb"]'
 * ```
 */
export function fieldPath(parent: string, key: string): string {
  return /^[A-Za-z_$][\w$]{0,39}$/.test(key) ? `${parent}.${key}` : `${parent}[${quoteForLog(key, 40)}]`;
}

function isIndex(key: string, length: number): boolean {
  return /^(?:0|[1-9]\d*)$/.test(key) && Number(key) < length;
}

/** "a Date", "a Map"... without running a getter of the hostile value. */
function className(value: object): string {
  try {
    const prototype = Object.getPrototypeOf(value) as object | null;
    const constructor: unknown = prototype ? Object.getOwnPropertyDescriptor(prototype, 'constructor')?.value : undefined;
    const name: unknown = typeof constructor === 'function' ? Object.getOwnPropertyDescriptor(constructor, 'name')?.value : undefined;
    return typeof name === 'string' && /^[\w$]{1,40}$/.test(name) ? `a ${name}` : 'an object of another kind';
  } catch {
    return 'an object of another kind';
  }
}
