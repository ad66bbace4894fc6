/**
 * The origin the browser talks to in figures 2 and 5: a loopback reverse proxy in front of
 * apps/token-server that adds a fixed latency to the token route (the token server has no delay
 * hook) and serves the bench's own pages. Same origin as the samples, so cookies just work.
 *
 * @example
 * const front = await startFrontServer({ upstream: 'http://127.0.0.1:4300', tokenDelayMs: 300, pages: {} });
 * await front.close();
 */
import { Agent, createServer, request as httpRequest } from 'node:http';

/** The route whose answers get the injected latency. */
export const TOKEN_ROUTE = '/api/tiledesk-token';

/**
 * @param {{ upstream: string, tokenDelayMs: number, pages: Record<string, { type: string, body: string | Uint8Array }>, handlers?: Record<string, (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => Promise<void>> }} options
 *   `pages` maps an exact path (e.g. `/naive/`) to what to serve there instead of proxying;
 *   `handlers` maps an exact path to a function that answers it (e.g. a token route of the figure's own).
 * @returns {Promise<{ url: string, tokenDelayMs: number, requests: Array<{ method: string, path: string, receivedAt: number, answeredAt: number }>, close(): Promise<void> }>}
 *   `requests` logs every request's arrival and answer (epoch ms), for phase breakdowns; empty it
 *   between runs with `requests.length = 0`.
 * @example
 * await startFrontServer({ upstream, tokenDelayMs: 300, pages: { '/naive/': { type: 'text/html', body: html } } });
 */
export async function startFrontServer(options) {
  const upstream = new URL(options.upstream);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(upstream.hostname)) {
    throw new Error(`front server: upstream must be on loopback, got ${options.upstream}`);
  }
  if (!Number.isInteger(options.tokenDelayMs) || options.tokenDelayMs < 0) {
    throw new TypeError(`front server: tokenDelayMs must be a non-negative integer, got ${options.tokenDelayMs}`);
  }
  const agent = new Agent({ keepAlive: true });
  const requests = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://front').pathname;
    const entry = { method: req.method ?? 'GET', path, receivedAt: Date.now(), answeredAt: 0 };
    requests.push(entry);
    res.once('finish', () => (entry.answeredAt = Date.now()));
    const handler = options.handlers?.[path];
    if (handler) {
      handler(req, res).catch((error) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`front server: ${path} failed: ${error instanceof Error ? error.message : String(error)}`);
      });
      return;
    }
    const page = options.pages[path];
    if (page) {
      res.writeHead(200, { 'content-type': page.type, 'cache-control': 'no-store' });
      res.end(page.body);
      return;
    }
    const forward = () => {
      const proxied = httpRequest(
        { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers, agent },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      proxied.on('error', (error) => {
        if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(`front server: upstream failed: ${error.message}`);
      });
      req.pipe(proxied);
    };
    // Delay before forwarding, as a slow app server would: the browser waits the full latency.
    if (path === TOKEN_ROUTE && options.tokenDelayMs > 0) setTimeout(forward, options.tokenDelayMs);
    else forward();
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    tokenDelayMs: options.tokenDelayMs,
    requests,
    close: async () => {
      server.closeAllConnections();
      agent.destroy();
      await new Promise((resolve) => server.close(() => resolve(undefined)));
    },
  };
}
