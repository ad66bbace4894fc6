import { DEMO_USERS, findDemoUser } from '@samples/kit';
import { jsonNoStore, readJsonObject } from '../../../server/json-response';
import { endSession, sessionUser, startSession } from '../../../server/session';

export const dynamic = 'force-dynamic';

/**
 * `GET /api/session`: `{ user }`, `null` when nobody is logged in.
 *
 * @example
 * ```ts
 * const { user } = await (await fetch('/api/session')).json();
 * ```
 */
export async function GET(): Promise<Response> {
  return jsonNoStore({ user: await sessionUser() });
}

/**
 * `POST /api/session {userId}`: logs in as that demo user (a new sealed session cookie) → `{ user }`;
 * an unknown id, or a body that is not JSON, gets 400.
 *
 * @example
 * ```ts
 * await fetch('/api/session', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"userId":"ada"}' });
 * ```
 */
export async function POST(request: Request): Promise<Response> {
  const user = findDemoUser((await readJsonObject(request))?.['userId']);
  if (user === undefined) {
    return jsonNoStore(
      { error: 'unknown-user', message: `Send JSON {"userId": one of ${DEMO_USERS.map((each) => `"${each.id}"`).join(', ')}}.` },
      400,
    );
  }
  await startSession(user, cameOverHttps(request));
  return jsonNoStore({ user });
}

/**
 * `DELETE /api/session`: logs out → `{ user: null }`.
 *
 * @example
 * ```ts
 * await fetch('/api/session', { method: 'DELETE' });
 * ```
 */
export async function DELETE(): Promise<Response> {
  await endSession();
  return jsonNoStore({ user: null });
}

function cameOverHttps(request: Request): boolean {
  return new URL(request.url).protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https';
}
