import { type Logger } from "pino";
import { type Metrics } from "../observability/metrics.js";
import { type CredentialHash } from "../shared-state/credential-hash.js";
import { type HeaderReader } from "./caller-scope.js";
import { IdempotentRequest } from "./idempotent-request.js";
import { type IdempotencyStore } from "./store.js";

/** Retry-safe mutations (contract §6) for one server: starts the handling of each keyed request. */
export interface Idempotency {
  /** The handling of one request that carries `Idempotency-Key: key` (see {@link IdempotentRequest}). */
  begin(key: string, headers: HeaderReader): IdempotentRequest;
}

/** What {@link createIdempotency} needs. */
export interface IdempotencyOptions {
  /** Where answers are kept: `SharedState.idempotencyStore` (memory, or Redis with `REDIS_URL`). */
  store: IdempotencyStore;
  /** Whether `API_TOKENS` is set (the token is then part of who the caller is). */
  tokensOn: boolean;
  /** Every provider's credential header (the credentials a request carries are part of who it is). */
  credentialHeaders: readonly string[];
  hash: CredentialHash;
  metrics: Metrics;
  logger: Logger;
}

/** Build once per server; `http/http-server.ts` calls `begin` for each request with the header. */
export function createIdempotency(options: IdempotencyOptions): Idempotency {
  const deps = {
    store: options.store,
    scope: {
      tokensOn: options.tokensOn,
      credentialHeaders: options.credentialHeaders.map(h => h.toLowerCase()),
      hash: options.hash,
    },
    count: (outcome: string) => options.metrics.idempotency.inc({ outcome }),
    logger: options.logger,
  };
  return { begin: (key, headers) => new IdempotentRequest(key, headers, deps) };
}
