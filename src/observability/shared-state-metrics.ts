import { Counter, Gauge, Histogram, type Registry } from "prom-client";
import { type ProviderId } from "../contract/provider-facts.js";
import { type LimiterObserver } from "../shared-state/measured-limiter.js";
import { type SharedState } from "../shared-state/shared-state.js";

/**
 * Metrics of the state replicas share, registered on the server's `/metrics` registry:
 * `account_graph_shared_state_ready{store}` (1 ready, 0 not: Redis unreachable or not answering), and per provider
 * with a concurrency budget (`maxConcurrencyPerCredential`) the callers waiting for a slot, how long each waited, and
 * how many gave up at their deadline: the {@link LimiterObserver} the limiters report to. Create
 * one per server, before its limiters (`providerLimiters`).
 */
export function observeSharedState(
  registry: Registry,
  shared: SharedState,
  providers: readonly { id: ProviderId; maxConcurrencyPerCredential?: number }[],
): LimiterObserver {
  new Gauge({
    name: "account_graph_shared_state_ready",
    help: "1 while the shared state (persisted queries, concurrency budgets) is usable, 0 while its store (Redis) is unreachable or does not answer in time.",
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

  for (const { id, maxConcurrencyPerCredential } of providers) {
    if (maxConcurrencyPerCredential) waiting.set({ provider: id }, 0);
  }
  return {
    waiting: (provider, delta) => waiting.inc({ provider }, delta),
    acquired: (provider, seconds) => waitSeconds.observe({ provider }, seconds),
    gaveUp: provider => timeouts.inc({ provider }),
  };
}
