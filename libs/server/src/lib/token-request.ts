import { mintTiledeskToken } from './mint-tiledesk-token.js';
import { TiledeskTokenError } from './tiledesk-token-error.js';
import { consoleTokenLogger, type TokenHandlerLogger } from './token-logger.js';
import { assertProjectId, assertSecret, checkExpiresIn } from './validate-mint-input.js';
import type { TiledeskVisitor } from './visitor.js';

/**
 * Options shared by {@link createTokenHandler} and {@link createNodeTokenHandler}; `Req` is the
 * request type the handler receives (`Request`, or Node's `IncomingMessage`/Express `Request`).
 *
 * @example
 * ```ts
 * const options: TokenHandlerOptions<Request> = {
 *   projectId, secret,
 *   getUser: async (request) => (await sessionFrom(request))?.user ?? null,
 * };
 * ```
 */
export interface TokenHandlerOptions<Req> {
  projectId: string;
  secret: string;
  /** Your signed-in user for this request, or `null`/`undefined` (→ 401 `not-signed-in`). */
  getUser(request: Req): TiledeskVisitor | null | undefined | Promise<TiledeskVisitor | null | undefined>;
  /** Token lifetime in seconds, 1..86400. Default 600. */
  expiresIn?: number;
  /**
   * Extra origins (e.g. `https://app.example.com`) allowed to call the endpoint besides the
   * request's own host, for a front end on another origin behind your own CORS layer.
   */
  allowedOrigins?: readonly string[];
  /** Default: warnings and errors to `console`. Pass `{}` for silence. */
  logger?: TokenHandlerLogger;
}

/**
 * JSON body of every handler response: `{ token, expiresAt }` on success (expiresAt in epoch
 * milliseconds), `{ error, message }` otherwise.
 *
 * @example
 * ```ts
 * const body = (await response.json()) as TokenResponseBody;
 * if ('token' in body) await tiledesk.signInWithCustomToken(body.token);
 * ```
 */
export type TokenResponseBody =
  | { token: string; expiresAt: number }
  | { error: TokenRequestErrorCode; message: string };

/**
 * Why a token request was refused.
 *
 * @example
 * ```ts
 * if (body.error === 'not-signed-in') redirectToLogin();
 * ```
 */
export type TokenRequestErrorCode =
  | 'method-not-allowed'
  | 'cross-site-request'
  | 'not-signed-in'
  | 'get-user-failed'
  | 'invalid-user'
  | 'internal-error';

/**
 * What the transport adapters know about a request.
 *
 * @example
 * ```ts
 * const facts: TokenRequestFacts<Request> = { method: 'POST', header: (n) => request.headers.get(n), request };
 * ```
 */
export interface TokenRequestFacts<Req> {
  method: string;
  header(name: string): string | null | undefined;
  request: Req;
}

/**
 * What the transport adapters write back.
 *
 * @example
 * ```ts
 * new Response(JSON.stringify(spec.body), { status: spec.status, headers: spec.headers });
 * ```
 */
export interface TokenResponseSpec {
  status: number;
  headers: Record<string, string>;
  body: TokenResponseBody;
}

/**
 * A checked handler configuration, created once, answering one request at a time.
 *
 * @example
 * ```ts
 * const respond: TokenRequestResponder<Request> = createTokenResponder(options);
 * ```
 */
export type TokenRequestResponder<Req> = (facts: TokenRequestFacts<Req>) => Promise<TokenResponseSpec>;

const BASE_HEADERS = Object.freeze({
  'Content-Type': 'application/json; charset=utf-8',
  // A token must never be stored by the browser or a proxy.
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
});

/**
 * Checks the options once and returns the transport-neutral core of the token handlers:
 * POST only, same-origin JSON requests only, 401 without a user, `{ token, expiresAt }` otherwise.
 *
 * @example
 * ```ts
 * const respond = createTokenResponder({ projectId, secret, getUser });
 * const spec = await respond({ method: 'POST', header: (n) => headers[n], request });
 * ```
 */
