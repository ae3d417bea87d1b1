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
): DataLoader<K, V> {
  const cache = new Map<K, Promise<V>>();
  return new DataLoader<K, V>(batch, {
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
 * A request's loader of a resource the credential has exactly one of (key {@link SELF}): the
 * first `load` fetches it and every later one shares that call (reported to the recorder as a
 * loader hit, as {@link trackedLoader} does); a failed fetch is forgotten, so a later load tries
 * again, as DataLoader's cache does. Create one per request, never share across requests.
 */
export interface SelfLoader<V> {
  load(key: typeof SELF): Promise<V>;
  /** Forget the resource: the next load fetches it again. */
  clear(key: typeof SELF): SelfLoader<V>;
  /** Hold `value` as the resource, as a write answered it. */
  prime(key: typeof SELF, value: V): SelfLoader<V>;
}

/**
 * A {@link SelfLoader}: however many fields ask, `fetch` runs once per request. Not a DataLoader,
 * whose batch has nothing to gather with one key and costs every read a scheduled tick, a batch
 * and a promise per load before the call even starts.
 */
export function selfLoader<V>(recorder: UpstreamRecorder, provider: ProviderId, endpoint: Endpoint, fetch: () => Promise<V>): SelfLoader<V> {
  let held: Promise<V> | undefined;
  const loader: SelfLoader<V> = {
    load() {
      if (held) {
        recorder.recordLoaderHit({ provider, method: endpoint.method, path: endpoint.path });
        return held;
      }
      const fetched = fetch();
      held = fetched;
      fetched.catch(() => {
        if (held === fetched) held = undefined;
      });
      return fetched;
    },
    clear() {
      held = undefined;
      return loader;
    },
    prime(_key, value) {
      held ??= Promise.resolve(value);
      return loader;
    },
  };
  return loader;
}

/** A per-request loader {@link primeAfterWrite} can prime: a DataLoader or a {@link SelfLoader}. */
export interface Primable<K, V> {
  clear(key: K): { prime(key: K, value: V): unknown };
}

/**
 * After a write that answered the resource's new state: replace what `loader` holds for `key`
 * with `value`, so later reads of it in the same request see the write and make no call.
 * Returns `value`. Every mutation primes its loader through this.
 */
export function primeAfterWrite<K, V>(loader: Primable<K, NoInfer<V>>, key: K, value: V): V {
  loader.clear(key).prime(key, value);
  return value;
}
