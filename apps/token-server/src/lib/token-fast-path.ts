import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';

/**
 * The token endpoint's path, as the samples call it.
 *
 * @example
 * ```ts
 * app.all(TOKEN_PATH, sessions, tokenSettings.route);
 * ```
 */
export const TOKEN_PATH = '/api/tiledesk-token';

/**
 * Connect-style middleware on Node's own request and response, the form helmet and
 * express-session are written in (Express adds nothing they read).
 *
 * @example
 * ```ts
 * const headers: NodeMiddleware = nodeMiddleware(securityHeaders());
 * ```
 */
export type NodeMiddleware = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

/**
 * The Node form of a middleware that Express's types describe but that reads only Node's
 * `req`/`res` (helmet, express-session): the same function, so both paths share one instance
 * (one session store, one set of headers).
 *
 * @example
 * ```ts
 * const sessions = nodeMiddleware(demoSessions(secret));
 * ```
 */
export function nodeMiddleware(handler: RequestHandler): NodeMiddleware {
  return handler as unknown as NodeMiddleware;
}

/**
 * What {@link tokenRequestsFirst} puts in front of the app.
 *
 * @example
 * ```ts
 * const options: TokenFastPathOptions = { app, middleware: [headers, sessions], route, onError };
 * ```
 */
export interface TokenFastPathOptions<Req extends IncomingMessage> {
  /** Every other request, and token requests in any other form (another method, a query, a trailing slash). */
  app: RequestListener;
  /** Run in order before `route`: the very instances `app` mounts in front of the token route. */
  middleware: readonly NodeMiddleware[];
  /** The token route itself, as `app` mounts it. */
  route: (req: Req, res: ServerResponse) => void | Promise<void>;
  /** Answers a middleware's error or the route's rejection, as `app`'s error handler does. */
  onError: (error: unknown, res: ServerResponse) => void;
}

/**
 * A request listener that answers `POST /api/tiledesk-token` without Express's router and hands
 * every other request to `app`. The token request still goes through the same middleware
 * instances as in `app` (helmet's headers, the one express-session check) and the same route:
 * only the router's per-request work (prototype swaps, layer matching, a final handler) is
 * skipped, on the request every page load makes. Any other form of the path falls through to
 * `app`, which mounts the same chain, so both answer alike.
 *
 * @example
 * ```ts
 * const server = createServer(tokenRequestsFirst({ app, middleware: [headers, sessions], route, onError }));
 * ```
 */
export function tokenRequestsFirst<Req extends IncomingMessage>(options: TokenFastPathOptions<Req>): RequestListener {
  const { app } = options;
  return (req, res) => {
    if (req.method !== 'POST' || req.url !== TOKEN_PATH) {
      app(req, res);
      return;
    }
    new TokenRequestRun(options, req, res).next();
  };
}

/**
 * One token request going through the chain. Its callbacks are bound methods, not closures
 * made per request: under tsx (how this server runs) every function expression also costs a
 * `defineProperty` for its name.
 */
class TokenRequestRun<Req extends IncomingMessage> {
  private index = 0;
  readonly next: (error?: unknown) => void;
  private readonly fail: (error: unknown) => void;

  constructor(
    private readonly options: TokenFastPathOptions<Req>,
    private readonly req: IncomingMessage,
    private readonly res: ServerResponse,
  ) {
    this.next = this.advance.bind(this);
    this.fail = this.failWith.bind(this);
  }

  private advance(error?: unknown): void {
    if (error !== undefined && error !== null) {
      this.failWith(error);
      return;
    }
    const { middleware, route } = this.options;
    try {
      const step = middleware[this.index];
      this.index += 1;
      if (step) {
        step(this.req, this.res, this.next);
        return;
      }
      // The middleware above gave `req` what the route reads (its session).
      const answered = route(this.req as Req, this.res);
      if (answered instanceof Promise) answered.catch(this.fail);
    } catch (thrown) {
      this.failWith(thrown);
    }
  }

  private failWith(error: unknown): void {
    this.options.onError(error, this.res);
  }
}
