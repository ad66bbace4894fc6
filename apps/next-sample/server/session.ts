import { randomUUID } from 'node:crypto';
import { findDemoUser, type DemoUser } from '@samples/kit';
import { getIronSession, type IronSession, type SessionOptions } from 'iron-session';
import { cookies } from 'next/headers';
import { processMemo } from './process-memo';
import { sessionKey } from './session-key';

/**
 * Name of the session cookie, the same as the token server's.
 *
 * @example
 * ```ts
 * response.cookies.delete(SESSION_COOKIE);
 * ```
 */
export const SESSION_COOKIE = 'tiledesk_demo_session';

/**
 * How long a demo session lasts from sign-in: 8 hours, fixed (using it does not extend it).
 *
 * @example
 * ```ts
 * const endsAt = Date.now() + SESSION_LIFETIME_MS;
 * ```
 */
export const SESSION_LIFETIME_MS = 8 * 60 * 60 * 1000;

/** Ended sessions remembered at most; past that the oldest entries go (their cookies end by themselves within 8 h). */
const MAX_REVOKED_SESSIONS = 10_000;

/** What the sealed cookie holds. Sealed (encrypted and authenticated), so the browser can neither read nor change it. */
interface DemoSessionData {
  /** A random id per sign-in, so that a sign-out can refuse this one cookie if it is replayed. */
  sessionId?: string;
  userId?: string;
  /** Epoch milliseconds when the session ends, however often it is used before then. */
  endsAt?: number;
}

/** Sessions signed out before their end, by id, with their end (when they may be forgotten). */
const revokedSessions = () => processMemo('next-sample:revoked-sessions', () => new Map<string, number>());

async function openSession(secure = false): Promise<IronSession<DemoSessionData>> {
  const options: SessionOptions = {
    password: sessionKey(),
    cookieName: SESSION_COOKIE,
    ttl: SESSION_LIFETIME_MS / 1000,
    // Secure only when the visitor came over https: a loopback http demo would lose the cookie.
    cookieOptions: { httpOnly: true, sameSite: 'lax', secure, path: '/' },
  };
  return getIronSession<DemoSessionData>(await cookies(), options);
}

/**
 * The demo user of this request's session, or `null`: the one session check every route and
 * the page use (the token route included). A cookie that does not unseal with the key, has
 * ended, or was signed out is no session.
 *
 * @example
 * ```ts
 * const user = await sessionUser(); // DemoUser | null
 * ```
 */
export async function sessionUser(): Promise<DemoUser | null> {
  const session = await openSession();
  const { sessionId, userId, endsAt } = session;
  if (sessionId === undefined || typeof endsAt !== 'number' || endsAt <= Date.now()) return null;
  if (revokedSessions().has(sessionId)) return null;
  return findDemoUser(userId) ?? null;
}

/**
 * Signs `user` in under a new session id, in a sealed httpOnly SameSite=Lax cookie (`Secure`
 * when `secure`). Route handlers only: a page cannot set cookies.
 *
 * @example
 * ```ts
 * await startSession(ada, new URL(request.url).protocol === 'https:');
 * ```
 */
export async function startSession(user: DemoUser, secure: boolean): Promise<void> {
  const session = await openSession(secure);
  forget(session.sessionId, session.endsAt);
  session.sessionId = randomUUID();
  session.userId = user.id;
  session.endsAt = Date.now() + SESSION_LIFETIME_MS;
  await session.save();
}

/**
 * Signs out: clears the cookie, and remembers the session id until its end, so a copy of the
 * cookie replayed later is no session. Route handlers only.
 *
 * @example
 * ```ts
 * await endSession();
 * ```
 */
export async function endSession(): Promise<void> {
  const session = await openSession();
  forget(session.sessionId, session.endsAt);
  session.destroy();
}

function forget(sessionId: string | undefined, endsAt: number | undefined): void {
  if (sessionId === undefined || typeof endsAt !== 'number') return;
  const revoked = revokedSessions();
  const now = Date.now();
  for (const [id, end] of revoked) if (end <= now) revoked.delete(id);
  // A Map iterates in insertion order: the first entries are the oldest.
  while (revoked.size >= MAX_REVOKED_SESSIONS) {
    const oldest = revoked.keys().next().value;
    if (oldest === undefined) break;
    revoked.delete(oldest);
  }
  revoked.set(sessionId, endsAt);
}
