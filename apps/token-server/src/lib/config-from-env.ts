import { parseOrigins } from '@samples/kit';
import { assertTokenHandlerOptions, TiledeskTokenError } from '@tiledesk-auth/server';
import { checkRealWidgetDir } from './real-widget-dir';
import { checkSessionSecret, checkWidgetUrl, describeValue } from './setting-checks';
import { type StartTokenServerOptions, TokenServerConfigError } from './token-server-options';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Which environment variable carries each input the server library checks. */
const ENV_NAME_OF_FIELD: Record<string, string> = {
  projectId: 'TILEDESK_PROJECT_ID',
  secret: 'TILEDESK_SHARED_SECRET',
  expiresIn: 'TOKEN_EXPIRES_IN',
};

/**
 * Reads the token server's settings from environment variables: `PORT` (default 4300), `HOST`
 * (default 127.0.0.1), `TILEDESK_PROJECT_ID` + `TILEDESK_SHARED_SECRET` (both or neither; neither
 * = emulator mode), `TILEDESK_WIDGET_URL`, `CSP_CONNECT_SRC` (origins the real widget reaches),
 * `TILEDESK_REAL_WIDGET_DIR` (emulator mode: serve that build of the real widget),
 * `TOKEN_EXPIRES_IN` (seconds) and `SESSION_SECRET` (32+ characters). Throws a
 * {@link TokenServerConfigError} naming the variable.
 *
 * @example
 * ```ts
 * const options = tokenServerOptionsFromEnv(process.env);
 * ```
 */
export function tokenServerOptionsFromEnv(env: Readonly<Record<string, string | undefined>>): StartTokenServerOptions {
  const value = (name: string): string | undefined => {
    const raw = env[name]?.trim();
    return raw === '' ? undefined : raw;
  };
  const options: StartTokenServerOptions = {
    port: parsePort(value('PORT')),
    host: value('HOST') ?? '127.0.0.1',
  };

  const projectId = value('TILEDESK_PROJECT_ID');
  const secret = value('TILEDESK_SHARED_SECRET');
  const widgetUrl = value('TILEDESK_WIDGET_URL');
  const realWidgetDir = value('TILEDESK_REAL_WIDGET_DIR');
  if ((projectId === undefined) !== (secret === undefined)) {
    const [given, missing] = projectId
      ? ['TILEDESK_PROJECT_ID', 'TILEDESK_SHARED_SECRET']
      : ['TILEDESK_SHARED_SECRET', 'TILEDESK_PROJECT_ID'];
    throw new TokenServerConfigError(
      missing,
      `${given} is set but ${missing} is not: set both for a real Tiledesk project, or neither for the offline emulator.`,
    );
  }
  if (projectId === undefined && widgetUrl !== undefined) {
    throw new TokenServerConfigError(
      'TILEDESK_WIDGET_URL',
      'TILEDESK_WIDGET_URL needs TILEDESK_PROJECT_ID and TILEDESK_SHARED_SECRET; without them the server uses its own emulator (TILEDESK_REAL_WIDGET_DIR makes it serve a real widget build).',
    );
  }
  if (projectId !== undefined && realWidgetDir !== undefined) {
    throw new TokenServerConfigError(
      'TILEDESK_REAL_WIDGET_DIR',
      'TILEDESK_REAL_WIDGET_DIR is for the offline emulator; with TILEDESK_PROJECT_ID the widget comes from TILEDESK_WIDGET_URL (default: Tiledesk cloud).',
    );
  }
  if (projectId !== undefined && secret !== undefined) {
    options.tiledesk = { projectId, secret };
    if (widgetUrl !== undefined) {
      checkWidgetUrl(widgetUrl, 'TILEDESK_WIDGET_URL');
      options.tiledesk.widgetUrl = widgetUrl;
    }
  }
  const cspConnectSrc = value('CSP_CONNECT_SRC');
  if (cspConnectSrc !== undefined) {
    if (projectId === undefined) {
      throw new TokenServerConfigError(
        'CSP_CONNECT_SRC',
        "CSP_CONNECT_SRC is for a real Tiledesk project's widget; the pages already allow the emulator.",
      );
    }
    options.cspConnectSrc = parseOrigins(
      cspConnectSrc,
      'CSP_CONNECT_SRC',
      (setting, message) => new TokenServerConfigError(setting, message),
    );
  }
  if (realWidgetDir !== undefined) options.realWidgetDir = checkRealWidgetDir(realWidgetDir, 'TILEDESK_REAL_WIDGET_DIR');

  const expiresIn = value('TOKEN_EXPIRES_IN');
  if (expiresIn !== undefined) {
    if (!/^\d+$/.test(expiresIn)) {
      throw new TokenServerConfigError(
        'TOKEN_EXPIRES_IN',
        `TOKEN_EXPIRES_IN must be a whole number of seconds (got ${describeValue(expiresIn)}).`,
      );
    }
    options.tokenExpiresIn = Number(expiresIn);
  }
  const sessionSecret = env['SESSION_SECRET'];
  if (sessionSecret !== undefined) {
    checkSessionSecret(sessionSecret, 'SESSION_SECRET');
    options.sessionSecret = sessionSecret;
  }

  checkTokenSettings(options, (field) => ENV_NAME_OF_FIELD[field] ?? field);
  return options;
}

/**
 * Checks the token inputs with `@tiledesk-auth/server` itself, so the rules live in one place,
 * and rethrows its error naming the setting as `nameOf(field)` calls it.
 *
 * @example
 * ```ts
 * checkTokenSettings(options, (field) => `tiledesk.${field}`);
 * ```
 */
export function checkTokenSettings(options: StartTokenServerOptions, nameOf: (field: string) => string): void {
  try {
    assertTokenHandlerOptions({
      // A well-formed stand-in when there are no credentials (the emulator makes its own).
      projectId: options.tiledesk?.projectId ?? '000000000000000000000000',
      secret: options.tiledesk?.secret ?? 'emulator-generates-its-own-secret',
      expiresIn: options.tokenExpiresIn,
      getUser: () => null,
    });
  } catch (error) {
    if (error instanceof TiledeskTokenError) {
      const name = nameOf(error.field);
      // The project id's message quotes a short bad value, and a secret pasted into the wrong
      // variable would be quoted with it: that message is ours, without the value.
      const looksLikeSecret = UUID.test(options.tiledesk?.projectId.trim() ?? '');
      const message =
        error.field !== 'projectId'
          ? error.message.replace(/^\S+ /, '')
          : looksLikeSecret
            ? 'must be a Tiledesk project id: 24 hexadecimal characters (got a UUID, which looks like a shared secret: are the project id and the secret swapped?).'
            : 'must be a Tiledesk project id: 24 hexadecimal characters (the value is not shown: it may be a secret).';
      throw new TokenServerConfigError(name, `${name} ${message}`);
    }
    throw error;
  }
}

function parsePort(raw: string | undefined): number {
  if (raw === undefined) return 4300;
  const port = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(port) || port > 65_535) {
    throw new TokenServerConfigError('PORT', `PORT must be a port number from 0 to 65535 (got ${describeValue(raw)}).`);
  }
  return port;
}
