import type { IncomingMessage, ServerResponse } from 'node:http';
import { createTokenResponder, type TokenHandlerOptionsSource, type TokenRequestFacts, type TokenResponseSpec } from './token-request.js';

/**
 * The same token endpoint as {@link createTokenHandler} for Node's `http` server and Express
 * (Express's `req`/`res` extend Node's): `(req, res) => Promise<void>`. `getUser` receives your
 * framework's request, so it can read `req.session`, `req.user` or signed cookies. The request
 * body is not read. Like {@link createTokenHandler}, it checks its options at the first request
 * (500 and one log line naming the option while they are wrong), not at creation.
 *
 * @example
 * ```ts
 * app.all('/api/tiledesk-token', createNodeTokenHandler<express.Request>({
 *   projectId, secret,
 *   getUser: (req) => req.session.user ?? null,
 * }));
 * ```
 */
export function createNodeTokenHandler<Req extends IncomingMessage = IncomingMessage>(
  options: TokenHandlerOptionsSource<Req>,
): (req: Req, res: ServerResponse) => Promise<void> {
  const respond = createTokenResponder(options, 'createNodeTokenHandler');
  return (req, res) => {
    try {
      const spec = respond(new NodeRequestFacts(req));
      // Most answers are ready at once: written in this tick, no promise hop before the write.
      if (spec instanceof Promise) return spec.then((ready) => write(res, ready));
      write(res, spec);
      return Promise.resolve();
    } catch (error) {
      // As an async function would: a failure (a response already sent) rejects, never throws.
      return Promise.reject(error);
    }
  };
}

/**
 * What the handler core reads from a Node request. A class, so that no function is made per
 * request (under tsx or esbuild's keepNames, each one also costs a defineProperty for its name).
 */
class NodeRequestFacts<Req extends IncomingMessage> implements TokenRequestFacts<Req> {
  readonly method: string;
  /** A TLSSocket (https.createServer) says so; behind a proxy, X-Forwarded-Proto does. */
  readonly tls: boolean;

  constructor(readonly request: Req) {
    this.method = request.method ?? 'GET';
    this.tls = (request.socket as { encrypted?: boolean } | undefined)?.encrypted === true;
  }

  header(name: string): string | undefined {
    const value = this.request.headers[name];
    return Array.isArray(value) ? value.join(', ') : value;
  }
}

function write(res: ServerResponse, spec: TokenResponseSpec): void {
  const body = JSON.stringify(spec.body);
  // An explicit length lets Node send headers and body in one write instead of chunked. The
  // headers object is this response's own copy, so it takes the length without another copy.
  spec.headers['Content-Length'] = String(Buffer.byteLength(body));
  res.writeHead(spec.status, spec.headers);
  res.end(body);
}
