/**
 * Runs once when the Next.js server starts; the sample's start-up lives in
 * `instrumentation-node.ts`, loaded for the Node.js server only (it uses node:crypto and the
 * emulator's control API).
 *
 * @example
 * ```ts
 * // Next.js calls it; nothing to call yourself.
 * await register();
 * ```
 */
export async function register(): Promise<void> {
  // Written out as `process.env.NEXT_RUNTIME`: Next.js replaces exactly that at build time, so
  // the edge build drops the import.
  if (process.env.NEXT_RUNTIME === 'nodejs') await (await import('./instrumentation-node')).startSample();
}
