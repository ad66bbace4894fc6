/**
 * Limits of a {@link BoundedMap}.
 *
 * @example
 * ```ts
 * const limits: BoundedMapLimits = { maxEntries: 10_000, maxAgeMs: 24 * 60 * 60 * 1000 };
 * ```
 */
export interface BoundedMapLimits {
  /** When a new key would exceed this, the oldest entry is forgotten first. */
  readonly maxEntries: number;
  /** Entries older than this (since their last `set` or `refresh`) are forgotten. */
  readonly maxAgeMs: number;
  /** The clock, injectable so that expiry is tested without waiting. Default `Date.now`. */
  readonly now?: () => number;
}

interface Stamped<V> {
  readonly value: V;
  readonly storedAt: number;
}

/**
 * A Map that cannot grow without end: a cap with oldest-first eviction and an age limit. The
 * emulator keeps one entry per chat token it issues; a long test run issues hundreds of
 * thousands, and an unbounded map made the process grow by tens of megabytes.
 *
 * @example
 * ```ts
 * const tokens = new BoundedMap<string, string>({ maxEntries: 2, maxAgeMs: 60_000 });
 * tokens.set('a', 'ada').set('b', 'bob').set('c', 'cy');
 * tokens.get('a'); // undefined: the oldest went first
 * ```
 */
export class BoundedMap<K, V> {
  // A Map iterates in insertion order, so its first key is always the oldest.
  private readonly entries = new Map<K, Stamped<V>>();
  private readonly now: () => number;

  constructor(private readonly limits: BoundedMapLimits) {
    if (!Number.isInteger(limits.maxEntries) || limits.maxEntries < 1)
      throw new RangeError(`maxEntries must be an integer >= 1; got ${limits.maxEntries}`);
    if (!(limits.maxAgeMs > 0)) throw new RangeError(`maxAgeMs must be > 0; got ${limits.maxAgeMs}`);
    this.now = limits.now ?? Date.now;
  }

  /** How many entries are held (expired ones not yet swept included). */
  get size(): number {
    return this.entries.size;
  }

  set(key: K, value: V): this {
    this.entries.delete(key);
    this.sweepExpired();
    while (this.entries.size >= this.limits.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done === true) break;
      this.entries.delete(oldest.value);
    }
    this.entries.set(key, { value, storedAt: this.now() });
    return this;
  }

  /** The value, or undefined when unknown or expired. */
  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (this.isExpired(entry)) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** Makes an entry young again (still in use), so that it is evicted last. */
  refresh(key: K): void {
    const value = this.get(key);
    if (value !== undefined) this.set(key, value);
  }

  delete(key: K): boolean {
    return this.entries.delete(key);
  }

  private isExpired(entry: Stamped<V>): boolean {
    return this.now() - entry.storedAt >= this.limits.maxAgeMs;
  }

  /** Entries are stamped in insertion order, so expired ones are all at the front. */
  private sweepExpired(): void {
    for (const [key, entry] of this.entries) {
      if (!this.isExpired(entry)) return;
      this.entries.delete(key);
    }
  }
}
