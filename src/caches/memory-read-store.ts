import { LRUCache } from "lru-cache";
import { type Clock } from "../clock.js";
import { type ReadCacheStore } from "./read-cache-store.js";

// What an entry costs beyond its text: lru-cache's slots, the key and value string headers.
const ENTRY_OVERHEAD_BYTES = 96;
// Expired entries are never served; this often they are also dropped from memory.
const PURGE_EVERY_MS = 60_000;

/**
 * The read cache in this process: lru-cache bounded by `maxBytes` (`READ_CACHE_BYTES`), each
 * entry and scope expiring with its own TTL on `clock`. Text counts two bytes a character (what V8
 * takes at most), so the bound holds whatever the answers hold. The least recently used entries
 * go first when it is full (counted as evictions). Create one per process (`memoryState`).
 */
export function memoryReadStore(maxBytes: number, clock: Pick<Clock, "now">): ReadCacheStore {
  let evictions = 0;
  const lru = new LRUCache<string, string>({
    maxSize: maxBytes,
    sizeCalculation: (value, key) => 2 * (value.length + key.length) + ENTRY_OVERHEAD_BYTES,
    perf: clock,
    // Read the clock on every check rather than caching it for a millisecond behind a timer.
    ttlResolution: 0,
    dispose: (_value, _key, reason) => {
      if (reason === "evict") evictions += 1;
    },
  });
  const purge = setInterval(() => lru.purgeStale(), PURGE_EVERY_MS);
  purge.unref();

  return {
    kind: "memory",
    async lookup(scopeKey, entryKey, newEpoch, epochLifeMs) {
      let epoch = lru.get(scopeKey);
      if (epoch === undefined) {
        epoch = newEpoch;
        lru.set(scopeKey, epoch, { ttl: epochLifeMs });
      }
      const value = lru.get(entryKey);
      return { epoch, value, remainingMs: value === undefined ? 0 : lru.getRemainingTTL(entryKey) };
    },
    async save(scopeKey, epoch, entryKey, value, lifeMs) {
      if (lru.get(scopeKey) !== epoch) return false;
      lru.set(entryKey, value, { ttl: lifeMs });
      // The scope lives as long as its longest entry (an entry without its scope no longer matches).
      if (lru.getRemainingTTL(scopeKey) < lifeMs) lru.set(scopeKey, epoch, { ttl: lifeMs });
      return true;
    },
    async invalidate(scopeKeys) {
      for (const key of scopeKeys) lru.delete(key);
    },
    stats: () => ({ bytes: lru.calculatedSize, entries: lru.size, evictions }),
    close: () => clearInterval(purge),
  };
}
