import { parseAllowedOrigins } from './origin-policy.js';
import { plainFieldsReading, readPlainFields } from './plain-data.js';
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
 * Checks the options of a token handler when it is created and throws a
 * {@link TiledeskTokenError} naming the option for any mistake: not an object, an unknown option
 * (a typo), a bad project id, secret, lifetime, `userIdKind`, `getUser`, `allowedOrigins` entry
 * or `logger`. Messages start with the option's name and never show the secret.
 *
 * @example
 * ```ts
 * const checked = checkHandlerOptions(options, 'createNodeTokenHandler');
 * ```
 */
export function checkHandlerOptions<Req>(options: unknown, creator: string): CheckedHandlerOptions<Req> {
  const fields = readPlainFields(
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
  const { projectId, secret, getUser, logger } = fields;
  assertProjectId(projectId, 'projectId');
  assertSecret(secret, 'secret');
  const expiresIn = checkExpiresIn(fields.expiresIn, 'expiresIn', secret);
  const userIdKind = checkUserIdKind(fields.userIdKind, 'userIdKind', 'invalid-handler-options', secret);
  if (typeof getUser !== 'function') {
    throw new TiledeskTokenError(
      'invalid-handler-options',
      'getUser',
      'getUser must be a function returning the signed-in user or null.',
    );
  }
  const allowedOrigins = parseAllowedOrigins(fields.allowedOrigins, secret);
  if (logger !== undefined && !isLogger(logger)) {
    throw new TiledeskTokenError(
      'invalid-handler-options',
      'logger',
      'logger must be an object whose info, warn and error, where present, are functions (pass {} for silence).',
    );
  }
  return {
    projectId,
    secret,
    getUser: getUser as TokenHandlerOptions<Req>['getUser'],
    expiresIn,
    userIdKind,
    allowedOrigins,
    logger: logger ?? consoleTokenLogger,
  };
}

function isLogger(value: unknown): value is TokenHandlerLogger {
  if (typeof value !== 'object' || value === null) return false;
  const methods = value as Record<keyof TokenHandlerLogger, unknown>;
  return (['info', 'warn', 'error'] as const).every((level) => methods[level] === undefined || typeof methods[level] === 'function');
}
