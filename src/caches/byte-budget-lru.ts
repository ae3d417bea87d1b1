/**
 * A least-recently-used map bounded by an estimate of the bytes its entries hold, not by their
 * number: caches keyed by client-chosen text (query documents) must hold the same memory whether
 * the texts are 100 bytes or 100 KB. An entry larger than the whole budget is not stored at all.
 * One instance per cache; not shared across processes.
 */
export class ByteBudgetLru<K, V> {
  private readonly entries = new Map<K, { value: V; bytes: number }>();
  private held = 0;

  /** @param maxBytes what the entries may hold together; 0 stores nothing. */
  constructor(readonly maxBytes: number) {}

  /** Bytes held now (the sum of the sizes given to {@link set}); never above `maxBytes`. */
  get bytes(): number {
    return this.held;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The value for `key`, marking it most recently used. */
  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  has(key: K): boolean {
    return this.entries.has(key);
  }

  /**
   * Store `value` as `bytes` large, evicting the least recently used entries to make room.
   * Returns false (and stores nothing) when `bytes` alone exceeds the budget.
   */
  set(key: K, value: V, bytes: number): boolean {
    this.delete(key);
    if (bytes > this.maxBytes) return false;
    while (this.held + bytes > this.maxBytes) this.evictOldest();
    this.entries.set(key, { value, bytes });
    this.held += bytes;
    return true;
  }

  delete(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.held -= entry.bytes;
    this.onEvict?.(key, entry.value);
    return entry.value;
  }

  /** Called with every entry that leaves the map (evicted, replaced or deleted). */
  onEvict?: (key: K, value: V) => void;

  private evictOldest(): void {
    const oldest = this.entries.keys().next();
    if (!oldest.done) this.delete(oldest.value);
  }
}
