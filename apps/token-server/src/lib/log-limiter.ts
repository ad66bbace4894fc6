import type { TokenServerLogger } from './token-server-options';

/**
 * How {@link limitLogLines} bounds what reaches the log.
 *
 * @example
 * ```ts
 * const limits: LogLimits = { maxChars: 300, burst: 20, intervalMs: 10_000 };
 * ```
 */
export interface LogLimits {
  /** Longest line written; the rest is replaced by a count. Default 300. */
  maxChars?: number;
  /** Warnings and errors written per interval before they are only counted. Default 20. */
  burst?: number;
  /** Length of a counting window in milliseconds. Default 10 000. */
  intervalMs?: number;
  /** The clock (tests pass their own). Default `Date.now`. */
  now?: () => number;
}

/**
 * A logger whose lines are bounded; {@link LimitedLogger.flush} writes the pending summary.
 *
 * @example
 * ```ts
 * const logger: LimitedLogger = limitLogLines(console);
 * logger.flush();
 * ```
 */
export interface LimitedLogger extends TokenServerLogger {
  /** Writes the "N more lines were not written" summary of the current window, if any. */
  flush(): void;
}

/**
 * Wraps `target` so that request-driven text cannot flood it: every line loses its control
 * characters (no forged extra lines) and is cut to `maxChars`; past `burst` warnings and errors
 * in one window, further ones are only counted, and one summary line per window says how many
 * were left out. Start-up lines (`info`) are cut but never dropped.
 *
 * @example
 * ```ts
 * const logger = limitLogLines(console, { burst: 20, intervalMs: 10_000 });
 * logger.warn(`refused: ${reasonQuotingTheRequest}`);
 * ```
 */
export function limitLogLines(target: TokenServerLogger, limits: LogLimits = {}): LimitedLogger {
  const maxChars = limits.maxChars ?? 300;
  const burst = limits.burst ?? 20;
  const intervalMs = limits.intervalMs ?? 10_000;
  const now = limits.now ?? Date.now;
  let windowStart = Number.NEGATIVE_INFINITY;
  let written = 0;
  let suppressed = 0;
  let summaryTimer: ReturnType<typeof setTimeout> | undefined;

  const flush = (): void => {
    if (summaryTimer !== undefined) clearTimeout(summaryTimer);
    summaryTimer = undefined;
    if (suppressed === 0) return;
    target.warn(
      `token-server: ${suppressed} more warning/error line(s) in the last ${Math.round(intervalMs / 1000)} s were not logged (rate limit).`,
    );
    suppressed = 0;
  };

  const limited = (write: (message: string) => void) => (message: string) => {
    const time = now();
    if (time - windowStart >= intervalMs) {
      flush();
      windowStart = time;
      written = 0;
    }
    if (written >= burst) {
      suppressed += 1;
      // Unref'd: a quiet server still gets its summary, and a stopping one is not held open.
      summaryTimer ??= setTimeout(flush, Math.max(0, windowStart + intervalMs - time)).unref();
      return;
    }
    written += 1;
    write(boundLine(message, maxChars));
  };

  return {
    info: (message) => target.info(boundLine(message, maxChars)),
    warn: limited((message) => target.warn(message)),
    error: limited((message) => target.error(message)),
    flush,
  };
}

/**
 * `message` without control characters, cut to `maxChars` with a count of what was cut.
 *
 * @example
 * ```ts
 * boundLine('a\nb', 300); // 'a\\nb'
 * ```
 */
export function boundLine(message: string, maxChars: number): string {
  // eslint-disable-next-line no-control-regex
  const oneLine = message.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => (c === '\n' ? '\\n' : c === '\r' ? '\\r' : '?'));
  if (oneLine.length <= maxChars) return oneLine;
  return `${oneLine.slice(0, maxChars)}… (${oneLine.length - maxChars} more characters)`;
}
