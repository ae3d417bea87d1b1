import { InMemoryConcurrencyLimiter } from "../rest/concurrency-limiter.js";
import { type SharedState } from "./shared-state.js";

/** Single-process state: Apollo's in-memory APQ cache and in-memory limiters. */
export function memoryState(): SharedState {
  return {
    kind: "memory",
    describe: () => "single-process state in memory",
    limiter: (_provider, max) => new InMemoryConcurrencyLimiter(max),
    ready: () => true,
    close: async () => undefined,
  };
}
