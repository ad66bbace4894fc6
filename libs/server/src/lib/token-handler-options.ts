import { parseAllowedOrigins } from './origin-policy.js';
import { type PlainFields, plainFieldsReading, readPlainFields } from './plain-data.js';
import { TiledeskTokenError } from './tiledesk-token-error.js';
import { consoleTokenLogger, type TokenHandlerLogger } from './token-logger.js';
import type { TokenHandlerOptions } from './token-request.js';
import { assertProjectId, assertSecret, checkExpiresIn, checkUserIdKind } from './validate-mint-input.js';
import type { TiledeskUserIdKind } from './visitor-id.js';

const HANDLER_OPTION_KEYS = ['projectId', 'secret', 'getUser', 'expiresIn', 'userIdKind', 'allowedOrigins', 'logger'] as const;

/**
 * Handler options once checked, read once from the caller's object.
 *
 * @example
 * ```ts
 * const { projectId, allowedOrigins } = checkHandlerOptions(options, 'createTokenHandler');
 * ```
 */
export interface CheckedHandlerOptions<Req> {
  projectId: string;
  secret: string;
  getUser: TokenHandlerOptions<Req>['getUser'];
  expiresIn: number;
  userIdKind: TiledeskUserIdKind;
  /** Serialized origins (`https://app.example.com`). */
  allowedOrigins: ReadonlySet<string>;
  logger: TokenHandlerLogger;
}

/**
 * What checking a handler's options gave: the checked options, or the first mistake and the
 * logger to report it to (the caller's own when that option was valid, else the console).
 *
 * @example
 * ```ts
 * const outcome = readHandlerOptions(options, 'createTokenHandler');
 * if (!outcome.ok) outcome.logger.error?.(outcome.error.message);
 * ```
 */
export type HandlerOptionsOutcome<Req> =
  { ok: true; checked: CheckedHandlerOptions<Req> } | { ok: false; error: TiledeskTokenError; logger: TokenHandlerLogger };

/**
 * Checks the options of a token handler and throws a {@link TiledeskTokenError} naming the
 * option for any mistake: not an object, an unknown option (a typo), a bad project id, secret,
 * lifetime, `userIdKind`, `getUser`, `allowedOrigins` entry or `logger`. Messages start with the
 * option's name and never show the secret.
 *
 * @example
 * ```ts
 * const checked = checkHandlerOptions(options, 'createNodeTokenHandler');
 * ```
 */
export function checkHandlerOptions<Req>(options: unknown, creator: string): CheckedHandlerOptions<Req> {
  const outcome = readHandlerOptions<Req>(options, creator);
  if (!outcome.ok) throw outcome.error;
  return outcome.checked;
}

/**
 * {@link checkHandlerOptions} without the throw: each option is read once, the logger first, so
 * that a handler whose other options are wrong can still report it where its owner looks.
 *
 * @example
 * ```ts
 * const outcome = readHandlerOptions(options, 'createNodeTokenHandler');
 * ```
 */
export function readHandlerOptions<Req>(options: unknown, creator: string): HandlerOptionsOutcome<Req> {
  let fields: PlainFields<(typeof HANDLER_OPTION_KEYS)[number]>;
  try {
    fields = readPlainFields(
      options,
      plainFieldsReading({
        field: 'options',
        bareKeys: true,
        code: 'invalid-handler-options',
        what: `an options object for ${creator}() with projectId, secret and getUser`,
        keys: HANDLER_OPTION_KEYS,
        codeFor: { projectId: 'invalid-project-id', secret: 'invalid-secret', expiresIn: 'invalid-expires-in' },
        rejectKey: (_key, path) => new TiledeskTokenError('unknown-field', path, `${path} is not an option of ${creator}() (a typo?).`),
      }),
    );
  } catch (error) {
    return failed(
      error,
      error instanceof TiledeskTokenError && error.code === 'unknown-field' ? loggerBesideTypo(options) : consoleTokenLogger,
    );
  }
  const { logger } = fields;
  if (logger !== undefined && !isLogger(logger)) {
    return failed(
      new TiledeskTokenError(
        'invalid-handler-options',
        'logger',
        'logger must be an object whose info, warn and error, where present, are functions (pass {} for silence).',
      ),
      consoleTokenLogger,
    );
  }
  const chosenLogger = logger ?? consoleTokenLogger;
  try {
    return { ok: true, checked: checkFields<Req>(fields, chosenLogger) };
  } catch (error) {
    return failed(error, chosenLogger);
  }
}

function checkFields<Req>(
  fields: PlainFields<(typeof HANDLER_OPTION_KEYS)[number]>,
  logger: TokenHandlerLogger,
): CheckedHandlerOptions<Req> {
  const { projectId, secret, getUser } = fields;
  assertProjectId(projectId, 'projectId');
  assertSecret(secret, 'secret');
  const expiresIn = checkExpiresIn(fields.expiresIn, 'expiresIn', secret);
  const userIdKind = checkUserIdKind(fields.userIdKind, 'userIdKind', 'invalid-handler-options', secret);
  if (typeof getUser !== 'function') {
    throw new TiledeskTokenError('invalid-handler-options', 'getUser', 'getUser must be a function returning the signed-in user or null.');
  }
  const allowedOrigins = parseAllowedOrigins(fields.allowedOrigins, secret);
  return {
    projectId,
    secret,
    getUser: getUser as TokenHandlerOptions<Req>['getUser'],
    expiresIn,
    userIdKind,
    allowedOrigins,
    logger,
  };
}

/**
 * The caller's logger when a typo in another option stopped the reading: its data property only
 * (a getter is not run twice), else the console.
 */
function loggerBesideTypo(options: unknown): TokenHandlerLogger {
  try {
    const logger: unknown = Object.getOwnPropertyDescriptor(options, 'logger')?.value;
    return isLogger(logger) ? logger : consoleTokenLogger;
  } catch {
    return consoleTokenLogger;
  }
}

function failed(error: unknown, logger: TokenHandlerLogger): { ok: false; error: TiledeskTokenError; logger: TokenHandlerLogger } {
  // Every check above throws its own typed error; anything else is a bug worth seeing as one.
  if (error instanceof TiledeskTokenError) return { ok: false, error, logger };
  throw error;
}

function isLogger(value: unknown): value is TokenHandlerLogger {
  if (typeof value !== 'object' || value === null) return false;
  const methods = value as Record<keyof TokenHandlerLogger, unknown>;
  return (['info', 'warn', 'error'] as const).every((level) => methods[level] === undefined || typeof methods[level] === 'function');
}
