import { quoteForLog } from './safe-text.js';
import { TiledeskTokenError, type TiledeskTokenErrorCode } from './tiledesk-token-error.js';
import type { JsonValue } from './visitor.js';

/**
 * Reading hostile inputs once. A getter, a Proxy or a `toJSON` can answer differently each time
 * it is asked; what was validated must be what is signed, so every input is copied into plain
 * data (own, enumerable properties only, nothing inherited) in a single pass, and only the copy
 * is looked at afterwards. Every way the reading can fail (a throwing getter, a revoked Proxy)
 * becomes a {@link TiledeskTokenError} naming the field. Minting runs on every page load, so
 * the happy path allocates no closures and no descriptors.
 */

/**
 * An object's own enumerable values, each read once, on an object that already has every allowed
 * key (as `undefined` when absent): nothing is ever looked up on a polluted `Object.prototype`,
 * and every copy has the same shape, which keeps the hot path fast.
 *
 * @example
 * ```ts
 * const fields: PlainFields<'id' | 'email'> = readPlainFields(user, USER_READING);
 * fields.id;
 * ```
 */
export type PlainFields<Key extends string> = { readonly [K in Key]: unknown };

/**
 * How {@link readPlainFields} names and reports the object it reads; build it once with
 * {@link plainFieldsReading}.
 *
 * @example
 * ```ts
 * const how: PlainFieldsReading<'id'> = plainFieldsReading({ field: 'user', code: 'invalid-user', what: 'an object with an id', keys: ['id'] });
 * ```
 */
export interface PlainFieldsReading<Key extends string> {
  /** Path of the object in the input, e.g. `user`. */
  field: string;
  code: TiledeskTokenErrorCode;
  /** What it must be, for the message: "an object with an id". */
  what: string;
  /** The keys the object may have; any other is refused before a value is read. */
  allowedKeys: ReadonlySet<string>;
  /** Every allowed key, `undefined`: the copy starts from it. */
  blank: PlainFields<Key>;
  /** The error for a key not allowed; default: `unknown-field`. */
  rejectKey?(key: string, path: string): TiledeskTokenError;
  /** Names the keys bare (`projectId`, not `options.projectId`): for the top-level options. */
  bareKeys?: boolean;
  /** The code for a key whose value cannot be read (a throwing getter); default `code`. */
  codeFor?: Readonly<Partial<Record<Key, TiledeskTokenErrorCode>>>;
}

/**
 * Builds a {@link PlainFieldsReading} from the list of allowed keys.
 *
 * @example
 * ```ts
 * const USER_READING = plainFieldsReading({ field: 'user', code: 'invalid-user', what: 'an object with an id', keys: ['id', 'email'] });
 * ```
 */
export function plainFieldsReading<Key extends string>(
  how: Omit<PlainFieldsReading<Key>, 'allowedKeys' | 'blank'> & { keys: readonly Key[] },
): PlainFieldsReading<Key> {
  const { keys, ...rest } = how;
  const blank = Object.fromEntries(keys.map((key) => [key, undefined])) as PlainFields<Key>;
  return { ...rest, allowedKeys: new Set(keys), blank };
}

/**
 * Copies the own enumerable string-keyed properties of a plain object (`{...}` or
 * `Object.create(null)`), reading each once. Unknown keys are refused before any value is read.
 *
 * @example
 * ```ts
 * const options = readPlainFields(input, OPTIONS_READING);
 * ```
 */
export function readPlainFields<Key extends string>(value: unknown, how: PlainFieldsReading<Key>): PlainFields<Key> {
  const keys = plainObjectKeys(value, how);
  const fields: Record<string, unknown> = { ...how.blank };
  // One try around the loop, not one per key.
  let reading = '';
  try {
    for (reading of keys) fields[reading] = (value as Record<string, unknown>)[reading];
  } catch (cause) {
    throw unreadableField(how, reading, cause);
  }
  return fields as PlainFields<Key>;
}

/**
 * The own enumerable string keys of a plain object (`{...}` or `Object.create(null)`), each one
 * allowed by `how`; throws the typed error otherwise. Nothing the object does while it is asked
 * (a Proxy trap that throws, even a forged `TiledeskTokenError`) passes through as it is.
 *
 * @example
 * ```ts
 * for (const key of plainObjectKeys(user, USER_READING)) ...
 * ```
 */
