import {
  DEFAULT_EXPIRES_IN_SECONDS,
  MAX_EXPIRES_IN_SECONDS,
  MIN_SECRET_LENGTH,
  PROJECT_ID_PATTERN,
  RESERVED_CLAIMS,
} from './tiledesk-token-format.js';
import { TiledeskTokenError } from './tiledesk-token-error.js';
import type { JsonValue, TiledeskVisitor } from './visitor.js';

/** Upper bound on `attributes` as JSON: the whole token travels in an HTTP header. */
const MAX_ATTRIBUTES_BYTES = 4096;
const MAX_ATTRIBUTES_DEPTH = 16;
const MAX_ID_LENGTH = 256;
const MAX_NAME_LENGTH = 256;
// Deliberately loose: one "@", no spaces, a dot in the domain. Real validation is the app's job.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_EMAIL_LENGTH = 254;

const USER_FIELDS = new Set(['id', 'email', 'firstname', 'lastname', 'attributes']);

/**
 * Inputs checked and normalised, ready to become claims.
 *
 * @example
 * ```ts
 * const { visitorId, expiresIn } = validateMintInput(options);
 * ```
 */
export interface ValidMintInput {
  projectId: string;
  secret: string;
  visitorId: string;
  email?: string;
  firstname?: string;
  lastname?: string;
  attributes?: { [key: string]: JsonValue };
  expiresIn: number;
}

/**
 * Throws a {@link TiledeskTokenError} unless `projectId` is 24 hexadecimal characters.
 *
 * @example
 * ```ts
 * assertProjectId('65f0c0ffee0123456789abcd');
 * ```
 */
export function assertProjectId(projectId: unknown, field = 'projectId'): asserts projectId is string {
  if (typeof projectId !== 'string' || !PROJECT_ID_PATTERN.test(projectId)) {
    throw new TiledeskTokenError(
      'invalid-project-id',
      field,
      `${field} must be a Tiledesk project id: 24 hexadecimal characters (got ${describeProjectId(projectId)}).`,
    );
  }
}

/**
 * Throws a {@link TiledeskTokenError} unless `secret` is a string of at least 16 characters.
 * The message never contains the secret.
 *
 * @example
 * ```ts
 * assertSecret(process.env.TILEDESK_SHARED_SECRET);
 * ```
 */
export function assertSecret(secret: unknown, field = 'secret'): asserts secret is string {
  if (typeof secret !== 'string' || secret.trim() === '') {
    throw new TiledeskTokenError('invalid-secret', field, `${field} is missing: pass the project's shared secret.`);
  }
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new TiledeskTokenError(
      'invalid-secret',
      field,
      `${field} is too short (${secret.length} characters, at least ${MIN_SECRET_LENGTH}); ` +
        `Tiledesk shared secrets are 36-character UUIDs.`,
    );
  }
}

/**
 * Throws a {@link TiledeskTokenError} unless `expiresIn` is a whole number of seconds in
 * 1..86400, and returns it (the default when `undefined`).
 *
 * @example
 * ```ts
 * const seconds = checkExpiresIn(undefined); // 600
 * ```
 */
export function checkExpiresIn(expiresIn: unknown, field = 'expiresIn'): number {
  if (expiresIn === undefined) return DEFAULT_EXPIRES_IN_SECONDS;
  if (
    typeof expiresIn !== 'number' ||
    !Number.isInteger(expiresIn) ||
    expiresIn < 1 ||
    expiresIn > MAX_EXPIRES_IN_SECONDS
  ) {
    throw new TiledeskTokenError(
      'invalid-expires-in',
      field,
      `${field} must be a whole number of seconds from 1 to ${MAX_EXPIRES_IN_SECONDS} (got ${describe(expiresIn)}).`,
    );
  }
  return expiresIn;
}

/**
 * Throws a {@link TiledeskTokenError} unless `now` is a time in epoch milliseconds, and returns
 * it (`Date.now()` when `undefined`). A NaN clock would silently skip every time check.
 *
 * @example
 * ```ts
 * const nowMs = checkNow(options.now, 'options.now');
 * ```
 */
export function checkNow(now: unknown, field = 'now'): number {
  if (now === undefined) return Date.now();
  if (typeof now !== 'number' || !Number.isFinite(now) || now < 0) {
    throw new TiledeskTokenError('invalid-now', field, `${field} must be a time in epoch milliseconds (got ${describe(now)}).`);
  }
  return now;
}

/**
 * Checks every input of `mintTiledeskToken` and returns it normalised. Nothing is signed
 * until this has passed.
 *
 * @example
 * ```ts
 * const input = validateMintInput({ projectId, secret, user: { id: 'u-42' } });
 * input.visitorId; // `${projectId}_u-42`
 * ```
 */
