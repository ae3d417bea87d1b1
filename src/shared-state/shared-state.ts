import { type KeyValueCache } from "@apollo/utils.keyvaluecache";
import { type ProviderId } from "../contract/provider-facts.js";
import { type ConcurrencyLimiter } from "../rest/concurrency-limiter.js";
import { type IdempotencyStore, type IdempotencyStoreOptions } from "../idempotency/store.js";

/**
 * What replicas must share: the automatic-persisted-query cache, the per-credential concurrency
 * budgets of providers that limit concurrency, and the answers kept for `Idempotency-Key` retries.
 * In memory by default; in Redis with `REDIS_URL`.
 */
export interface SharedState {
  /** `memory` or `redis`. */
  readonly kind: "memory" | "redis";
  /** Where the state lives and whether it is reachable right now, for the start-up log line. */
  describe(): string;
  /** APQ cache for Apollo; undefined means Apollo's own in-memory cache. */
  readonly apqCache?: KeyValueCache<string>;
  /** A limiter allowing `max` calls in flight per credential to `provider` (across replicas with Redis). */
  limiter(provider: ProviderId, max: number): ConcurrencyLimiter;
  /** Where the answers of mutations sent with an `Idempotency-Key` are kept (one per process). */
  idempotencyStore(options: IdempotencyStoreOptions): IdempotencyStore;
  /** False while a required backing store is unreachable or does not answer (reported by /readyz). */
  ready(): boolean;
  /** Why it is not ready, for /readyz (`redis unreachable`, `redis not answering`). */
  unreadyReason?(): string | undefined;
  close(): Promise<void>;
}
