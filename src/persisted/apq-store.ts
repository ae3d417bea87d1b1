import { type KeyValueCache } from "@apollo/utils.keyvaluecache";

// Apollo Server's prefix for persisted-query keys (`APQ_CACHE_PREFIX` in its request pipeline,
// which the package does not export); a test registers by APQ and reads the hash back through this.
const APQ_PREFIX = "apq:";

/**
 * Apollo Server's persisted-query store, read as its request pipeline reads it: the cache given as
 * `persistedQueries.cache` (the APQ cache in Redis, or the manifest) or else Apollo's own cache
 * (`apollo.cache`, its default in-memory LRU), under Apollo's `apq:` key prefix. Only `get` is
 * used: a hash names a text exactly when this answers it.
 */
export function apqReader(cache: KeyValueCache<string>): Pick<KeyValueCache<string>, "get"> {
  return { get: hash => cache.get(APQ_PREFIX + hash) };
}