export function createTokenResponder<Req>(options: TokenHandlerOptions<Req>): TokenRequestResponder<Req> {
  assertProjectId(options?.projectId, 'projectId');
  assertSecret(options.secret, 'secret');
  const expiresIn = checkExpiresIn(options.expiresIn, 'expiresIn');
  if (typeof options.getUser !== 'function') {
    throw new TiledeskTokenError('invalid-handler-options', 'getUser', 'getUser must be a function returning the signed-in user or null.');
  }
  const allowedHosts = new Set(
    (options.allowedOrigins ?? []).map((origin) => {
      try {
        return new URL(origin).host;
      } catch {
        throw new TiledeskTokenError('invalid-handler-options', 'allowedOrigins', `allowedOrigins has an entry that is not a URL: ${JSON.stringify(origin)}.`);
      }
    }),
  );
  const { projectId, secret, getUser } = options;
  const logger = options.logger ?? consoleTokenLogger;

  return async (facts) => {
    if (facts.method.toUpperCase() !== 'POST') {
      return refuse(405, 'method-not-allowed', 'Use POST to get a token.', { Allow: 'POST' });
    }
    const crossSite = crossSiteReason(facts, allowedHosts);
    if (crossSite) {
      logger.warn?.(`Tiledesk token request refused: ${crossSite}`);
      return refuse(403, 'cross-site-request', crossSite);
    }
    let user: TiledeskVisitor | null | undefined;
    try {
      user = await getUser(facts.request);
    } catch (cause) {
      logger.error?.(`Tiledesk token: getUser() failed: ${describeError(cause)}`);
      return refuse(500, 'get-user-failed', 'Could not read the signed-in user.');
    }
    if (user === null || user === undefined) {
      return refuse(401, 'not-signed-in', 'Sign in first.');
    }
    try {
      const minted = await mintTiledeskToken({ projectId, secret, user, expiresIn });
      logger.info?.(`Tiledesk token issued for user ${String(user.id)}, expires at ${new Date(minted.expiresAt).toISOString()}`);
      return { status: 200, headers: { ...BASE_HEADERS }, body: { token: minted.token, expiresAt: minted.expiresAt } };
    } catch (cause) {
      if (cause instanceof TiledeskTokenError) {
        logger.error?.(`Tiledesk token: the user from getUser() is not valid: ${cause.code} (${cause.field}): ${cause.message}`);
        return refuse(500, 'invalid-user', `The signed-in user cannot be turned into a token (${cause.field}).`);
      }
      // Rethrowing would crash a plain node:http server (an unhandled rejection). Only the error's
      // name is logged: its message could quote anything the user object held.
      logger.error?.(`Tiledesk token: minting failed unexpectedly: ${cause instanceof Error ? cause.name : typeof cause}`);
      return refuse(500, 'internal-error', 'Could not issue a token.');
    }
  };
}

function refuse(
  status: number,
  error: TokenRequestErrorCode,
  message: string,
  extraHeaders: Record<string, string> = {},
): TokenResponseSpec {
  return { status, headers: { ...BASE_HEADERS, ...extraHeaders }, body: { error, message } };
}

/**
 * A credentialed cross-site POST is how another site would mint tokens for your visitors.
 * Browsers send Sec-Fetch-Site and Origin; a JSON content type forces a CORS preflight, which
 * fails because the handler sends no CORS headers.
 */
function crossSiteReason<Req>(facts: TokenRequestFacts<Req>, allowedHosts: ReadonlySet<string>): string | null {
  const host = facts.header('host');
  const origin = facts.header('origin');
  let originAllowed = false;
  if (origin) {
    let originHost: string;
    try {
      originHost = new URL(origin).host;
    } catch {
      return `the Origin header is not a URL (${JSON.stringify(origin.slice(0, 100))}).`;
    }
    originAllowed = allowedHosts.has(originHost);
    if (!originAllowed && originHost !== host) {
      return `the request comes from another origin (${originHost}, this server is ${host ?? 'unknown'}).`;
    }
  }
  const fetchSite = facts.header('sec-fetch-site');
  if (!originAllowed && fetchSite && fetchSite !== 'same-origin' && fetchSite !== 'none') {
    return `the browser marks the request as ${fetchSite} (Sec-Fetch-Site).`;
  }
  const contentType = facts.header('content-type');
  const mediaType = contentType?.split(';')[0].trim().toLowerCase();
  if (mediaType !== 'application/json') {
    return 'the request must have Content-Type: application/json (simple cross-site form posts cannot set it).';
  }
  return null;
}

function describeError(cause: unknown): string {
  if (cause instanceof Error) return `${cause.name}: ${cause.message}`;
  return typeof cause;
}
