import {
  DEFAULT_EXPIRES_IN_SECONDS,
  MAX_EXPIRES_IN_SECONDS,
  MIN_SECRET_LENGTH,
  PROJECT_ID_PATTERN,
  RESERVED_CLAIMS,
} from './tiledesk-token-format.js';
import { firstHiddenCharacter, stripHiddenCharacters } from './hidden-characters.js';
import { type PlainFields, plainFieldsReading, plainObjectKeys, readJson, unreadableField } from './plain-data.js';
import { describeValue } from './safe-text.js';
import { TiledeskTokenError, type TiledeskTokenErrorCode } from './tiledesk-token-error.js';
import { type TiledeskUserIdKind, USER_ID_KINDS, visitorIdFor } from './visitor-id.js';
import type { JsonValue } from './visitor.js';

/** Upper bound on `attributes` as JSON: the whole token travels in an HTTP header. */
const MAX_ATTRIBUTES_BYTES = 4096;
const MAX_ATTRIBUTES_DEPTH = 16;
const MAX_NAME_LENGTH = 256;
// Deliberately loose: one "@", no spaces, a dot in the domain. Real validation is the app's job.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_EMAIL_LENGTH = 254;
const UTF8 = new TextEncoder();
/** The last instant a JavaScript Date can hold; a later "now" is a bug, not a clock. */
const MAX_DATE_MS = 8.64e15;

