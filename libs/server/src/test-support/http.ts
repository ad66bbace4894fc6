import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A real HTTP server on 127.0.0.1 and a free port, for handler tests.
 *
 * @example
 * ```ts
 * const server: LoopbackServer = await listenOnLoopback((req, res) => res.end('ok'));
 * ```
 */
export interface LoopbackServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves `listener` on 127.0.0.1:0.
 *
 * @example
 * ```ts
 * const server = await listenOnLoopback((req, res) => void handler(req, res));
 * await fetch(`${server.url}/api/tiledesk-token`, { method: 'POST' });
 * await server.close();
 * ```
 */
export async function listenOnLoopback(listener: RequestListener): Promise<LoopbackServer> {
  const server: Server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/**
 * Bridges Node's http server to a Fetch API handler, as Next.js, Hono's node adapter and
 * similar frameworks do.
 *
 * @example
 * ```ts
 * const server = await listenOnLoopback(fetchHandlerListener(createTokenHandler(options)));
 * ```
 */
export function fetchHandlerListener(handler: (request: Request) => Promise<Response>): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const request = new Request(`http://${req.headers.host ?? '127.0.0.1'}${req.url ?? '/'}`, {
      method: req.method,
      headers,
    });
    void handler(request).then(async (response) => {
      res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
      res.end(Buffer.from(await response.arrayBuffer()));
    });
  };
}
