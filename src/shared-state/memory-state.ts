import { InMemoryConcurrencyLimiter } from "../rest/concurrency-limiter.js";
import { MemoryIdempotencyStore } from "../idempotency/memory-store.js";
import { memoryReadStore } from "../caches/memory-read-store.js";
import { type SharedState } from "./shared-state.js";

/** Single-process state: Apollo's in-memory APQ cache, in-memory limiters, idempotency answers and read cache. */
export function memoryState(): SharedState {
  return {
    kind: "memory",
    describe: () => "single-process state in memory",
    limiter: (_provider, max) => new InMemoryConcurrencyLimiter(max),
    idempotencyStore: options => new MemoryIdempotencyStore(options),
    readStore: (maxBytes, clock) => memoryReadStore(maxBytes, clock),
    ready: () => true,
    close: async () => undefined,
  };
}
