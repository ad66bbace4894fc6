import { pageGone, post, type PendingRequest } from './api-client';
import type { HostWindow } from './host-window';

/**
 * How long the link waits before each new attempt, after a failed connect or a drop: the real
 * widget's MQTT client reconnects every `reconnectPeriod: 1000` ms and never gives up.
 *
 * @example
 * ```ts
 * win.setTimeout(retry, RECONNECT_PERIOD_MS);
 * ```
 */
export const RECONNECT_PERIOD_MS = 1000;

/**
 * Stands in for the widget's MQTT link: `chat21/connect` opens it, then a long-poll stays pending
 * until the emulator drops it. A drop reports nothing; the link tries again every
 * {@link RECONNECT_PERIOD_MS} until it is connected or closed, and every time it is connected
 * `onConnected` runs (the widget then fires `onInit` + `online`: once per outage).
 *
 * @example
 * ```ts
 * const link = new ChatConnection(window, apiUrl, chatToken, () => fireOnline());
 * link.start();
 * ```
 */
export class ChatConnection {
  private closed = false;
  private started = false;
  private poll: PendingRequest | undefined;
  private connectionId: string | undefined;

  constructor(
    private readonly win: HostWindow,
    private readonly apiUrl: string,
    private readonly chatToken: string,
    private readonly onConnected: () => void,
  ) {}

  /** Connects now, then keeps the link up until `close()` or the page goes away. */
  start(): void {
    if (this.started) return;
    this.started = true;
    void this.keepConnected();
  }

  /** Ends the link on purpose (logout, dispose, a newer sign-in): no reconnect. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.poll?.abort();
    if (this.connectionId !== undefined) void post(this.win, `${this.apiUrl}chat21/disconnect/${this.connectionId}`).response;
  }

  private ended(): boolean {
    // A poll that ended because the page went away is not an outage: nobody is left to reconnect.
    return this.closed || pageGone(this.win);
  }

  private async keepConnected(): Promise<void> {
    for (;;) {
      const id = await this.connect();
      if (this.ended()) return;
      if (id !== undefined) {
        this.onConnected();
        this.poll = post(this.win, `${this.apiUrl}chat21/poll/${id}`);
        await this.poll.response;
        this.connectionId = undefined;
        if (this.ended()) return;
      }
      await new Promise((resolve) => this.win.setTimeout(resolve, RECONNECT_PERIOD_MS));
      if (this.ended()) return;
    }
  }

  private async connect(): Promise<string | undefined> {
    const { status, body } = await post(this.win, `${this.apiUrl}chat21/connect`, { authorization: this.chatToken }).response;
    const id = (body as { connectionId?: unknown } | undefined)?.connectionId;
    if (status !== 200 || typeof id !== 'string') return undefined;
    if (this.closed) {
      // Closed while connecting: end the connection the emulator just opened for nobody.
      void post(this.win, `${this.apiUrl}chat21/disconnect/${id}`).response;
      return undefined;
    }
    this.connectionId = id;
    return id;
  }
}
