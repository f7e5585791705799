/**
 * A map whose entries expire after a fixed time to live. Entries are swept oldest-first on each insert, so memory
 * stays bounded by the arrival rate times the TTL, and every operation is O(1) amortised (Map keeps insertion order).
 */
export class TtlMap<K, V> {
  private readonly entries = new Map<K, { value: V; expiresAtMs: number }>();

  /** @param ttlMs time to live of each entry, ms. @param maxEntries hard cap; the oldest entries go first. */
  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 1_000_000,
  ) {}

  /** Stores `value` until `nowMs + ttlMs`. */
  set(key: K, value: V, nowMs: number): void {
    this.sweep(nowMs);
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAtMs: nowMs + this.ttlMs });
  }

  /** The live value, or undefined when absent or expired. */
  get(key: K, nowMs: number): V | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.expiresAtMs <= nowMs) {
      this.entries.delete(key);
      return undefined;
    }
    return e.value;
  }

  /** True when the key was present and not yet swept (expired or not). */
  has(key: K): boolean {
    return this.entries.has(key);
  }

  delete(key: K): boolean {
    return this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }

  private sweep(nowMs: number): void {
    for (const [k, e] of this.entries) {
      if (e.expiresAtMs > nowMs && this.entries.size < this.maxEntries) break;
      this.entries.delete(k);
    }
  }
}