const OPTION_KEYS = ['projectId', 'secret', 'user', 'expiresIn', 'now', 'userIdKind'] as const;
const USER_KEYS = ['id', 'email', 'firstname', 'lastname', 'attributes'] as const;
const OPTIONS_READING = plainFieldsReading({
  field: 'options',
  bareKeys: true,
  code: 'invalid-options',
  what: 'an options object for mintTiledeskToken()',
  keys: OPTION_KEYS,
  codeFor: {
    projectId: 'invalid-project-id',
    secret: 'invalid-secret',
    user: 'invalid-user',
    expiresIn: 'invalid-expires-in',
    now: 'invalid-now',
  },
  rejectKey,
});
const USER_READING = plainFieldsReading({
  field: 'user',
  code: 'invalid-user',
  what: 'an object with an id',
  keys: USER_KEYS,
  codeFor: {
    id: 'invalid-user-id',
    email: 'invalid-email',
    firstname: 'invalid-name',
    lastname: 'invalid-name',
    attributes: 'invalid-attributes',
  },
  rejectKey,
});
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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
  /** The token's `_id`. */
  visitorId: string;
  /** `user.id` as text, for log lines (quote it there: it may be anyone's choice). */
  userId: string;
  // Always present (maybe `undefined`), never optional: an absent key would be looked up on a
  // possibly polluted Object.prototype.
  email: string | undefined;
  firstname: string | undefined;
  lastname: string | undefined;
  attributes: { [key: string]: JsonValue } | undefined;
  expiresIn: number;
  /** The issue time, epoch milliseconds. */
  now: number;
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
export function checkExpiresIn(expiresIn: unknown, field = 'expiresIn', secret?: unknown): number {
  if (expiresIn === undefined) return DEFAULT_EXPIRES_IN_SECONDS;
  if (typeof expiresIn !== 'number' || !Number.isInteger(expiresIn) || expiresIn < 1 || expiresIn > MAX_EXPIRES_IN_SECONDS) {
    throw new TiledeskTokenError(
      'invalid-expires-in',
      field,
      `${field} must be a whole number of seconds from 1 to ${MAX_EXPIRES_IN_SECONDS} (got ${describeValue(expiresIn, secret)}).`,
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
export function checkNow(now: unknown, field = 'now', secret?: unknown): number {
  if (now === undefined) return Date.now();
  if (typeof now !== 'number' || !Number.isFinite(now) || now < 0 || now > MAX_DATE_MS) {
    throw new TiledeskTokenError(
      'invalid-now',
      field,
      `${field} must be a time in epoch milliseconds (got ${describeValue(now, secret)}).`,
    );
  }
  return now;
}

/**
 * Checks every input of `mintTiledeskToken` and returns it normalised. Each input is read once,
 * own properties only, into plain data (see `plain-data.ts`); what is returned is that copy, and
 * only it is signed. Nothing is signed until this has passed.
 *
 * @example
 * ```ts
 * const input = validateMintInput({ projectId, secret, user: { id: 'u-42' } });
 * input.visitorId; // `${projectId}_u-42`
 * ```
 */
export function validateMintInput(options: unknown): ValidMintInput {
  const fields = readMintOptions(options);
  const { projectId, secret } = fields;
  assertProjectId(projectId);
  assertSecret(secret);
  const expiresIn = checkExpiresIn(fields.expiresIn, 'expiresIn', secret);
  const now = checkNow(fields.now, 'now', secret);
  const userIdKind = checkUserIdKind(fields.userIdKind, 'userIdKind', 'invalid-options', secret);
  return validateVisitor({ projectId, secret, expiresIn, userIdKind }, fields.user, now);
}

/**
 * Settings of a mint that passed {@link assertProjectId}, {@link assertSecret},
 * {@link checkExpiresIn} and {@link checkUserIdKind}: a token handler's, checked once at its first
 * request and kept as its own copy.
 *
 * @example
 * ```ts
 * const settings: CheckedMintSettings = { projectId, secret, expiresIn: 600, userIdKind: 'app-user-id' };
 * ```
 */
export interface CheckedMintSettings {
  readonly projectId: string;
  readonly secret: string;
  readonly expiresIn: number;
  readonly userIdKind: TiledeskUserIdKind;
}

/**
 * The part of {@link validateMintInput} that changes with every token: `user` read once and
 * checked in full (id, e-mail, names, attributes), for settings that were checked already.
 *
 * @example
 * ```ts
 * const input = validateVisitor(settings, getUserResult, Date.now());
 * ```
 */
export function validateVisitor(settings: CheckedMintSettings, userValue: unknown, now: number): ValidMintInput {
  const { projectId, secret, expiresIn, userIdKind } = settings;
  const user = readUser(userValue);
  return {
    projectId,
    secret,
    visitorId: visitorIdFor(projectId, user.id, userIdKind, secret),
    userId: String(user.id),
    expiresIn,
    now,
    email: user.email === undefined ? undefined : checkEmail(user.email, secret),
    firstname: user.firstname === undefined ? undefined : checkName(user.firstname, 'user.firstname', secret),
    lastname: user.lastname === undefined ? undefined : checkName(user.lastname, 'user.lastname', secret),
    attributes: user.attributes === undefined ? undefined : checkAttributes(user.attributes, secret),
  };
}

type MintOptionFields = PlainFields<(typeof OPTION_KEYS)[number]>;
type UserFields = PlainFields<(typeof USER_KEYS)[number]>;

// readPlainFields() does the same for any key list; these two run on every minted token, and
// named reads in a switch cost a third of its keyed ones.

function readMintOptions(value: unknown): MintOptionFields {
  const keys = plainObjectKeys(value, OPTIONS_READING);
  const options = value as MintOptionFields;
  let projectId: unknown, secret: unknown, user: unknown, expiresIn: unknown, now: unknown, userIdKind: unknown;
  let reading = '';
  try {
    for (reading of keys) {
      switch (reading) {
        case 'projectId':
          projectId = options.projectId;
          break;
        case 'secret':
          secret = options.secret;
          break;
        case 'user':
          user = options.user;
          break;
        case 'expiresIn':
          expiresIn = options.expiresIn;
          break;
        case 'now':
          now = options.now;
          break;
        case 'userIdKind':
          userIdKind = options.userIdKind;
          break;
      }
    }
  } catch (cause) {
    throw unreadableField(OPTIONS_READING, reading, cause);
  }
  return { projectId, secret, user, expiresIn, now, userIdKind };
}

function readUser(value: unknown): UserFields {
  const keys = plainObjectKeys(value, USER_READING);
  const user = value as UserFields;
  let id: unknown, email: unknown, firstname: unknown, lastname: unknown, attributes: unknown;
  let reading = '';
  try {
    for (reading of keys) {
      switch (reading) {
        case 'id':
          id = user.id;
          break;
        case 'email':
          email = user.email;
          break;
        case 'firstname':
          firstname = user.firstname;
          break;
        case 'lastname':
          lastname = user.lastname;
          break;
        case 'attributes':
          attributes = user.attributes;
          break;
      }
    }
  } catch (cause) {
    throw unreadableField(USER_READING, reading, cause);
  }
  return { id, email, firstname, lastname, attributes };
}

/**
 * Returns `kind` when it is a {@link TiledeskUserIdKind}, the default `'app-user-id'` when it is
 * `undefined`; throws a {@link TiledeskTokenError} with `code` otherwise.
 *
 * @example
 * ```ts
 * checkUserIdKind(options.userIdKind, 'userIdKind', 'invalid-handler-options'); // 'app-user-id'
 * ```
 */
export function checkUserIdKind(kind: unknown, field: string, code: TiledeskTokenErrorCode, secret?: unknown): TiledeskUserIdKind {
  if (kind === undefined) return 'app-user-id';
  // A loop, not find() with a callback: this runs for every token.
  let known: TiledeskUserIdKind | undefined;
  for (const candidate of USER_ID_KINDS) if (candidate === kind) known = candidate;
  if (known === undefined) {
    throw new TiledeskTokenError(
      code,
      field,
      `${field} must be ${USER_ID_KINDS.map((candidate) => `'${candidate}'`).join(' or ')} (got ${describeValue(kind, secret)}).`,
    );
  }
  return known;
}

function checkEmail(email: unknown, secret: unknown): string {
  if (typeof email !== 'string' || email.length > MAX_EMAIL_LENGTH || !EMAIL_PATTERN.test(email)) {
    throw invalidEmail(`must be an e-mail address like name@example.com (got ${describeValue(email, secret)}).`);
  }
  const hidden = firstHiddenCharacter(email);
  if (hidden) {
    throw invalidEmail(`contains ${hidden}, an invisible control, zero-width or bidi character (got ${describeValue(email, secret)}).`);
  }
  return email;
}

function invalidEmail(why: string): TiledeskTokenError {
  return new TiledeskTokenError('invalid-email', 'user.email', `user.email ${why}`);
}

/**
 * Names are only shown, so hidden and bidi characters are removed rather than refused: the
 * visitor still gets a chat, and agents cannot be shown a reordered name.
 */
function checkName(name: unknown, field: string, secret: unknown): string {
  const shown = typeof name === 'string' && name.length <= MAX_NAME_LENGTH ? stripHiddenCharacters(name).trim() : '';
  if (shown === '') {
    throw new TiledeskTokenError(
      'invalid-name',
      field,
      `${field} must be a non-empty string of at most ${MAX_NAME_LENGTH} characters, not counting invisible ` +
        `ones (got ${describeValue(name, secret)}).`,
    );
  }
  return shown;
}

function checkAttributes(attributes: unknown, secret: unknown): { [key: string]: JsonValue } {
  const field = 'user.attributes';
  const notAnObject = () =>
    new TiledeskTokenError('invalid-attributes', field, `${field} must be a plain JSON object (got ${describeValue(attributes, secret)}).`);
  if (typeof attributes !== 'object' || attributes === null) throw notAnObject();
  const copy = readJson(attributes, field, 'invalid-attributes', { maxDepth: MAX_ATTRIBUTES_DEPTH, maxBytes: MAX_ATTRIBUTES_BYTES });
  if (typeof copy !== 'object' || copy === null || Array.isArray(copy)) throw notAnObject();
  // The copy is inert data: this size is the size of what will be signed.
  const size = UTF8.encode(JSON.stringify(copy)).length;
  if (size > MAX_ATTRIBUTES_BYTES) {
    throw new TiledeskTokenError(
      'invalid-attributes',
      field,
      `${field} is ${size} bytes as JSON; at most ${MAX_ATTRIBUTES_BYTES} fit in a token.`,
    );
  }
  return copy;
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
  return new TiledeskTokenError('unknown-field', field, `${field} is not a known field; put custom data in user.attributes.`);
}

/**
 * Never echoes a project id that is wrong: whatever sits in its place may be the shared secret
 * (swapped environment variables), and this message ends up in start-up logs. Only its shape is told.
 */
function describeProjectId(value: unknown): string {
  if (typeof value !== 'string') return describeValue(value);
  const shape = `a ${value.length}-character string`;
  if (UUID_PATTERN.test(value.trim())) {
    return `${shape} shaped like a UUID, which looks like a shared secret: are the project id and the secret swapped?`;
  }
  return /^[0-9a-fA-F]*$/.test(value) ? `${shape} of hexadecimal characters` : `${shape} with characters other than 0-9 and a-f`;
}
