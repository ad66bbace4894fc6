import type { MintedTiledeskToken } from './mint-tiledesk-token.js';
import { mintForCheckedSettings } from './mint-tiledesk-token.js';
import { crossSiteReason } from './origin-policy.js';
import { createRefusalLog, DEFAULT_REFUSAL_LOG_LIMITS, type RefusalLogLimits } from './refusal-log.js';
import { quoteForLog, withoutSecret, withoutUuids } from './safe-text.js';
import { TiledeskTokenError } from './tiledesk-token-error.js';
import { type CheckedHandlerOptions, type HandlerOptionsOutcome, readHandlerOptions } from './token-handler-options.js';
import { consoleTokenLogger, type TokenHandlerLogger } from './token-logger.js';
import type { CheckedMintSettings, ValidMintInput } from './validate-mint-input.js';
import type { TiledeskUserIdKind } from './visitor-id.js';
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
  /** What `getUser()`'s `id` is; see `MintTiledeskTokenOptions.userIdKind`. Default `'app-user-id'`. */
  userIdKind?: TiledeskUserIdKind;
  /**
   * Extra origins allowed to call the endpoint besides its own, for a front end on another origin
   * behind your own CORS layer. Each entry is a whole origin, `scheme://host[:port]`
   * (`https://app.example.com`), compared exactly: `http://app.example.com`, another port or
   * `https://app.example.com.evil.com` are other origins.
   */
  allowedOrigins?: readonly string[];
  /**
   * Default: warnings and errors to `console`. Pass `{}` for silence. Lines quote outside text
   * cut to 200 characters with control characters escaped, and each kind of refusal writes at
   * most 10 lines a minute.
   */
  logger?: TokenHandlerLogger;
}

/**
 * What {@link createTokenHandler} and {@link createNodeTokenHandler} take: the options, or a
 * function returning them (or a promise of them), called at the first request instead of at
 * creation. Use the function when the values are not there yet when the module is evaluated:
 * `dotenv` loaded after the imports, a secret fetched from a vault. A function whose options are
 * wrong (or that throws) is called again on the next request; options that passed are kept.
 *
 * @example
 * ```ts
 * createNodeTokenHandler(() => ({
 *   projectId: requiredEnv('TILEDESK_PROJECT_ID'),
 *   secret: requiredEnv('TILEDESK_SHARED_SECRET'),
 *   getUser: (req) => req.session?.user ?? null,
 * }));
 * ```
 */
export type TokenHandlerOptionsSource<Req> =
  TokenHandlerOptions<Req> | (() => TokenHandlerOptions<Req> | PromiseLike<TokenHandlerOptions<Req>>);

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
export type TokenResponseBody = { token: string; expiresAt: number } | { error: TokenRequestErrorCode; message: string };

/**
 * Why a token request was refused.
 *
 * @example
 * ```ts
 * if (body.error === 'not-signed-in') redirectToLogin();
 * ```
 */
export type TokenRequestErrorCode =
  'method-not-allowed' | 'cross-site-request' | 'not-signed-in' | 'get-user-failed' | 'invalid-user' | 'internal-error';

/**
 * What the transport adapters know about a request.
 *
 * @example
 * ```ts
 * const facts: TokenRequestFacts<Request> = { method: 'POST', header: (n) => request.headers.get(n), tls: true, request };
 * ```
 */
export interface TokenRequestFacts<Req> {
  method: string;
  header(name: string): string | null | undefined;
  /** Whether the connection reaching this process is encrypted (a TLS socket, an `https:` URL). */
  tls: boolean;
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
  /** This response's own object: an adapter may add to it (the Node one adds `Content-Length`). */
  headers: Record<string, string>;
  body: TokenResponseBody;
}

/**
 * The handler core, answering one request at a time: at once when it can, else in a promise.
 *
 * @example
 * ```ts
 * const respond: TokenRequestResponder<Request> = createTokenResponder(options);
 * ```
 */
export type TokenRequestResponder<Req> = (facts: TokenRequestFacts<Req>) => TokenResponseSpec | Promise<TokenResponseSpec>;

const BASE_HEADERS = Object.freeze({
  'Content-Type': 'application/json; charset=utf-8',
  // A token must never be stored by the browser or a proxy.
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
});

/**
 * What tests may change about a responder beyond its public options.
 *
 * @example
 * ```ts
 * createTokenResponder(options, 'createTokenHandler', { logLimits: { linesPerWindow: 2, windowMs: 1000, now: () => clock } });
 * ```
 */
export interface TokenResponderInternals {
  logLimits?: RefusalLogLimits;
}

