import { DEMO_USERS } from '@samples/kit';
import { jsonNoStore } from '../../../server/json-response';

export const dynamic = 'force-dynamic';

/**
 * `GET /api/demo-users`: ada, grace and alan.
 *
 * @example
 * ```ts
 * const users = await (await fetch('/api/demo-users')).json();
 * ```
 */
export function GET(): Response {
  return jsonNoStore(DEMO_USERS);
}
