/**
 * The widget's keys in the host's localStorage: `<prefix>_<projectid>_<key>`, as the real widget
 * stores them (`tiledeskToken`, `currentUser`, `attributes`, `isOpen`, `size`, `recipientId`). Values
 * are strings: the widget's booleans are stored as `"true"`/`"false"`. No cookies.
 *
 * @example
 * ```ts
 * const storage = new WidgetStorage(window, 'widget_sv6', 'p1');
 * storage.get('tiledeskToken');
 * ```
 */
export class WidgetStorage {
  private readonly prefix: string;
  /** What `clear()` looks for ANYWHERE in a key, as the widget does (so no trailing `_`). */
  private readonly projectPrefix: string;

  constructor(
    private readonly win: Window,
    storagePrefix: string,
    projectId: string,
  ) {
    this.projectPrefix = `${storagePrefix}_${projectId}`;
    this.prefix = `${this.projectPrefix}_`;
  }

  get(key: string): string | null {
    return this.store()?.getItem(this.prefix + key) ?? null;
  }

  set(key: string, value: string): void {
    this.store()?.setItem(this.prefix + key, value);
  }

  remove(key: string): void {
    this.store()?.removeItem(this.prefix + key);
  }

  /**
   * Removes every key that contains `<prefix>_<projectid>`: this project's keys, and those of any
   * project whose id starts with this one (the widget matches that loosely too).
   */
  clear(): void {
    const store = this.store();
    if (!store) return;
    const mine: string[] = [];
    for (let i = 0; i < store.length; i += 1) {
      const key = store.key(i);
      if (key?.includes(this.projectPrefix)) mine.push(key);
    }
    for (const key of mine) store.removeItem(key);
  }

  private store(): Storage | undefined {
    try {
      return this.win.localStorage;
    } catch {
      return undefined; // storage blocked (sandboxed iframe, privacy mode): the widget runs without it
    }
  }
}
