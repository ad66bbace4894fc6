/**
 * The widget's keys in the host's localStorage: `<prefix>_<projectid>_<key>`, as the real widget
 * stores them (`tiledeskToken`, `currentUser`, `attributes`, `isOpen`, ...). No cookies.
 *
 * @example
 * ```ts
 * const storage = new WidgetStorage(window, 'widget_sv6', 'p1');
 * storage.get('tiledeskToken');
 * ```
 */
export class WidgetStorage {
  private readonly prefix: string;

  constructor(
    private readonly win: Window,
    storagePrefix: string,
    projectId: string,
  ) {
    this.prefix = `${storagePrefix}_${projectId}_`;
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

  /** Removes every key of this project. */
  clear(): void {
    const store = this.store();
    if (!store) return;
    const mine: string[] = [];
    for (let i = 0; i < store.length; i += 1) {
      const key = store.key(i);
      if (key?.startsWith(this.prefix)) mine.push(key);
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
