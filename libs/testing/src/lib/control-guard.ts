import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * The header that carries the per-run control token on every control request.
 *
 * @example
 * ```ts
 * request(url, { headers: { [CONTROL_TOKEN_HEADER]: controlToken } });
 * ```
 */
export const CONTROL_TOKEN_HEADER = 'x-tiledesk-emulator-control-token';

/**
 * Why a control request is refused, as the status and message to answer with.
 *
 * @example
 * ```ts
 * const refusal: ControlRefusal = { status: 421, message: 'Host "evil.example:4400" is not this emulator' };
 * ```
 */
export interface ControlRefusal {
  status: 400 | 401 | 403 | 421;
  message: string;
}

/**
 * What a control request must match: the emulator's own URL (its host and port) and its token.
 *
 * @example
 * ```ts
 * const access: ControlAccess = { url: emulator.url, token: emulator.controlToken };
 * ```
 */
export interface ControlAccess {
  url: string;
  token: string;
}

/**
 * A fresh control token: 256 random bits, URL-safe, so it fits a header and a JSON line.
 *
 * @example
 * ```ts
 * const controlToken = newControlToken();
 * ```
 */
export function newControlToken(): string {
  return randomBytes(32).toString('base64url');
}

// The names a loopback client may use, whatever address the emulator is bound to. A hostile page
// that rebinds its own DNS name to 127.0.0.1 still sends that name in Host, so it is refused.
const LOOPBACK_HOSTNAMES = ['localhost', '127.0.0.1', '[::1]'];
const HOST_HEADER = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/i;
// `none` is a user typing the URL; `same-origin` a page of the emulator itself. Anything else is
// another site, a page on another port of localhost (`same-site`) included.
const BROWSER_CONTEXTS_ALLOWED = new Set(['same-origin', 'none']);

function sameText(given: string, expected: string): boolean {
  // Hashing first gives equal lengths, which timingSafeEqual needs, without leaking the length.
  return timingSafeEqual(createHash('sha256').update(given).digest(), createHash('sha256').update(expected).digest());
}

/**
 * Checks that a control request comes from a local process that was given the control token, not
 * from a web page: the Host must name this emulator on loopback (DNS rebinding), the request must
 * not come from another site's page (`Origin`, `Sec-Fetch-Site`), and, unless `tokenRequired` is
 * false, it must carry the control token. Returns undefined when the request may go on.
 *
 * @example
 * ```ts
 * const refusal = refuseControlRequest(req, { url: emulator.url, token: emulator.controlToken });
 * if (refusal) return sendControlJson(res, refusal.status, { error: { code: 'control-request-refused', message: refusal.message } });
 * ```
 */
export function refuseControlRequest(req: IncomingMessage, access: ControlAccess, tokenRequired = true): ControlRefusal | undefined {
  const own = new URL(access.url);
  const port = own.port === '' ? '80' : own.port;
  const allowedHostnames = new Set([...LOOPBACK_HOSTNAMES, own.hostname]);
  if (!(req.url ?? '').startsWith('/')) {
    // An absolute-form target names its own authority, which would make the Host check moot.
    return { status: 400, message: 'control requests use a path, not an absolute URL, as their target' };
  }
  const host = HOST_HEADER.exec(req.headers.host ?? '');
  if (!host || !allowedHostnames.has(host[1].toLowerCase()) || (host[2] ?? '80') !== port) {
    return { status: 421, message: `Host ${JSON.stringify(req.headers.host ?? '')} is not this emulator: use ${own.origin}` };
  }
  const origin = req.headers.origin;
  if (origin !== undefined) {
    const allowedOrigins = new Set([...allowedHostnames].map((hostname) => `http://${hostname}${port === '80' ? '' : `:${port}`}`));
    if (!allowedOrigins.has(origin.toLowerCase()))
      return { status: 403, message: 'the control API does not answer web pages of other origins' };
  }
  const fetchSite = req.headers['sec-fetch-site'];
  if (typeof fetchSite === 'string' && !BROWSER_CONTEXTS_ALLOWED.has(fetchSite.toLowerCase())) {
    return { status: 403, message: 'the control API does not answer web pages of other sites' };
  }
  if (!tokenRequired) return undefined;
  const token = req.headers[CONTROL_TOKEN_HEADER];
  if (typeof token !== 'string' || token === '') {
    return {
      status: 401,
      message: `control requests need the ${CONTROL_TOKEN_HEADER} header: connectTiledeskEmulator() reads it from TILEDESK_EMULATOR_CONTROL_TOKEN (set by the Jest global setup; the CLI prints it as controlToken)`,
    };
  }
  if (!sameText(token, access.token))
    return { status: 401, message: `the ${CONTROL_TOKEN_HEADER} header does not hold this emulator's control token` };
  return undefined;
}
