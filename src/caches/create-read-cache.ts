import { type Logger } from "pino";
import { type Registry } from "prom-client";
import { type ReadCacheConfig } from "../config.js";
import { type ProviderId } from "../contract/provider-facts.js";
import { observeReadCache } from "../observability/read-cache-metrics.js";
import { type SharedState } from "../shared-state/shared-state.js";
import { credentialKeyer } from "./credential-key.js";
import { type CacheClock } from "./memory-read-store.js";
import { ReadCache } from "./read-cache.js";

/**
 * The process's read cache, in the shared state's store (memory, or Redis with `REDIS_URL`), with
 * its metrics on `registry`; undefined when it is off (`READ_CACHE_TTL_SECONDS` and
 * `STALE_IF_ERROR_SECONDS` both 0), so that requests never touch it.
 */
export function createReadCache(
  config: ReadCacheConfig,
  deps: { shared: SharedState; registry: Registry; providers: readonly { id: ProviderId }[]; logger?: Logger; clock?: CacheClock },
): ReadCache | undefined {
  if (config.ttlSeconds <= 0 && config.staleIfErrorSeconds <= 0) return undefined;
  const store = deps.shared.readStore(config.maxBytes, deps.clock);
  return new ReadCache({
    ttlSeconds: config.ttlSeconds,
    staleIfErrorSeconds: config.staleIfErrorSeconds,
    store,
    keyer: credentialKeyer(config.secret),
    observer: observeReadCache(deps.registry, store, deps.providers),
    logger: deps.logger,
  });
}
