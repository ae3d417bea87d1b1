import { performance } from "node:perf_hooks";
import { type ProviderId } from "../contract/provider-facts.js";
import { type ConcurrencyLimiter } from "../rest/concurrency-limiter.js";

/** What a provider's limiter reports as calls wait for its budget (the metrics implement it). */
export interface LimiterObserver {
  /** A call started (+1) or stopped (-1) waiting for a slot. */
  waiting(provider: ProviderId, delta: 1 | -1): void;
  /** A call got a slot after waiting this long. */
  acquired(provider: ProviderId, waitedSeconds: number): void;
  /** A call gave up: its deadline passed, or the budget's store could not be reached. */
  gaveUp(provider: ProviderId): void;
}

/**
 * The concurrency limiter of each provider that declares `maxConcurrencyPerCredential`, from the
 * shared state (in memory, or shared by replicas in Redis), every acquire reported to `observer`.
 * Callers acquire by credential; the limiter keeps `keyOf(credential)` (the deployment's keyed
 * credential hash), never the credential. Build once per process.
 */
export function providerLimiters(
  providers: readonly { id: ProviderId; maxConcurrencyPerCredential?: number }[],
  build: (provider: ProviderId, max: number) => ConcurrencyLimiter,
  observer: LimiterObserver,
  keyOf: (credential: string) => string,
): Partial<Record<ProviderId, ConcurrencyLimiter>> {
  const limiters: Partial<Record<ProviderId, ConcurrencyLimiter>> = {};
  for (const { id, maxConcurrencyPerCredential } of providers) {
    if (maxConcurrencyPerCredential) limiters[id] = measured(id, build(id, maxConcurrencyPerCredential), observer, keyOf);
  }
  return limiters;
}

function measured(provider: ProviderId, inner: ConcurrencyLimiter, observer: LimiterObserver, keyOf: (credential: string) => string): ConcurrencyLimiter {
  return {
    async acquire(credential, deadline) {
      const started = performance.now();
      observer.waiting(provider, 1);
      try {
        const release = await inner.acquire(keyOf(credential), deadline);
        observer.acquired(provider, (performance.now() - started) / 1000);
        return release;
      } catch (error) {
        observer.gaveUp(provider);
        throw error;
      } finally {
        observer.waiting(provider, -1);
      }
    },
  };
}