/**
 * The transport-neutral core of the token handlers: POST only, same-origin JSON requests only,
 * 401 without a user, `{ token, expiresAt }` otherwise. Nothing is checked at creation, so a
 * module that creates a handler can be evaluated without its secrets (`next build`, a Docker
 * image build). The options are checked at the first request; while they are wrong, every
 * request answers 500 `internal-error` and logs one line naming the option (never its value).
 * `creator` names the public function in those lines.
 *
 * @example
 * ```ts
 * const respond = createTokenResponder({ projectId, secret, getUser }, 'createTokenHandler');
 * const spec = await respond({ method: 'POST', header: (n) => headers[n], tls: false, request });
 * ```
 */
export function createTokenResponder<Req>(
  source: TokenHandlerOptionsSource<Req>,
  creator: string,
  internals: TokenResponderInternals = {},
): TokenRequestResponder<Req> {
  // Once set, every request goes straight to it: the options are not read again.
  let settled: TokenRequestResponder<Req> | undefined;
  // Concurrent first requests share one reading of the options.
  let reading: Promise<{ respond: TokenRequestResponder<Req>; retry: boolean }> | undefined;

  // `retry`: the options came from a function, and were wrong; the next request calls it again.
  const configure = async (): Promise<{ respond: TokenRequestResponder<Req>; retry: boolean }> => {
    const lazy = typeof source === 'function';
    let options: unknown;
    try {
      options = lazy ? await source() : source;
    } catch (cause) {
      return {
        respond: misconfigured(consoleTokenLogger, `the options function of ${creator}() threw ${describeThrown(cause)}.`),
        retry: true,
      };
    }
    const outcome = safelyRead<Req>(options, creator);
    if (outcome.ok) {
      settled = answerWith(outcome.checked, internals);
      return { respond: settled, retry: false };
    }
    const { code, field, message } = outcome.error;
    const respond = misconfigured<Req>(outcome.logger, `${creator}() is misconfigured (${code}, option ${field}): ${message}`);
    // Fixed options stay wrong: answer at once from now on.
    if (!lazy) settled = respond;
    return { respond, retry: lazy };
  };

  return (facts) => {
    if (settled) return settled(facts);
    const pending = (reading ??= configure());
    return pending.then(({ respond, retry }) => {
      if (retry && reading === pending) reading = undefined;
      return respond(facts);
    });
  };
}

function safelyRead<Req>(options: unknown, creator: string): HandlerOptionsOutcome<Req> {
  try {
    return readHandlerOptions<Req>(options, creator);
  } catch {
    // Not one of our checks: say so without quoting it (it came from the caller's object).
    return {
      ok: false,
      error: new TiledeskTokenError('invalid-handler-options', 'options', `options could not be read by ${creator}().`),
      logger: consoleTokenLogger,
    };
  }
}

/** Answers every request 500 and logs `why` each time: a broken endpoint must not go quiet. */
function misconfigured<Req>(logger: TokenHandlerLogger, why: string): TokenRequestResponder<Req> {
  const log = createRefusalLog(logger, DEFAULT_REFUSAL_LOG_LIMITS);
  const line = `Tiledesk token: ${why} Every token request answers 500 until this is fixed.`;
  return () => {
    log('error', null, line);
    return refuse(500, 'internal-error', 'Could not issue a token; the server log says why.');
  };
}

