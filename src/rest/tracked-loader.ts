import DataLoader from "dataloader";
import { type Context } from "../context.js";
import { type Provider } from "../providers/provider.js";

/** What a loader key stands for upstream, for the inspector (`GET /v1/billing-accounts/ba-1`). */
export type DescribeKey<K> = (key: K) => { method: string; path: string };

/**
 * A per-request DataLoader that reports cache hits (fields served by a call the request already
 * made) to `ctx.upstream`, for the inspector and the `loader` cache-hit metric. Same contract as
 * DataLoader: create one per request, never share across requests.
 */
export function trackedLoader<K, V>(
  ctx: Context,
  provider: Provider,
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
        if (hit) ctx.upstream.recordLoaderHit({ provider, ...describe(key) });
        return hit;
      },
      set: (key, value) => void cache.set(key, value),
      delete: key => void cache.delete(key),
      clear: () => cache.clear(),
    },
  });
}
