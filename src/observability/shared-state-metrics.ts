import { performance } from "node:perf_hooks";
import { Counter, Gauge, Histogram, type Registry } from "prom-client";
import { type ProviderId } from "../providers/provider-facts.js";
import { type ConcurrencyLimiter } from "../rest/concurrency-limiter.js";
import { type SharedState } from "../shared-state/shared-state.js";

/** A limiter whose acquires are measured; `inner` is the shared state's own (for tests' inspection). */
export interface MeasuredLimiter extends ConcurrencyLimiter {
  readonly inner: ConcurrencyLimiter;
}

/**
 * Metrics of the state replicas share, registered on the server's `/metrics` registry:
 * `account_graph_shared_state_ready{store}` (1 ready, 0 not: Redis unreachable), and per provider
 * with a concurrency budget (`maxConcurrencyPerCredential`) the callers waiting for a slot, how long each waited, and
 * how many gave up at their deadline. Returns `limiter`, which wraps the shared state's limiter so
 * every acquire is measured. Create one per server.
 */
export function observeSharedState(registry: Registry, shared: SharedState) {
  new Gauge({
    name: "account_graph_shared_state_ready",
    help: "1 while the shared state (persisted queries, concurrency budgets) is usable, 0 while its store (Redis) is unreachable.",
    labelNames: ["store"],
    registers: [registry],
    collect() {
      this.set({ store: shared.kind }, shared.ready() ? 1 : 0);
    },
  });
  const waiting = new Gauge({
    name: "account_graph_concurrency_waiting",
    help: "Upstream calls waiting for a slot of the provider's concurrency budget right now.",
    labelNames: ["provider"],
    registers: [registry],
  });
  const waitSeconds = new Histogram({
    name: "account_graph_concurrency_wait_seconds",
    help: "Time an upstream call waited for a slot of the provider's concurrency budget (a Redis round trip when none was busy).",
    labelNames: ["provider"],
    buckets: [0.001, 0.005, 0.025, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const timeouts = new Counter({
    name: "account_graph_concurrency_timeouts_total",
    help: "Upstream calls that gave up waiting for the provider's concurrency budget (or could not reach its store) before their deadline.",
    labelNames: ["provider"],
    registers: [registry],
  });

  return {
    /** `shared.limiter(provider, max)`, measured. */
    limiter(provider: ProviderId, max: number): MeasuredLimiter {
      const inner = shared.limiter(provider, max);
      waiting.set({ provider }, 0);
      return {
        inner,
        async acquire(key, deadline) {
          const started = performance.now();
          waiting.inc({ provider });
          try {
            const release = await inner.acquire(key, deadline);
            waitSeconds.observe({ provider }, (performance.now() - started) / 1000);
            return release;
          } catch (error) {
            timeouts.inc({ provider });
            throw error;
          } finally {
            waiting.dec({ provider });
          }
        },
      };
    },
  };
}
