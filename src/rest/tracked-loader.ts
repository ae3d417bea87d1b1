import DataLoader from "dataloader";
import { type ProviderId } from "../contract/provider-facts.js";
import { type Endpoint } from "./rest-client.js";
import { type UpstreamRecorder } from "./upstream-recorder.js";

/** What a loader key stands for upstream, for the inspector (`GET /v1/billing-accounts/ba-1`). */
export type DescribeKey<K> = (key: K) => Endpoint;

/**
 * A per-request DataLoader that reports cache hits (fields served by a call the request already
 * made) to the request's `recorder` (`ctx.upstream`), for the inspector and the `loader` cache-hit metric. Same contract as
 * DataLoader: create one per request, never share across requests.
 */
export function trackedLoader<K, V>(
  recorder: UpstreamRecorder,
  provider: ProviderId,
  describe: DescribeKey<K>,
  batch: DataLoader.BatchLoadFn<K, V>,
  options: { batch?: boolean } = {},
): DataLoader<K, V> {
  const cache = new Map<K, Promise<V>>();
  return new DataLoader<K, V>(batch, {
    batch: options.batch ?? true,
    cacheMap: {
      get(key) {
        const hit = cache.get(key);
        if (hit) {
          const { method, path } = describe(key);
          recorder.recordLoaderHit({ provider, method, path });
        }
        return hit;
      },
      set: (key, value) => void cache.set(key, value),
      delete: key => void cache.delete(key),
      clear: () => cache.clear(),
    },
  });
}

/** The key of a provider's one resource per credential (the caller's own account or profile). */
export const SELF = "self";

/**
 * A {@link trackedLoader} for a resource the credential has exactly one of: every key is
 * {@link SELF}, and however many fields ask, `fetch` runs once per request.
 */
export function selfLoader<V>(
  recorder: UpstreamRecorder,
  provider: ProviderId,
  endpoint: Endpoint,
  fetch: () => Promise<V>,
): DataLoader<string, V> {
  return trackedLoader<string, V>(recorder, provider, () => endpoint, async keys => {
    const value = await fetch();
    return keys.map(() => value);
  });
}

/**
 * After a write that answered the resource's new state: replace what `loader` holds for `key`
 * with `value`, so later reads of it in the same request see the write and make no call.
 * Returns `value`. Every mutation primes its loader through this.
 */
export function primeAfterWrite<K, V>(loader: DataLoader<K, V>, key: K, value: V): V {
  loader.clear(key).prime(key, value);
  return value;
}
