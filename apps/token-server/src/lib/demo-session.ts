import { parse } from 'cookie';
import { signedCookie } from 'cookie-parser';
import type { Request, Response } from 'express';
import { type DemoUser, findDemoUser } from './demo-users';

/**
 * Name of the signed session cookie; its value is only the demo user's id.
 *
 * @example
 * ```ts
 * req.signedCookies[SESSION_COOKIE]; // 'ada'
 * ```
 */
export const SESSION_COOKIE = 'tiledesk_demo_session';

/**
 * The demo user whose signed session cookie came with the request, or `null`. A cookie with a
 * bad signature is ignored (cookie-parser puts `false` in `signedCookies`).
 *
 * @example
 * ```ts
 * const user = sessionUser(req); // DemoUser | null
 * ```
 */
export function sessionUser(req: Request): DemoUser | null {
  const signed = req.signedCookies as Record<string, unknown> | undefined;
  return findDemoUser(signed?.[SESSION_COOKIE]) ?? null;
}

/**
 * The same as {@link sessionUser}, from a raw `Cookie` header: the token route runs on plain
 * `node:http`, outside Express, because it is hit on every page load.
 *
 * @example
 * ```ts
 * const user = sessionUserFromCookies(req.headers.cookie, sessionSecret); // DemoUser | null
 * ```
 */
export function sessionUserFromCookies(header: string | undefined, sessionSecret: string): DemoUser | null {
  const raw = header ? parse(header)[SESSION_COOKIE] : undefined;
  const value = raw === undefined ? false : signedCookie(raw, sessionSecret);
  return findDemoUser(value === false ? undefined : value) ?? null;
}

/**
 * Starts a demo session: a signed, httpOnly, SameSite=Lax cookie that JavaScript cannot read
 * and other sites' requests do not carry on POSTs. It is `Secure` whenever the visitor came over
 * https (directly, or through a proxy on loopback that says so in `X-Forwarded-Proto`), so a
 * deployed demo never sends the session in clear; the plain-http loopback demo still works.
 *
 * @example
 * ```ts
 * startSession(res, ada);
 * ```
 */
export function startSession(res: Response, user: DemoUser): void {
  res.cookie(SESSION_COOKIE, user.id, {
    signed: true,
    httpOnly: true,
    sameSite: 'lax',
    secure: res.req.secure,
    path: '/',
    maxAge: 8 * 60 * 60 * 1000,
  });
}

/**
 * Ends the demo session by expiring the cookie.
 *
 * @example
 * ```ts
 * endSession(res);
 * ```
 */
export function endSession(res: Response): void {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: res.req.secure, path: '/' });
}