export function plainObjectKeys(value: unknown, how: PlainFieldsReading<string>): string[] {
  if (typeof value !== 'object' || value === null) {
    throw notPlain(how, `must be ${how.what} (got ${value === null ? 'null' : `a ${typeof value}`}).`);
  }
  let isArray: boolean;
  let prototype: unknown;
  let keys: string[];
  try {
    isArray = Array.isArray(value);
    prototype = Object.getPrototypeOf(value);
    keys = isArray ? [] : Object.keys(value);
  } catch (cause) {
    // A revoked Proxy, or traps that throw.
    throw notPlain(how, `could not be read (${errorName(cause)}).`);
  }
  if (isArray) throw notPlain(how, `must be ${how.what} (got an array).`);
  if (prototype !== Object.prototype && prototype !== null) {
    throw notPlain(how, `must be a plain object, ${how.what} (got ${className(value)}).`);
  }
  for (const key of keys) {
    if (!how.allowedKeys.has(key)) {
      const path = childPath(how, key);
      throw how.rejectKey?.(key, path) ?? new TiledeskTokenError('unknown-field', path, `${path} is not a known field.`);
    }
  }
  return keys;
}

/**
 * The typed error for a field whose getter threw while it was read; the thrown text is not
 * repeated, only the error's class name.
 *
 * @example
 * ```ts
 * try { email = user.email; } catch (cause) { throw unreadableField(USER_READING, 'email', cause); }
 * ```
 */
export function unreadableField(how: PlainFieldsReading<string>, key: string, cause: unknown): TiledeskTokenError {
  const path = childPath(how, key);
  const codes: Readonly<Record<string, TiledeskTokenErrorCode | undefined>> = how.codeFor ?? {};
  const code = (Object.hasOwn(codes, key) ? codes[key] : undefined) ?? how.code;
  return new TiledeskTokenError(code, path, `${path} could not be read: its getter threw (${errorName(cause)}).`);
}

function notPlain(how: PlainFieldsReading<string>, why: string): TiledeskTokenError {
  return new TiledeskTokenError(how.code, how.field, `${how.field} ${why}`);
}

