import { Counter, type Registry } from "prom-client";
import { scrapedGauge } from "./metrics.js";
import { type ReadCacheObserver } from "../caches/read-cache.js";
import { type ReadCacheStore } from "../caches/read-cache-store.js";
import { type ProviderId } from "../contract/provider-facts.js";

/**
 * Metrics of the read cache, registered on the server's `/metrics` registry:
 * `account_graph_read_cache_reads_total{provider, result}` (`hit`: answered from the cache; `miss`:
 * by the provider; `stale`: from a stale answer while the provider was unavailable),
 * `account_graph_read_cache_invalidations_total{provider}` (writes that made it forget reads),
 * `account_graph_read_cache_store_errors_total` (the store, Redis, did not answer), and for the
 * in-memory store what it holds: `account_graph_read_cache_bytes` (at most `READ_CACHE_BYTES`),
 * `account_graph_read_cache_entries` and `account_graph_read_cache_evictions_total` (entries dropped
 * for room). Redis reports its own memory and evictions. Create one per server, with its cache.
 */
export function observeReadCache(registry: Registry, store: ReadCacheStore, providers: readonly { id: ProviderId }[]): ReadCacheObserver {
  const reads = new Counter({
    name: "account_graph_read_cache_reads_total",
    help: "Provider reads through the read cache: hit (answered from it), miss (by the provider), stale (a stale answer while the provider was unavailable).",
    labelNames: ["provider", "result"],
    registers: [registry],
  });
  const invalidations = new Counter({
    name: "account_graph_read_cache_invalidations_total",
    help: "Writes that made the read cache forget the reads they change, for their credential.",
    labelNames: ["provider"],
    registers: [registry],
  });
  const storeErrors = new Counter({
    name: "account_graph_read_cache_store_errors_total",
    help: "Read-cache operations its store (Redis) did not answer; the read went to the provider.",
    registers: [registry],
  });
  // Every series from the start, so a rate over a fresh pod is 0 rather than absent.
  for (const { id: provider } of providers) {
    for (const result of ["hit", "miss", "stale"]) reads.inc({ provider, result }, 0);
    invalidations.inc({ provider }, 0);
  }
  const stats = store.stats?.bind(store);
  if (stats) {
    scrapedGauge(
      registry,
      "account_graph_read_cache_bytes",
      "Estimated heap held by the in-memory read cache (at most READ_CACHE_BYTES).",
      () => stats().bytes,
    );
    scrapedGauge(
      registry,
      "account_graph_read_cache_entries",
      "Entries (answers and scope epochs) held by the in-memory read cache.",
      () => stats().entries,
    );
    let counted = 0;
    new Counter({
      name: "account_graph_read_cache_evictions_total",
      help: "Entries the in-memory read cache dropped to stay within READ_CACHE_BYTES.",
      registers: [registry],
      collect() {
        const { evictions } = stats();
        this.inc(evictions - counted);
        counted = evictions;
      },
    });
  }
  return {
    read: (provider, result) => reads.inc({ provider, result }),
    invalidated: provider => invalidations.inc({ provider }),
    storeFailed: () => storeErrors.inc(),
  };
}
