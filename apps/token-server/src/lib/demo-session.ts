import type { Request, RequestHandler, Response } from 'express';
import session, { type SessionData } from 'express-session';
import createMemoryStore from 'memorystore';
import { type DemoUser, findDemoUser } from './demo-users';

declare module 'express-session' {
  interface SessionData {
    /** The signed-in demo user. */
    userId: string;
    /** Epoch milliseconds when the session ends, however often it is used before then. */
    endsAt: number;
  }
}

/**
 * Name of the session cookie. Its value is express-session's signed random session id; the
 * user it stands for lives only in the server's session store.
 *
 * @example
 * ```ts
 * res.clearCookie(SESSION_COOKIE);
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

/**
 * How many sessions the in-memory store keeps at most; past that the least recently used one
 * is dropped (its visitor is signed out), so a flood of sign-ins cannot grow the heap.
 *
 * @example
 * ```ts
 * MAX_SESSIONS; // 10000
 * ```
 */
export const MAX_SESSIONS = 10_000;

/**
 * The session middleware every route shares (`express-session`): the cookie carries only a
 * random id signed with `secret`; an unsigned, tampered or unknown id is no session at all. The
 * store is `memorystore`, bounded by {@link MAX_SESSIONS}, and drops each session at its
 * `endsAt`. The cookie is httpOnly and SameSite=Lax, and `Secure` whenever the visitor came over
 * https (directly, or through a loopback proxy's `X-Forwarded-Proto`, per Express's
 * `trust proxy`). Nothing is stored for visitors who never sign in.
 *
 * @example
 * ```ts
 * app.use('/api', demoSessions(sessionSecret));
 * app.get('/api/me', (req, res) => res.json({ user: sessionUser(req) }));
 * ```
 */
export function demoSessions(secret: string): RequestHandler {
  const MemoryStore = createMemoryStore(session);
  const store = new MemoryStore({
    max: MAX_SESSIONS,
    // The store's time-to-live is what is left until the fixed end (a plain maxAge TTL would
    // restart on every save).
    ttl: (_options: unknown, data: Partial<SessionData> | undefined) => timeLeft(data?.endsAt),
  });
  // Sessions end at a fixed time, so express-session's per-request "touch" would only rewrite
  // the stored entry (and split the response in two writes) on every token request. Without a
  // touch method, express-session never calls it.
  Object.defineProperty(store, 'touch', { value: undefined });
  return session({
    name: SESSION_COOKIE,
    secret,
    store,
    resave: false,
    saveUninitialized: false,
    rolling: false,
    unset: 'destroy',
    cookie: { httpOnly: true, sameSite: 'lax', secure: 'auto', path: '/', maxAge: SESSION_LIFETIME_MS },
  });
}

/**
 * What {@link sessionUser} reads from a request once {@link demoSessions} has run: Express's
 * request, or Node's own (express-session is Connect middleware and sets it on either).
 *
 * @example
 * ```ts
 * const user = sessionUser(req as IncomingMessage & SessionCarrier);
 * ```
 */
export interface SessionCarrier {
  session?: Partial<SessionData>;
}

/**
 * The demo user of the request's session, or `null`: the one check every route uses (the token
 * route included). Needs {@link demoSessions} in front.
 *
 * @example
 * ```ts
 * const user = sessionUser(req); // DemoUser | null
 * ```
 */
export function sessionUser(req: SessionCarrier): DemoUser | null {
  const data = req.session;
  // The store already drops ended sessions; this also covers a store that keeps them a bit longer.
  if (!data || timeLeft(data.endsAt) <= 1) return null;
  return findDemoUser(data.userId) ?? null;
}

/**
 * Signs `user` in under a NEW session id (the old session, if any, is destroyed first: a
 * session id planted before sign-in is worth nothing after it).
 *
 * @example
 * ```ts
 * await startSession(req, ada);
 * ```
 */
export async function startSession(req: Request, user: DemoUser): Promise<void> {
  await new Promise<void>((done, fail) => req.session.regenerate((error: unknown) => (error ? fail(error) : done())));
  req.session.userId = user.id;
  req.session.endsAt = Date.now() + SESSION_LIFETIME_MS;
  await new Promise<void>((done, fail) => req.session.save((error: unknown) => (error ? fail(error) : done())));
}

/**
 * Signs out: removes the session from the store, so a copy of the cookie replayed later is no
 * session, and asks the browser to drop the cookie.
 *
 * @example
 * ```ts
 * await endSession(req, res);
 * ```
 */
export async function endSession(req: Request, res: Response): Promise<void> {
  if (req.session) {
    await new Promise<void>((done, fail) => req.session.destroy((error: unknown) => (error ? fail(error) : done())));
  }
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: req.secure, path: '/' });
}

/** Milliseconds until `endsAt`, at least 1: the store reads 0 as "never expires". */
function timeLeft(endsAt: number | undefined): number {
  return typeof endsAt === 'number' && Number.isFinite(endsAt) ? Math.max(1, endsAt - Date.now()) : 1;
}