export function validateMintInput(options: unknown): ValidMintInput {
  if (!isPlainObject(options)) {
    throw new TiledeskTokenError('invalid-user', 'options', 'mintTiledeskToken() needs an options object.');
  }
  for (const key of Object.keys(options)) {
    if (!['projectId', 'secret', 'user', 'expiresIn', 'now'].includes(key)) {
      throw rejectKey(key, key);
    }
  }
  const { projectId, secret, user, expiresIn } = options;
  assertProjectId(projectId);
  assertSecret(secret);
  const seconds = checkExpiresIn(expiresIn);
  if (!isPlainObject(user)) {
    throw new TiledeskTokenError('invalid-user', 'user', `user must be an object with an id (got ${describe(user)}).`);
  }
  for (const key of Object.keys(user)) {
    if (!USER_FIELDS.has(key)) throw rejectKey(key, `user.${key}`);
  }
  const visitor = user as Partial<TiledeskVisitor>;
  const valid: ValidMintInput = {
    projectId,
    secret,
    visitorId: visitorIdFor(projectId, visitor.id),
    expiresIn: seconds,
  };
  if (visitor.email !== undefined) valid.email = checkEmail(visitor.email);
  if (visitor.firstname !== undefined) valid.firstname = checkName(visitor.firstname, 'user.firstname');
  if (visitor.lastname !== undefined) valid.lastname = checkName(visitor.lastname, 'user.lastname');
  if (visitor.attributes !== undefined) valid.attributes = checkAttributes(visitor.attributes);
  return valid;
}

function visitorIdFor(projectId: string, id: unknown): string {
  let text: string;
  if (typeof id === 'number' && Number.isSafeInteger(id)) {
    text = String(id);
  } else if (typeof id === 'string' && id.trim() !== '' && id === id.trim()) {
    text = id;
  } else {
    throw new TiledeskTokenError(
      'invalid-user-id',
      'user.id',
      `user.id must be a non-empty string without surrounding spaces, or a safe integer (got ${describe(id)}).`,
    );
  }
  if (text.length > MAX_ID_LENGTH) {
    throw new TiledeskTokenError('invalid-user-id', 'user.id', `user.id is longer than ${MAX_ID_LENGTH} characters.`);
  }
  const prefix = `${projectId}_`;
  // Apps that already store Tiledesk-style ids must not end up with "<project>_<project>_<id>".
  if (text.startsWith(prefix)) {
    if (text.length === prefix.length) {
      throw new TiledeskTokenError('invalid-user-id', 'user.id', 'user.id is only the project prefix, with no user part.');
    }
    return text;
  }
  return prefix + text;
}

function checkEmail(email: unknown): string {
  if (typeof email !== 'string' || email.length > MAX_EMAIL_LENGTH || !EMAIL_PATTERN.test(email)) {
    throw new TiledeskTokenError(
      'invalid-email',
      'user.email',
      `user.email must be an e-mail address like name@example.com (got ${describe(email)}).`,
    );
  }
  return email;
}

function checkName(name: unknown, field: string): string {
  if (typeof name !== 'string' || name.trim() === '' || name.length > MAX_NAME_LENGTH) {
    throw new TiledeskTokenError(
      'invalid-name',
      field,
      `${field} must be a non-empty string of at most ${MAX_NAME_LENGTH} characters (got ${describe(name)}).`,
    );
  }
  return name;
}

function checkAttributes(attributes: unknown): { [key: string]: JsonValue } {
  if (!isPlainObject(attributes)) {
    throw new TiledeskTokenError(
      'invalid-attributes',
      'user.attributes',
      `user.attributes must be a plain JSON object (got ${describe(attributes)}).`,
    );
  }
  assertJson(attributes, 'user.attributes', 0, new Set());
  const size = new TextEncoder().encode(JSON.stringify(attributes)).length;
  if (size > MAX_ATTRIBUTES_BYTES) {
    throw new TiledeskTokenError(
      'invalid-attributes',
      'user.attributes',
      `user.attributes is ${size} bytes as JSON; at most ${MAX_ATTRIBUTES_BYTES} fit in a token.`,
    );
  }
  return attributes as { [key: string]: JsonValue };
}

function assertJson(value: unknown, path: string, depth: number, seen: Set<object>): void {
  const fail = (why: string): never => {
    throw new TiledeskTokenError('invalid-attributes', path, `${path} ${why}; attributes must be plain JSON.`);
  };
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) fail(`is ${String(value)}, which JSON cannot carry`);
    return;
  }
  if (typeof value !== 'object') return void fail(`is a ${typeof value}`);
  if (depth >= MAX_ATTRIBUTES_DEPTH) fail(`is nested more than ${MAX_ATTRIBUTES_DEPTH} levels deep`);
  if (seen.has(value)) fail('refers back to itself');
  seen.add(value);
  if (Array.isArray(value)) {
    value.forEach((item, index) => assertJson(item, `${path}[${index}]`, depth + 1, seen));
  } else if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) assertJson(item, `${path}.${key}`, depth + 1, seen);
  } else {
    fail(`is a ${value.constructor?.name ?? 'non-plain object'}, not a plain object`);
  }
  seen.delete(value);
}

function rejectKey(key: string, field: string): TiledeskTokenError {
  if (RESERVED_CLAIMS.includes(key)) {
    return new TiledeskTokenError(
      'reserved-claim',
      field,
      `${field} would set the reserved claim "${key}", which only the library sets` +
        (key === 'role' ? ' (a role makes Tiledesk treat the token as a privileged user).' : '.'),
    );
  }
  return new TiledeskTokenError(
    'unknown-field',
    field,
    `${field} is not a known field; put custom data in user.attributes.`,
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Never echoes a UUID: Tiledesk's shared secrets are UUIDs, and one given as the project id
 * (swapped environment variables) must not reach a start-up log.
 */
function describeProjectId(value: unknown): string {
  if (typeof value === 'string' && UUID_PATTERN.test(value.trim())) {
    return 'a UUID, which looks like a shared secret: are the project id and the secret swapped?';
  }
  return describe(value);
}

/** A short, safe description of a bad value for error messages (never the secret's text). */
function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return value.length > 40 ? `a ${value.length}-character string` : JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}
