import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { ChatBroker } from './chat-broker';
import type { ChatHub } from './chat-hub';
import type { RequestLog } from './request-log';
import type { EmulatorRequest } from './types';
import { CHAT_SOCKET_PATH } from './widget-config';

/**
 * Puts the MQTT broker on the emulator's own HTTP server: a WebSocket upgrade to `/ws` goes to it
 * (one port for everything), any other upgrade is refused with 404. Each chat socket is one entry
 * in the request log (`GET /ws`, status 101), filed under its project once the broker has let the
 * client in.
 *
 * @example
 * ```ts
 * const broker = serveChatSocket(server, hub, log);
 * broker.drop('p1');
 * ```
 */
export function serveChatSocket(server: Server, hub: ChatHub, log: RequestLog): ChatBroker {
  const entries = new WeakMap<IncomingMessage, EmulatorRequest>();
  const broker = new ChatBroker(hub, (req, client) => {
    const entry = req ? entries.get(req) : undefined;
    if (entry) entry.projectId = client.projectId;
  });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => undefined);
    let path: string;
    try {
      path = new URL(req.url ?? '/', 'http://emulator.invalid').pathname;
    } catch {
      path = '';
    }
    if (path !== CHAT_SOCKET_PATH) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    const now = Date.now();
    const entry: EmulatorRequest = { method: req.method ?? 'GET', route: 'other', path, status: 101, startedAt: now, endedAt: now };
    entries.set(req, entry);
    log.add(entry);
    broker.handleUpgrade(req, socket, head);
  });
  return broker;
}
