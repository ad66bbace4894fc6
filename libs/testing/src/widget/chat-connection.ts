import { pageGone, post, type PendingRequest } from './api-client';
import type { HostWindow } from './host-window';

const RETRY_DELAYS_MS = [100, 300, 1000, 2000, 4000];

/**
 * Stands in for the widget's MQTT link: `connect` opens it, then a long-poll stays pending until
 * the emulator drops it, and every successful reconnect calls `onConnected` again (the real widget
 * fires `onInit` + `online` once per outage; the drop itself fires nothing).
 *
 * @example
 * ```ts
 * const link = new ChatConnection(window, apiUrl, chatToken, () => fireOnline());
 * if (await link.open()) { ... }
 * ```
 */
export class ChatConnection {
  private closed = false;
  private poll: PendingRequest | undefined;
  private connectionId: string | undefined;

  constructor(
    private readonly win: HostWindow,
    private readonly apiUrl: string,
    private readonly chatToken: string,
    private readonly onConnected: () => void,
  ) {}

  /** Connects once; true when connected (and `onConnected` was called). */
  async open(): Promise<boolean> {
    const { status, body } = await post(this.win, `${this.apiUrl}chat21/connect`, { authorization: this.chatToken }).response;
    const id = (body as { connectionId?: unknown } | undefined)?.connectionId;
    if (this.closed || status !== 200 || typeof id !== 'string') return false;
    this.connectionId = id;
    this.onConnected();
    void this.watch(id);
    return true;
  }

  /** Ends the link on purpose (logout, dispose): no reconnect. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.poll?.abort();
    if (this.connectionId !== undefined) void post(this.win, `${this.apiUrl}chat21/disconnect/${this.connectionId}`).response;
  }

  private async watch(id: string): Promise<void> {
    this.poll = post(this.win, `${this.apiUrl}chat21/poll/${id}`);
    await this.poll.response;
    // A poll that ended because the page went away is not an outage: nobody is left to reconnect.
    if (this.closed || pageGone(this.win)) return;
    for (const delay of RETRY_DELAYS_MS) {
      await new Promise((resolve) => this.win.setTimeout(resolve, delay));
      if (this.closed || pageGone(this.win)) return;
      if (await this.open()) return;
    }
  }
}
