import { sampleRuntime } from './server/sample-runtime';
import { SampleSettingsError } from './server/sample-settings';

/**
 * The Node.js half of `instrumentation.ts`: creates the sample's runtime (reads the settings,
 * creates the emulator's project), so a bad setting stops the server with one line on stderr and
 * exit code 1 before it serves anything, and the first page does not wait for the project.
 *
 * @example
 * ```ts
 * if (process.env.NEXT_RUNTIME === 'nodejs') await (await import('./instrumentation-node')).startSample();
 * ```
 */
export async function startSample(): Promise<void> {
  try {
    await sampleRuntime();
  } catch (error) {
    const message =
      error instanceof SampleSettingsError ? error.message : `could not start: ${error instanceof Error ? error.message : String(error)}`;
    process.stderr.write(`next-sample: ${message}\n`);
    process.exit(1);
  }
}
