import { jsonNoStore } from '../../../server/json-response';
import { sampleRuntime } from '../../../server/sample-runtime';

// Per run (the emulator's project), never at build time.
export const dynamic = 'force-dynamic';

/**
 * `GET /api/config`: `{ projectId, widgetUrl, mode, widget }`.
 *
 * @example
 * ```ts
 * const { projectId, widgetUrl } = await (await fetch('/api/config')).json();
 * ```
 */
export async function GET(): Promise<Response> {
  return jsonNoStore((await sampleRuntime()).config);
}
