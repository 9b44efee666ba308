export interface CachedResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  /** Epoch ms. */
  storedAt: number;
  expiresAt: number;
  /** A custom error response or an origin error, reported as "Error from cloudfront". */
  error: boolean;
}

const MAX_ENTRIES_PER_DISTRIBUTION = 5000;
const MAX_BYTES = 128 * 1024 * 1024;

/**
 * The edge cache of every distribution, in memory (a restart starts cold, as a new edge location
 * would). Keys are the viewer's path and, when the behaviour caches on it, query string.
 */
export class EdgeCache {
  private readonly entries = new Map<string, Map<string, CachedResponse>>();
  private readonly counters = new Map<string, { hits: number; misses: number }>();
  private bytes = 0;

  private of(distributionId: string): Map<string, CachedResponse> {
    let map = this.entries.get(distributionId);
    if (!map) this.entries.set(distributionId, (map = new Map()));
    return map;
  }

  /** A fresh entry, or undefined (an expired one is dropped). */
  get(distributionId: string, key: string, now: number): CachedResponse | undefined {
    const map = this.entries.get(distributionId);
    const entry = map?.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= now) {
      this.remove(map!, key);
      return undefined;
    }
    return entry;
  }

  put(distributionId: string, key: string, entry: CachedResponse): void {
    const map = this.of(distributionId);
    if (map.has(key)) this.remove(map, key);
    map.set(key, entry);
    this.bytes += entry.body.length;
    while (map.size > MAX_ENTRIES_PER_DISTRIBUTION) this.remove(map, map.keys().next().value!);
    while (this.bytes > MAX_BYTES && map.size) this.remove(map, map.keys().next().value!);
  }

  private remove(map: Map<string, CachedResponse>, key: string): void {
    const entry = map.get(key);
    if (!entry) return;
    this.bytes -= entry.body.length;
    map.delete(key);
  }

  /** Drops what invalidation paths name: exact keys, or every key starting with what precedes a final `*`. */
  invalidate(distributionId: string, paths: string[]): number {
    const map = this.entries.get(distributionId);
    if (!map) return 0;
    let purged = 0;
    for (const key of [...map.keys()]) {
      const matches = paths.some((p) => (p.endsWith('*') ? key.startsWith(p.slice(0, -1)) : key === p));
      if (matches) {
        this.remove(map, key);
        purged++;
      }
    }
    return purged;
  }

  purgeAll(distributionId: string): void {
    const map = this.entries.get(distributionId);
    if (map) for (const key of [...map.keys()]) this.remove(map, key);
    this.entries.delete(distributionId);
    this.counters.delete(distributionId);
  }

  count(distributionId: string, outcome: 'hits' | 'misses'): void {
    let c = this.counters.get(distributionId);
    if (!c) this.counters.set(distributionId, (c = { hits: 0, misses: 0 }));
    c[outcome]++;
  }

  statistics(): { distributions: number; entries: number; bytes: number; hits: number; misses: number } {
    let entries = 0;
    let hits = 0;
    let misses = 0;
    for (const map of this.entries.values()) entries += map.size;
    for (const c of this.counters.values()) {
      hits += c.hits;
      misses += c.misses;
    }
    return { distributions: this.entries.size, entries, bytes: this.bytes, hits, misses };
  }

  /** One distribution's cached entries and bytes, and its hits and misses since start (or its last full purge). */
  statisticsOf(distributionId: string): { entries: number; bytes: number; hits: number; misses: number } {
    const map = this.entries.get(distributionId);
    let bytes = 0;
    for (const entry of map?.values() ?? []) bytes += entry.body.length;
    const counters = this.counters.get(distributionId) ?? { hits: 0, misses: 0 };
    return { entries: map?.size ?? 0, bytes, ...counters };
  }

  clear(): void {
    this.entries.clear();
    this.counters.clear();
    this.bytes = 0;
  }
}
