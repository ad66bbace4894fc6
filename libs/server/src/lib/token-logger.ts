/**
 * Where the token handlers report what happened. Messages carry user ids and error codes,
 * never a token or a secret. Every method is optional; the default logs warnings and errors
 * to `console`.
 *
 * @example
 * ```ts
 * createTokenHandler({ projectId, secret, getUser, logger: { error: (m) => pino.error(m) } });
 * ```
 */
export interface TokenHandlerLogger {
  info?(message: string): void;
  warn?(message: string): void;
  error?(message: string): void;
}

/**
 * The default logger: warnings and errors to the console; successes stay quiet.
 *
 * @example
 * ```ts
 * createTokenHandler({ projectId, secret, getUser, logger: consoleTokenLogger });
 * ```
 */
export const consoleTokenLogger: TokenHandlerLogger = {
  warn: (message) => console.warn(message),
  error: (message) => console.error(message),
};
