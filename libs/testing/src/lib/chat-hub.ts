import { randomBytes } from 'node:crypto';
import { BoundedMap, type BoundedMapLimits } from './bounded-map';

/**
 * Who a chat token belongs to: what `createCustomToken` was asked for.
 *
 * @example
 * ```ts
 * const credentials: ChatCredentials | undefined = hub.credentialsOf(password);
 * ```
 */
export interface ChatCredentials {
  readonly projectId: string | undefined;
  readonly userId: string;
}

/**
 * How many chat tokens and ended connections the hub remembers, and for how long. A widget reuses
 * its chat token on every reconnect, so a token stays valid as long as it is used (each use makes
 * it young again); the cap only forgets the least recently used ones.
 *
 * @example
 * ```ts
 * const hub = new ChatHub({ maxEntries: 100, maxAgeMs: 60_000 });
 * ```
 */
export const DEFAULT_CHAT_HUB_LIMITS: BoundedMapLimits = { maxEntries: 20_000, maxAgeMs: 24 * 60 * 60 * 1000 };

interface ChatConnection extends ChatCredentials {
  /** Answers the parked long-poll, if one is parked. */
  release: (() => void) | undefined;
}

/**
 * Stands in for the MQTT broker: chat tokens from `createCustomToken`, connections opened with
 * them, and one hanging long-poll per connection whose end tells the widget the link dropped.
 *
 * @example
 * ```ts
 * const hub = new ChatHub();
 * const token = hub.issueToken('p1', 'p1_ada');
 * const id = hub.connect(token);
 * hub.drop('p1'); // the widget's pending poll ends; it reconnects
 * ```
 */
export class ChatHub {
  private readonly tokens: BoundedMap<string, ChatCredentials>;
  private readonly connections = new Map<string, ChatConnection>();
  // Outlives the connection: a widget's disconnect may arrive after its abandoned poll already
  // ended the connection, and the request log still has to file it under the right project.
  private readonly projectOfEnded: BoundedMap<string, string | undefined>;

  constructor(private readonly limits: BoundedMapLimits = DEFAULT_CHAT_HUB_LIMITS) {
    this.tokens = new BoundedMap(limits);
    this.projectOfEnded = new BoundedMap(limits);
  }

  /** How many chat tokens are remembered (bounded by the limits). */
  get tokenCount(): number {
    return this.tokens.size;
  }

  /** How many long-poll connections are open (bounded by the limits' `maxEntries`). */
  get connectionCount(): number {
    return this.connections.size;
  }

  /** How many long-poll connections of one project are open (what a quiet page has none of). */
  connectionCountOf(projectId: string): number {
    let count = 0;
    for (const connection of this.connections.values()) if (connection.projectId === projectId) count += 1;
    return count;
  }

  issueToken(projectId: string | undefined, userId: string): string {
    const token = randomBytes(24).toString('base64url');
    this.tokens.set(token, { projectId, userId });
    return token;
  }

  /** Who a chat token was issued to, or undefined when unknown or forgotten; a use keeps it alive. */
  credentialsOf(token: string | undefined): ChatCredentials | undefined {
    if (token === undefined) return undefined;
    const credentials = this.tokens.get(token);
    if (credentials) this.tokens.refresh(token);
    return credentials;
  }

  /** Project of a chat token, for faults and the request log. */
  projectOfToken(token: string | undefined): string | undefined {
    return token === undefined ? undefined : this.tokens.get(token)?.projectId;
  }

  /** Project of a connection, open or already ended, for faults and the request log. */
  projectOfConnection(connectionId: string): string | undefined {
    return this.connections.get(connectionId)?.projectId ?? this.projectOfEnded.get(connectionId);
  }

  /** Opens a connection; undefined when the chat token is unknown. */
  connect(token: string | undefined): { connectionId: string; userId: string } | undefined {
    const credentials = this.credentialsOf(token);
    if (!credentials) return undefined;
    const connectionId = randomBytes(12).toString('hex');
    // A client that connects and never polls leaves its connection behind: past the cap the
    // oldest goes, as a drop (a widget still polling on it reconnects).
    while (this.connections.size >= this.limits.maxEntries) {
      const oldest = this.connections.keys().next();
      if (oldest.done === true) break;
      this.disconnect(oldest.value);
    }
    this.connections.set(connectionId, { ...credentials, release: undefined });
    return { connectionId, userId: credentials.userId };
  }

  /**
   * Parks the long-poll of a connection: `release` is called when the connection is dropped.
   * Returns undefined when the connection is unknown (already dropped: the caller answers at once
   * so the widget reconnects); else a function that un-parks it (the client went away).
   */
  park(connectionId: string, release: () => void): (() => void) | undefined {
    const connection = this.connections.get(connectionId);
    if (!connection) return undefined;
    connection.release = release;
    return () => {
      if (connection.release === release) connection.release = undefined;
    };
  }

  /** Ends every connection of the project (all projects when undefined). */
  drop(projectId: string | undefined): number {
    let count = 0;
    for (const [id, connection] of this.connections) {
      if (projectId !== undefined && connection.projectId !== projectId) continue;
      count += 1;
      this.connections.delete(id);
      this.projectOfEnded.set(id, connection.projectId);
      connection.release?.();
    }
    return count;
  }

  /** Forgets a connection the widget closed on purpose (logout, dispose). */
  disconnect(connectionId: string): void {
    const connection = this.connections.get(connectionId);
    if (!connection) return;
    this.connections.delete(connectionId);
    this.projectOfEnded.set(connectionId, connection.projectId);
    connection.release?.();
  }
}
