import { codePointName, isHiddenCharacter } from './hidden-characters.js';

/**
 * Longest quoted text a log line carries for one attacker-controlled value. An `Origin` header
 * can be 8 KB; a log line per refused request must not be.
 *
 * @example
 * ```ts
 * quoteForLog(origin, LOG_TEXT_LIMIT);
 * ```
 */
export const LOG_TEXT_LIMIT = 200;

/** Shorter still inside error messages, which name a field and say what is wrong with it. */
const MESSAGE_TEXT_LIMIT = 40;

const UUID_SHAPE = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/**
 * `text` in double quotes, safe for one log line: controls, bidi and zero-width characters,
 * quotes and backslashes escaped, and cut after `limit` output characters with the full length
 * said. The work is bounded by `limit`, not by the length of `text`.
 *
 * @example
 * ```ts
 * quoteForLog('evil\n\u202Ecom'); // '"evil\\u000A\\u202Ecom"'
 * quoteForLog('x'.repeat(8000), 10); // '"xxxxxxxxxx…" (8000 characters)'
 * ```
 */
export function quoteForLog(text: string, limit: number = LOG_TEXT_LIMIT): string {
  let quoted = '';
  let cut = false;
  for (const character of text) {
    const escaped =
      character === '"' || character === '\\'
        ? `\\${character}`
        : isHiddenCharacter(character)
          ? `\\u${codePointName(character).slice(2)}`
          : character;
    if (quoted.length + escaped.length > limit) {
      cut = true;
      break;
    }
    quoted += escaped;
  }
  return cut ? `"${quoted}…" (${text.length} characters)` : `"${quoted}"`;
}

/**
 * A short, safe description of a bad input for an error message: short strings quoted and
 * escaped, long ones cut; never a value that looks like a Tiledesk shared secret (a UUID) or
 * that contains `secret` (the secret the caller passed, well-formed or not).
 *
 * @example
 * ```ts
 * describeValue(' ada');                  // '" ada"'
 * describeValue(secret, secret);          // 'a 36-character string (not shown: it looks like a secret)'
 * describeValue(['a']);                   // 'an array'
 * ```
 */
export function describeValue(value: unknown, secret?: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    if (looksSecret(value, secret)) return `a ${value.length}-character string (not shown: it looks like a secret)`;
    return quoteForLog(value, MESSAGE_TEXT_LIMIT);
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'bigint') return 'a bigint';
  try {
    if (Array.isArray(value)) return 'an array';
  } catch {
    return 'an object that cannot be read (a revoked Proxy)';
  }
  return `a ${typeof value}`;
}

/**
 * `message` with every occurrence of `secret` replaced, for text that quotes outside input.
 *
 * @example
 * ```ts
 * withoutSecret(`aud is ${aud}`, secret);
 * ```
 */
export function withoutSecret(message: string, secret: unknown): string {
  if (typeof secret !== 'string' || secret.length === 0) return message;
  return message.split(secret).join('[secret]');
}

/**
 * `message` with every UUID-shaped part replaced: for text from the app's own code, which may
 * hold a Tiledesk secret the library has not been given yet.
 *
 * @example
 * ```ts
 * withoutUuids(error.message); // 'cannot use [uuid]'
 * ```
 */
export function withoutUuids(message: string): string {
  return message.replace(new RegExp(UUID_SHAPE.source, 'gi'), '[uuid]');
}

function looksSecret(value: string, secret: unknown): boolean {
  if (UUID_SHAPE.test(value)) return true;
  if (typeof secret !== 'string' || secret.length === 0) return false;
  // A prefix of the secret is as bad as the secret; shorter fragments say nothing.
  return value.includes(secret) || (value.length >= 8 && secret.includes(value));
}
