import { type Logger } from "pino";
import { type Registry } from "prom-client";
import { type Clock } from "../clock.js";
import { type ReadCacheConfig } from "../config.js";
import { type ProviderId } from "../contract/provider-facts.js";
import { observeReadCache } from "../observability/read-cache-metrics.js";
import { type CredentialHash } from "../shared-state/credential-hash.js";
import { type SharedState } from "../shared-state/shared-state.js";
import { ReadCache } from "./read-cache.js";

/**
 * The process's read cache, in the shared state's store (memory, or Redis with `REDIS_URL`), with
 * its metrics on `registry`; undefined when it is off (`READ_CACHE_TTL_SECONDS` and
 * `STALE_IF_ERROR_SECONDS` both 0), so that requests never touch it. Credentials appear in its keys
 * as `hash` makes them (`CREDENTIAL_HASH_SECRET`, the same on every replica that shares Redis, so
 * that they find each other's answers and forget them after each other's writes).
 */
export function createReadCache(
  config: ReadCacheConfig,
  deps: {
    shared: SharedState;
    hash: CredentialHash;
    registry: Registry;
    providers: readonly { id: ProviderId }[];
    logger?: Logger;
    clock: Clock;
  },
): ReadCache | undefined {
  if (config.ttlSeconds <= 0 && config.staleIfErrorSeconds <= 0) return undefined;
  const store = deps.shared.readStore(config.maxBytes, deps.clock);
  return new ReadCache({
    ttlSeconds: config.ttlSeconds,
    staleIfErrorSeconds: config.staleIfErrorSeconds,
    store,
    // Its own first part: a read-cache key never equals another use's hash of the same credential.
    keyer: credential => deps.hash("read-cache", credential),
    observer: observeReadCache(deps.registry, store, deps.providers),
    logger: deps.logger,
  });
}