/** The responder for options that passed every check. */
function answerWith<Req>(checked: CheckedHandlerOptions<Req>, internals: TokenResponderInternals): TokenRequestResponder<Req> {
  const { projectId, secret, getUser, expiresIn, userIdKind, allowedOrigins, logger } = checked;
  // Checked once with the other options; each token checks only its user.
  const settings: CheckedMintSettings = Object.freeze({ projectId, secret, expiresIn, userIdKind });
  const log = createRefusalLog(logger, internals.logLimits ?? DEFAULT_REFUSAL_LOG_LIMITS);
  // Anything quoted from outside is cut and escaped, and never carries the secret.
  const quote = (text: string) => quoteForLog(withoutSecret(text, secret));

  // Every step answers synchronously when it can (getUser() returning a value, node:crypto
  // signing): a token then costs no promise hops. A step that returns a promise continues in it.
  const refuseUserFailure = (cause: unknown): TokenResponseSpec => {
    log('error', 'get-user-failed', `Tiledesk token: getUser() failed: ${describeError(cause, quote)}`);
    return refuse(500, 'get-user-failed', 'Could not read the signed-in user.');
  };
  const refuseMintFailure = (cause: unknown): TokenResponseSpec => {
    if (cause instanceof TiledeskTokenError) {
      // The message is ours and already cuts what it quotes; the cap is a second fence.
      log(
        'error',
        'invalid-user',
        `Tiledesk token: the user from getUser() is not valid: ${cause.code} (${cause.field}): ${withoutSecret(cause.message.slice(0, 600), secret)}`,
      );
      return refuse(500, 'invalid-user', `The signed-in user cannot be turned into a token (${cause.field}).`);
    }
    // Rethrowing would crash a plain node:http server (an unhandled rejection). Only the error's
    // name is logged: its message could quote anything the user object held.
    log('error', 'internal-error', `Tiledesk token: minting failed unexpectedly: ${errorKind(cause, quote)}`);
    return refuse(500, 'internal-error', 'Could not issue a token.');
  };
  const issue = ({ minted, input }: { minted: MintedTiledeskToken; input: ValidMintInput }): TokenResponseSpec => {
    // Most loggers have no info(): the line (quoting, a date) is then not even built.
    if (typeof logger.info === 'function') {
      log('info', null, `Tiledesk token issued for user ${quote(input.userId)}, expires at ${new Date(minted.expiresAt).toISOString()}`);
    }
    return { status: 200, headers: { ...BASE_HEADERS }, body: { token: minted.token, expiresAt: minted.expiresAt } };
  };
  const answerFor = (user: TiledeskVisitor | null | undefined): TokenResponseSpec | Promise<TokenResponseSpec> => {
    if (user === null || user === undefined) {
      return refuse(401, 'not-signed-in', 'Sign in first.');
    }
    let outcome: ReturnType<typeof mintForCheckedSettings>;
    try {
      outcome = mintForCheckedSettings(settings, user);
    } catch (cause) {
      return refuseMintFailure(cause);
    }
    return outcome instanceof Promise ? outcome.then(issue, refuseMintFailure) : issue(outcome);
  };

  return (facts) => {
    const { method } = facts;
    if (method !== 'POST' && method.toUpperCase() !== 'POST') {
      return refuse(405, 'method-not-allowed', 'Use POST to get a token.', { Allow: 'POST' });
    }
    const crossSite = crossSiteReason(facts, allowedOrigins);
    if (crossSite) {
      log('warn', 'cross-site-request', `Tiledesk token request refused: ${crossSite}`);
      return refuse(403, 'cross-site-request', crossSite);
    }
    let user: ReturnType<typeof getUser>;
    let then: unknown;
    try {
      user = getUser(facts.request);
      then = thenOf(user);
    } catch (cause) {
      return refuseUserFailure(cause);
    }
    if (typeof then !== 'function') return answerFor(user as TiledeskVisitor | null | undefined);
    // What `await` does with a thenable: its then(), read once, is called with the settlers.
    const thenable = user;
    return new Promise<TiledeskVisitor | null | undefined>((resolve, reject) => {
      (then as PromiseLike<TiledeskVisitor | null | undefined>['then']).call(thenable, resolve, reject);
    }).then(answerFor, refuseUserFailure);
  };
}

/** `value.then` for an object or a function (read once), else `undefined`. */
function thenOf(value: unknown): unknown {
  return (typeof value === 'object' && value !== null) || typeof value === 'function' ? (value as { then?: unknown }).then : undefined;
}

/** The options function is the app's code; its message may name a missing variable, or hold a secret. */
function describeThrown(cause: unknown): string {
  try {
    if (!(cause instanceof Error)) return typeof cause;
    return `${quoteForLog(String(cause.name), 40)}: ${quoteForLog(withoutUuids(String(cause.message)))}`;
  } catch {
    return 'an error that could not be read';
  }
}

function refuse(
  status: number,
  error: TokenRequestErrorCode,
  message: string,
  extraHeaders: Record<string, string> = {},
): TokenResponseSpec {
  return { status, headers: { ...BASE_HEADERS, ...extraHeaders }, body: { error, message } };
}

/** getUser() is the app's code, but its error may quote a cookie or a header: quoted and cut. */
function describeError(cause: unknown, quote: (text: string) => string): string {
  try {
    if (cause instanceof Error) return `${quote(String(cause.name))}: ${quote(String(cause.message))}`;
    return typeof cause;
  } catch {
    return 'an error that could not be read';
  }
}

function errorKind(cause: unknown, quote: (text: string) => string): string {
  try {
    return cause instanceof Error ? quote(String(cause.name)) : typeof cause;
  } catch {
    return 'an error that could not be read';
  }
}