function childPath(how: PlainFieldsReading<string>, key: string): string {
  return how.bareKeys ? fieldPath('', key).replace(/^\./, '') : fieldPath(how.field, key);
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
 * finite numbers, booleans, null), each property read once. Throws errors with `code` naming the
 * path of the offending value: functions (an own `toJSON` too), `undefined`, `NaN`, class
 * instances, holes, extra array properties, `__proto__` / `constructor` / `prototype` keys,
 * cycles, too deep, or clearly over `maxBytes` as JSON
 * (the exact size is the caller's check, on the copy).
 *
 * @example
 * ```ts
 * const attributes = readJson(user.attributes, 'user.attributes', 'invalid-attributes', { maxDepth: 16, maxBytes: 4096 });
 * ```
 */
export function readJson(value: unknown, path: string, code: TiledeskTokenErrorCode, limits: JsonReadingLimits): JsonValue {
  return copyJson(value, path, 0, new Set<object>(), { code, limits, bytes: 0, root: path });
}

interface JsonCopying {
  code: TiledeskTokenErrorCode;
  limits: JsonReadingLimits;
  /** A lower bound of the JSON size read so far. */
  bytes: number;
  /** The size limit is the whole value's: its errors name the root, not where it ran out. */
  root: string;
}

function copyJson(value: unknown, path: string, depth: number, seen: Set<object>, copying: JsonCopying): JsonValue {
  if (value === null || typeof value === 'boolean') return spend(copying, 4, path, value);
  if (typeof value === 'string') return spend(copying, value.length + 2, path, value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw notJson(copying, path, `is ${String(value)}, which JSON cannot carry`);
    return spend(copying, 1, path, value);
  }
  if (typeof value !== 'object') throw notJson(copying, path, `is a ${typeof value}`);
  if (depth >= copying.limits.maxDepth) throw notJson(copying, path, `is nested more than ${copying.limits.maxDepth} levels deep`);
  if (seen.has(value)) throw notJson(copying, path, 'refers back to itself');
  seen.add(value);
  let isArray: boolean;
  let prototype: unknown;
  try {
    isArray = Array.isArray(value);
    prototype = Object.getPrototypeOf(value);
  } catch (cause) {
    throw notJson(copying, path, `could not be read (${errorName(cause)})`);
  }
  const plain = isArray ? prototype === Array.prototype : prototype === Object.prototype || prototype === null;
  if (!plain) throw notJson(copying, path, `is ${className(value)}, not a plain ${isArray ? 'array' : 'object'}`);
  // An array's length is checked before its keys are even listed.
  const length = isArray ? arrayLength(value as readonly unknown[], path, copying) : -1;
  let keys: string[];
  try {
    keys = Object.keys(value);
  } catch (cause) {
    throw notJson(copying, path, `could not be read (${errorName(cause)})`);
  }
  const copy =
    length >= 0
      ? copyArray(value as readonly unknown[], length, keys, path, depth, seen, copying)
      : copyObject(value, keys, path, depth, seen, copying);
  seen.delete(value);
  return copy;
}

/**
 * Brackets plus at least one character and a comma per item: a sparse billion-item array is
 * refused here, before its keys are even listed.
 */
function arrayLength(array: readonly unknown[], path: string, copying: JsonCopying): number {
  const length = readProperty(array, 'length', copying, path);
  if (typeof length !== 'number' || !Number.isSafeInteger(length) || length < 0) throw notJson(copying, path, 'has no usable length');
  if (length * 2 + 2 > copying.limits.maxBytes - copying.bytes) throw tooLarge(copying, `${path} has ${length} items`);
  return length;
}

function copyArray(
  array: readonly unknown[],
  length: number,
  keys: readonly string[],
  path: string,
  depth: number,
  seen: Set<object>,
  copying: JsonCopying,
): JsonValue[] {
  // Object.keys lists indexes first, in order: exactly "0".."length-1" means no hole and no
  // extra property (an own `toJSON`).
  for (let index = 0; index < keys.length; index += 1) {
    if (index >= length || keys[index] !== String(index)) {
      throw notJson(
        copying,
        path,
        index >= length ? `has a property ${quoteForLog(keys[index], 40)} besides its items` : `has a hole at index ${index}`,
      );
    }
  }
  if (keys.length !== length) throw notJson(copying, path, `has a hole at index ${keys.length}`);
  const copy: JsonValue[] = [];
  copying.bytes += 2;
  for (let index = 0; index < length; index += 1) {
    const itemPath = `${path}[${index}]`;
    copy.push(copyJson(readProperty(array, index, copying, itemPath), itemPath, depth + 1, seen, copying));
    copying.bytes += 1;
  }
  return copy;
}

function copyObject(
  object: object,
  keys: readonly string[],
  path: string,
  depth: number,
  seen: Set<object>,
  copying: JsonCopying,
): { [key: string]: JsonValue } {
  if (keys.length * 4 + 2 > copying.limits.maxBytes - copying.bytes) throw tooLarge(copying, `${path} has ${keys.length} keys`);
  // No prototype, so that writing any key is an ordinary write.
  const copy = Object.create(null) as { [key: string]: JsonValue };
  copying.bytes += 2;
  for (const key of keys) {
    const itemPath = fieldPath(path, key);
    if (PROTOTYPE_KEYS.has(key)) {
      throw notJson(copying, itemPath, 'is a key that rewrites prototypes wherever the attributes are merged into an object');
    }
    copying.bytes += key.length + 4;
    copy[key] = copyJson(readProperty(object, key, copying, itemPath), itemPath, depth + 1, seen, copying);
  }
  return copy;
}

/**
 * Keys that pollute prototypes when a consumer merges the attributes into an object
 * (`Object.assign`, deep merges): no visitor attribute needs them.
 */
const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

function readProperty(owner: object, key: string | number, copying: JsonCopying, path: string): unknown {
  try {
    return (owner as Record<string | number, unknown>)[key];
  } catch (cause) {
    throw notJson(copying, path, `could not be read: its getter threw (${errorName(cause)})`);
  }
}

function spend<T extends JsonValue>(copying: JsonCopying, bytes: number, path: string, value: T): T {
  copying.bytes += bytes;
  if (copying.bytes > copying.limits.maxBytes) throw tooLarge(copying, `the limit was passed at ${path}`);
  return value;
}

function notJson(copying: JsonCopying, path: string, why: string): TiledeskTokenError {
  return new TiledeskTokenError(copying.code, path, `${path} ${why}; attributes must be plain JSON.`);
}

function tooLarge(copying: JsonCopying, detail: string): TiledeskTokenError {
  return new TiledeskTokenError(
    copying.code,
    copying.root,
    `${copying.root} is over ${copying.limits.maxBytes} bytes as JSON (${detail}); that does not fit in a token.`,
  );
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

/** `TypeError`, `MyOrmError`... read from data properties only: the error may be hostile too. */
function errorName(cause: unknown): string {
  try {
    let holder: unknown = cause;
    for (let depth = 0; depth < 4 && typeof holder === 'object' && holder !== null; depth += 1) {
      const name: unknown = Object.getOwnPropertyDescriptor(holder, 'name')?.value;
      if (typeof name === 'string') return /^[\w$]{1,40}$/.test(name) ? name : 'an error';
      const constructor: unknown = Object.getOwnPropertyDescriptor(holder, 'constructor')?.value;
      const className: unknown =
        typeof constructor === 'function' ? Object.getOwnPropertyDescriptor(constructor, 'name')?.value : undefined;
      if (depth > 0 && typeof className === 'string' && /^[\w$]{1,40}$/.test(className)) return className;
      holder = Object.getPrototypeOf(holder);
    }
  } catch {
    // A Proxy that throws even here: say nothing more.
  }
  return typeof cause === 'object' && cause !== null ? 'an error' : `a thrown ${typeof cause}`;
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
