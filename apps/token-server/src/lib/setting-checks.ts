import { TokenServerConfigError } from './token-server-options';

/**
 * Shortest `SESSION_SECRET` accepted: 32 characters, what 24 random bytes give in base64.
 *
 * @example
 * ```ts
 * if (secret.length < MIN_SESSION_SECRET_LENGTH) throw new Error('too short');
 * ```
 */
export const MIN_SESSION_SECRET_LENGTH = 32;

/** Fewer distinct characters than this is a pattern ("aaaa…", "abab…"), not a key. */
const MIN_DISTINCT_CHARACTERS = 8;

const HOW_TO_MAKE_ONE = `node -e "console.log(require('crypto').randomBytes(32).toString('base64url'))"`;

/**
 * Throws a {@link TokenServerConfigError} naming `setting` unless `secret` is a strong key for
 * the session cookie's signature: not blank, {@link MIN_SESSION_SECRET_LENGTH}+ characters, not a
 * repeated pattern. The message gives its length, never its text.
 *
 * @example
 * ```ts
 * checkSessionSecret(process.env['SESSION_SECRET'] ?? '', 'SESSION_SECRET');
 * ```
 */
export function checkSessionSecret(secret: string, setting: string): void {
  const problem =
    secret.trim() === ''
      ? 'is blank'
      : secret.length < MIN_SESSION_SECRET_LENGTH
        ? `is too short (${secret.length} characters, at least ${MIN_SESSION_SECRET_LENGTH})`
        : new Set(secret).size < MIN_DISTINCT_CHARACTERS
          ? `repeats too few characters (${new Set(secret).size} distinct) to be a key`
          : null;
  if (problem) {
    throw new TokenServerConfigError(
      setting,
      `${setting} ${problem}: use a random value, e.g. ${HOW_TO_MAKE_ONE}, or leave it unset for a random one per start.`,
    );
  }
}

/**
 * Throws a {@link TokenServerConfigError} naming `setting` unless `widgetUrl` is an http(s) URL
 * of a `launch.js`, with no query, fragment or credentials. The value is quoted only once it is
 * known to be such a URL (a secret pasted into the wrong variable never reaches a log).
 *
 * @example
 * ```ts
 * checkWidgetUrl('https://widget.tiledesk.com/v6/launch.js', 'TILEDESK_WIDGET_URL');
 * ```
 */
export function checkWidgetUrl(widgetUrl: string, setting: string): void {
  const rule = `${setting} must be an http(s) URL ending in /launch.js with no query`;
  let url: URL;
  try {
    url = new URL(widgetUrl);
  } catch {
    throw new TokenServerConfigError(setting, `${rule} (got a ${widgetUrl.length}-character value that is not a URL).`);
  }
  if (!/^https?:$/.test(url.protocol)) {
    throw new TokenServerConfigError(setting, `${rule} (got a ${url.protocol.replace(/:$/, '').slice(0, 10)}: URL).`);
  }
  if (url.username || url.password) {
    throw new TokenServerConfigError(setting, `${rule} and no user name or password in it.`);
  }
  if (!url.pathname.endsWith('/launch.js') || url.search || url.hash) {
    throw new TokenServerConfigError(
      setting,
      `${rule} (got ${url.origin}${url.pathname.slice(0, 200)}${url.search || url.hash ? '?…' : ''}).`,
    );
  }
}

/**
 * A bad setting's value as an error message may show it: quoted when short enough to be a
 * typo (`"eighty"`), else only its length, so a secret in the wrong variable is never printed.
 *
 * @example
 * ```ts
 * describeValue('eighty'); // '"eighty"'
 * describeValue('5d0f3c7e-2b1a-4c9d-8e7f-6a5b4c3d2e1f'); // 'a 36-character value'
 * ```
 */
export function describeValue(value: string): string {
  return value.length <= 12 ? JSON.stringify(value) : `a ${value.length}-character value`;
}
