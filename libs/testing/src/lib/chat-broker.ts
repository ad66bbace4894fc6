import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Aedes, AedesOptions, AuthenticateError, Client } from 'aedes';
import { createWebSocketStream, WebSocketServer } from 'ws';
import type { ChatHub } from './chat-hub';
import { CHAT_APP_ID } from './widget-config';

/**
 * A chat client the broker let in: who it is and which project it is filed under.
 *
 * @example
 * ```ts
 * const [client]: ChatClientInfo[] = emulator.chatClients(project.id);
 * client.userId; // `${project.id}_ada`
 * ```
 */
export interface ChatClientInfo {
  /** The MQTT client id the widget chose (random per page). */
  readonly clientId: string;
  /** The user the chat token was issued to (the JWT's `_id`). */
  readonly userId: string;
  readonly projectId: string | undefined;
  /**
   * The topics the broker has granted it so far (their SUBACK sent). The real widget subscribes to
   * its user's topics just after it reports `online`; a link dropped before then makes it log an
   * error, so a test that drops the chat waits for this first.
   */
  readonly topics: readonly string[];
}

/** What the broker keeps of a client: its public facts, with the granted topics still growing. */
type ConnectedClient = Omit<ChatClientInfo, 'topics'> & { topics: string[] };

/** The SUBACK return code of a refused subscription (MQTT 3.1.1). */
const REFUSED_QOS = 128;
/** MQTT 3.1.1 CONNACK code 4: bad user name or password. */
const BAD_USERNAME_OR_PASSWORD = 4;
/** Tiledesk's chat broker accepts the chat token as the password of this one user name. */
const CHAT_USERNAME = 'JWT';
/** A chat frame is a small JSON message; anything larger is not a widget. */
const MAX_FRAME_BYTES = 256 * 1024;

function refused(message: string): AuthenticateError {
  return Object.assign(new Error(message), { returnCode: BAD_USERNAME_OR_PASSWORD }) as AuthenticateError;
}

/**
 * Whether `topic` lies under one of the user's own trees: `apps/tilechat/users/<uid>/...` (its
 * inbox, presence and updates) or, for publishing, `apps/tilechat/outgoing/users/<uid>/...` (where
 * the widget sends messages). Compared level by level, so a user id holding `+`, `#` or `/`
 * cannot widen it.
 */
function isOwnTopic(topic: string, userId: string, options: { outgoing: boolean }): boolean {
  const levels = topic.split('/');
  const owned = [['apps', CHAT_APP_ID, 'users', userId], ...(options.outgoing ? [['apps', CHAT_APP_ID, 'outgoing', 'users', userId]] : [])];
  return owned.some((prefix) => levels.length > prefix.length && prefix.every((level, index) => levels[index] === level));
}

/**
 * The chat transport the REAL widget speaks: an MQTT 3.1.1 broker (aedes) over WebSocket on the
 * emulator's own HTTP server. It lets in only user name `JWT` with a chat token the emulator
 * issued (`createCustomToken`), keeps each client to its own user's topics, and files it under the
 * token's project so that a test can drop one project's connections.
 *
 * aedes is loaded on the first connection: a test that never serves the real widget never pays for
 * it (and Jest, which cannot load its ES modules untransformed, never sees it).
 *
 * @example
 * ```ts
 * const broker = new ChatBroker(hub);
 * server.on('upgrade', (req, socket, head) => broker.handleUpgrade(req, socket, head));
 * broker.drop('p1'); // the widget reconnects about a second later
 * await broker.close();
 * ```
 */
export class ChatBroker {
  private broker: Promise<Aedes> | undefined;
  private readonly clients = new Map<Client, ConnectedClient>();
  private readonly sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  private closed = false;

  constructor(
    private readonly hub: ChatHub,
    private readonly onAuthenticated: (req: IncomingMessage | undefined, client: ChatClientInfo) => void = () => undefined,
  ) {}

  /** Takes over an HTTP upgrade to the chat socket. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    if (this.closed) {
      socket.destroy();
      return;
    }
    this.start().then(
      (broker) => {
        this.sockets.handleUpgrade(req, socket, head, (webSocket) => {
          const stream = createWebSocketStream(webSocket);
          // A page that goes away mid-frame is normal; aedes reports it as a client error.
          stream.on('error', () => undefined);
          broker.handle(stream, req);
        });
      },
      (error: Error) => {
        process.stderr.write(`tiledesk emulator: the chat broker could not start: ${error.message}\n`);
        socket.destroy();
      },
    );
  }

  /** The clients connected now, of one project or of all. */
  clientsOf(projectId?: string): ChatClientInfo[] {
    return [...this.clients.values()]
      .filter((client) => projectId === undefined || client.projectId === projectId)
      .map((client) => ({ ...client, topics: [...client.topics] }));
  }

  /** Closes every client of the project (all when undefined); returns how many. */
  drop(projectId: string | undefined): number {
    let count = 0;
    for (const [client, info] of this.clients) {
      if (projectId !== undefined && info.projectId !== projectId) continue;
      count += 1;
      this.clients.delete(client);
      client.close();
    }
    return count;
  }

  /** Closes every client, every socket and the broker. */
  async close(): Promise<void> {
    this.closed = true;
    this.drop(undefined);
    for (const webSocket of this.sockets.clients) webSocket.terminate();
    await new Promise<void>((resolve) => this.sockets.close(() => resolve()));
    const broker = await this.broker?.catch(() => undefined);
    if (broker) await new Promise<void>((resolve) => broker.close(() => resolve()));
  }

  private start(): Promise<Aedes> {
    this.broker ??= import('aedes').then(async ({ Aedes: AedesBroker }) => {
      const broker = new AedesBroker(this.options());
      await broker.listen();
      broker.on('clientDisconnect', (client) => this.clients.delete(client));
      // Emitted once the SUBACK is written; a refused topic comes back with qos 128.
      broker.on('subscribe', (subscriptions, client) => {
        const info = this.clients.get(client);
        for (const { topic, qos } of subscriptions) if (info && (qos as number) !== REFUSED_QOS) info.topics.push(topic);
      });
      return broker;
    });
    this.broker.catch(() => {
      this.broker = undefined;
    });
    return this.broker;
  }

  private options(): AedesOptions {
    return {
      authenticate: (client, username, password, done) => {
        if (username !== CHAT_USERNAME) return done(refused(`user name must be ${CHAT_USERNAME}`), false);
        const credentials = this.hub.credentialsOf(password?.toString('utf8'));
        if (!credentials) return done(refused('unknown or expired chat token'), false);
        const info: ConnectedClient = { clientId: client.id, userId: credentials.userId, projectId: credentials.projectId, topics: [] };
        this.clients.set(client, info);
        // Also when the socket dies between this answer and the CONNACK (no clientDisconnect then).
        client.conn.once('close', () => this.clients.delete(client));
        this.onAuthenticated(client.req, info);
        return done(null, true);
      },
      authorizeSubscribe: (client, subscription, done) => {
        const info = this.clients.get(client);
        // A refused subscription is answered with SUBACK 0x80, as a broker with topic permissions does.
        done(null, info && isOwnTopic(subscription.topic, info.userId, { outgoing: false }) ? subscription : null);
      },
      authorizePublish: (client, packet, done) => {
        const info = client ? this.clients.get(client) : undefined;
        if (info && isOwnTopic(packet.topic, info.userId, { outgoing: true })) return done(null);
        done(new Error(`not allowed to publish on ${packet.topic}`));
      },
    };
  }
}
