import { type KeyValueCache } from "@apollo/utils.keyvaluecache";
import { type ProviderId } from "../contract/provider-facts.js";
import { type ConcurrencyLimiter } from "../rest/concurrency-limiter.js";
import { type IdempotencyStore, type IdempotencyStoreOptions } from "../idempotency/store.js";
import { type Clock } from "../clock.js";
import { type ReadCacheStore } from "../caches/read-cache-store.js";

/**
 * What replicas must share: the automatic-persisted-query cache, the per-credential concurrency
 * budgets of providers that limit concurrency, the answers kept for `Idempotency-Key` retries, and
 * the read cache. In memory by default; in Redis with `REDIS_URL`.
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
  /**
   * Where the read cache keeps answers: this process's memory, at most `maxBytes` on `clock`, or
   * Redis, shared by the replicas (which expires entries on its own clock). Create one per process.
   */
  readStore(maxBytes: number, clock: Clock): ReadCacheStore;
  /** False while a required backing store is unreachable or does not answer (reported by /readyz). */
  ready(): boolean;
  /** Why it is not ready, for /readyz (`redis unreachable`, `redis not answering`). */
  unreadyReason?(): string | undefined;
  close(): Promise<void>;
}
