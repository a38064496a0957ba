/**
 * A bounded in-memory map whose entries expire: the oldest entry goes when it
 * is full. It lives in one process, so it is per instance: several Signpost
 * instances behind a load balancer each keep their own.
 */
export class ExpiringMap<V> {
  private readonly entries = new Map<string, { value: V; expires: number }>();

  constructor(
    private readonly maxEntries: number,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expires: this.now() + this.ttlMs });
    this.prune();
  }

  /** Adds the key if absent (or expired); true when it was new. */
  addIfAbsent(key: string, value: V): boolean {
    if (this.get(key) !== undefined) return false;
    this.set(key, value);
    return true;
  }

  get size(): number {
    return this.entries.size;
  }

  private prune(): void {
    const now = this.now();
    // Insertion order is expiry order (every entry gets the same ttl), so expired entries are at the front.
    for (const [key, entry] of this.entries) {
      if (entry.expires > now && this.entries.size <= this.maxEntries) break;
      this.entries.delete(key);
    }
  }
}
