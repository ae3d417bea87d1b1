import { Counter, Gauge, Registry, collectDefaultMetrics } from "prom-client";
import { type DocumentStore } from "../caches/document-store.js";
import { type IdempotencyStore } from "../idempotency/store.js";
import { TalliedCounter, TalliedHistogram } from "./tallies.js";

/**
 * Why a request was refused before GraphQL ran (the `reason` label of
 * `account_graph_refused_requests_total`), each with what its help text says of it.
 */
export const REFUSAL_REASONS = {
  unauthenticated: "401, API_TOKENS",
  csrf: "400",
  bad_body: "400",
  query_too_large: "400, MAX_QUERY_BYTES",
  bad_fault_header: "400, an X-Simulate-Fault that cannot be read",
  not_acceptable: "406",
  body_too_large: "413",
  unsupported_media_type: "415",
  shutting_down: "503",
} as const;
export type RefusalReason = keyof typeof REFUSAL_REASONS;

/**
 * What became of a mutation sent with an `Idempotency-Key` (the `outcome` label of
 * `account_graph_idempotent_mutations_total`), each with what its help text says of it.
 */
export const IDEMPOTENCY_OUTCOMES = {
  kept: "ran, answer kept for retries",
  unsent: "ran without a provider call, key free again",
  unknown: "ran, a provider call's outcome unknown: not kept, a retry runs again",
  not_kept: "ran, the answer could not be stored",
  replayed: "a retry answered from the store",
  in_use: "409",
  key_reused: "422",
  invalid_key: "400",
  store_unavailable: "503",
} as const;
export type IdempotencyOutcome = keyof typeof IDEMPOTENCY_OUTCOMES;

// `name (what)` for each label value of a table above, for a help text.
function labelValues(table: Record<string, string>): string {
  return Object.entries(table)
    .map(([value, what]) => `${value} (${what})`)
    .join(", ");
}

/** Prometheus metrics of one server (own registry, so several servers can live in one process). */
export interface Metrics {
  registry: Registry;
  // Updated on every request, so tallied (./tallies.ts).
  requests: TalliedCounter<"operation" | "outcome">;
  requestDuration: TalliedHistogram<"operation">;
  upstreamCalls: TalliedCounter<"provider" | "status" | "outcome">;
  upstreamDuration: TalliedHistogram<"provider">;
  circuitState: Gauge<"provider">;
  cacheHits: TalliedCounter<"cache">;
  refusedRequests: Counter<"reason">;
  idempotency: Counter<"outcome">;
}

/** Create the metrics served at `/metrics` (names prefixed `account_graph_`). */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "account_graph_" });
  return {
    registry,
    requests: new TalliedCounter({
      name: "account_graph_requests_total",
      help: "GraphQL requests by operation name and outcome (ok or the first error code).",
      labelNames: ["operation", "outcome"],
      registry,
    }),
    requestDuration: new TalliedHistogram({
      name: "account_graph_request_duration_seconds",
      help: "GraphQL request duration by operation name.",
      labelNames: ["operation"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registry,
    }),
    upstreamCalls: new TalliedCounter({
      name: "account_graph_upstream_calls_total",
      help: "Upstream operations by provider, last HTTP status (none when no answer) and outcome.",
      labelNames: ["provider", "status", "outcome"],
      registry,
    }),
    upstreamDuration: new TalliedHistogram({
      name: "account_graph_upstream_call_duration_seconds",
      help: "Upstream operation duration (retries included) by provider.",
      labelNames: ["provider"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registry,
    }),
    circuitState: new Gauge({
      name: "account_graph_circuit_state",
      help: "Circuit breaker state per provider: 0 closed, 1 half-open, 2 open.",
      labelNames: ["provider"],
      registers: [registry],
    }),
    cacheHits: new TalliedCounter({
      name: "account_graph_cache_hits_total",
      help:
        "Cache hits: `loader` (a field served by a call already made in the request), `apq` (a " +
        "persisted query's text found by its hash), `document` (Apollo's pipeline skipped parsing " +
        "and validation).",
      labelNames: ["cache"],
      registry,
    }),
    refusedRequests: new Counter({
      name: "account_graph_refused_requests_total",
      help: `Requests refused before GraphQL ran, by reason: ${labelValues(REFUSAL_REASONS)}.`,
      labelNames: ["reason"],
      registers: [registry],
    }),
    idempotency: new Counter({
      name: "account_graph_idempotent_mutations_total",
      help: `Mutations sent with an Idempotency-Key, by outcome: ${labelValues(IDEMPOTENCY_OUTCOMES)}.`,
      labelNames: ["outcome"],
      registers: [registry],
    }),
  };
}

/** A gauge with no labels whose value is read from `read` when `/metrics` is scraped. */
export function scrapedGauge(registry: Registry, name: string, help: string, read: () => number): void {
  new Gauge({
    name,
    help,
    registers: [registry],
    collect() {
      this.set(read());
    },
  });
}

/**
 * Gauges of Apollo's parsed-document cache, read when `/metrics` is scraped:
 * `account_graph_document_cache_bytes` (estimated heap held, at most `DOCUMENT_CACHE_BYTES`) and
 * `account_graph_document_cache_documents`. Nothing registered when the cache is off.
 */
export function observeDocumentStore(registry: Registry, store: DocumentStore | undefined): void {
  if (!store) return;
  scrapedGauge(
    registry,
    "account_graph_document_cache_bytes",
    "Estimated heap held by Apollo's parsed-document cache (at most DOCUMENT_CACHE_BYTES).",
    () => store.bytes,
  );
  scrapedGauge(
    registry,
    "account_graph_document_cache_documents",
    "Parsed and validated documents held by Apollo's document cache.",
    () => store.size,
  );
}

/**
 * Gauges of the in-memory idempotency store, read when `/metrics` is scraped:
 * `account_graph_idempotency_cache_bytes` (estimated heap its kept answers take, at most
 * `IDEMPOTENCY_CACHE_BYTES`) and `account_graph_idempotency_cache_answers`. Nothing registered for
 * Redis, which reports its own memory.
 */
export function observeIdempotencyStore(registry: Registry, store: IdempotencyStore): void {
  const stats = store.stats?.bind(store);
  if (!stats) return;
  scrapedGauge(
    registry,
    "account_graph_idempotency_cache_bytes",
    "Estimated heap held by the answers the in-memory idempotency store keeps (at most IDEMPOTENCY_CACHE_BYTES).",
    () => stats().bytes,
  );
  scrapedGauge(
    registry,
    "account_graph_idempotency_cache_answers",
    "Answers the in-memory idempotency store keeps for retries of keyed mutations.",
    () => stats().answers,
  );
}

const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const MAX_OPERATION_LABELS = 200;

/**
 * A bounded label for an operation name (client-chosen names must not explode cardinality): a
 * `known` name (the persisted-query manifest's operations) always has its own label; other valid
 * names get one while fewer than 200 have, then `other`; `anonymous` and `invalid` otherwise. So
 * a flood of made-up names costs at most 200 label values and never hides the known operations.
 */
export function operationLabel(
  name: string | null | undefined,
  seen: Set<string>,
  known: ReadonlySet<string> = new Set(),
): string {
  if (!name) return "anonymous";
  if (known.has(name)) return name;
  if (!OPERATION_NAME.test(name)) return "invalid";
  if (seen.has(name)) return name;
  if (seen.size >= MAX_OPERATION_LABELS) return "other";
  seen.add(name);
  return name;
}
