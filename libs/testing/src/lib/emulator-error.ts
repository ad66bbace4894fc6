/**
 * What went wrong when driving the emulator.
 *
 * @example
 * ```ts
 * if (error instanceof EmulatorError && error.code === 'unknown-project') createItFirst();
 * ```
 *
 * `timeout`: a test helper's wait (`waitForWidgetQuiet()`) ran out.
 */
export type EmulatorErrorCode = 'unknown-project' | 'duplicate-project' | 'invalid-argument' | 'control-request-failed' | 'timeout';

/**
 * A typed error of the emulator's own API (never of the emulated Tiledesk, which answers HTTP).
 *
 * @example
 * ```ts
 * throw new EmulatorError('unknown-project', 'No project "p1" in this emulator');
 * ```
 */
export class EmulatorError extends Error {
  override readonly name = 'EmulatorError';

  constructor(
    readonly code: EmulatorErrorCode,
    message: string,
  ) {
    super(message);
  }
}
