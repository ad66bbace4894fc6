import type { TokenHandlerLogger } from './token-logger.js';

/**
 * How many lines one kind of refusal may write per window; the rest are counted, and the count
 * is written once the window is over. A flood of forged requests then costs a few lines a
 * minute, not one line each.
 *
 * @example
 * ```ts
 * const limits: RefusalLogLimits = { linesPerWindow: 10, windowMs: 60_000, now: () => Date.now() };
 * ```
 */
export interface RefusalLogLimits {
  linesPerWindow: number;
  windowMs: number;
  /** The clock, epoch milliseconds; tests pass their own. */
  now(): number;
}

/**
 * Ten lines a minute for each kind of refusal.
 *
 * @example
 * ```ts
 * createRefusalLog(logger, DEFAULT_REFUSAL_LOG_LIMITS);
 * ```
 */
export const DEFAULT_REFUSAL_LOG_LIMITS: RefusalLogLimits = Object.freeze({
  linesPerWindow: 10,
  windowMs: 60_000,
  now: () => Date.now(),
});

/**
 * Writes one line for a request: `level` is the logger method, `kind` groups lines for the
 * rate limit (e.g. `cross-site-request`); `kind: null` is never limited.
 *
 * @example
 * ```ts
 * log('warn', 'cross-site-request', 'Tiledesk token request refused: ...');
 * ```
 */
export type RefusalLog = (level: keyof TokenHandlerLogger, kind: string | null, line: string) => void;

interface Window {
  startedAt: number;
  written: number;
  suppressed: number;
}

/**
 * A {@link RefusalLog} over `logger`, rate-limited per kind. A logger that throws is ignored:
 * logging must never turn an answer into a crash.
 *
 * @example
 * ```ts
 * const log = createRefusalLog(options.logger ?? consoleTokenLogger, DEFAULT_REFUSAL_LOG_LIMITS);
 * ```
 */
export function createRefusalLog(logger: TokenHandlerLogger, limits: RefusalLogLimits): RefusalLog {
  const windows = new Map<string, Window>();
  const write = (level: keyof TokenHandlerLogger, line: string) => {
    try {
      logger[level]?.(line);
    } catch {
      // Nothing sensible to do: the request's answer matters more than its log line.
    }
  };
  return (level, kind, line) => {
    if (kind === null) return write(level, line);
    const now = limits.now();
    let window = windows.get(kind);
    if (!window || now - window.startedAt >= limits.windowMs) {
      if (window && window.suppressed > 0) {
        write(
          level,
          `Tiledesk token: ${window.suppressed} more ${kind} refusals were not logged (at most ${limits.linesPerWindow} lines every ${limits.windowMs / 1000} s).`,
        );
      }
      window = { startedAt: now, written: 0, suppressed: 0 };
      windows.set(kind, window);
    }
    if (window.written < limits.linesPerWindow) {
      window.written += 1;
      write(level, line);
      return;
    }
    if (window.suppressed === 0) {
      write(level, `Tiledesk token: too many ${kind} refusals; the next ones are counted, not logged, for ${limits.windowMs / 1000} s.`);
    }
    window.suppressed += 1;
  };
}
