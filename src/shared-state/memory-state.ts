import { InMemoryConcurrencyLimiter } from "../rest/concurrency-limiter.js";
import { MemoryIdempotencyStore } from "../idempotency/memory-store.js";
import { type SharedState } from "./shared-state.js";

/** Single-process state: Apollo's in-memory APQ cache, in-memory limiters and idempotency answers. */
export function memoryState(): SharedState {
  return {
    kind: "memory",
    describe: () => "single-process state in memory",
    limiter: (_provider, max) => new InMemoryConcurrencyLimiter(max),
    idempotencyStore: options => new MemoryIdempotencyStore(options),
    ready: () => true,
    close: async () => undefined,
  };
}
