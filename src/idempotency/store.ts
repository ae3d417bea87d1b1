/**
 * An answer as its client read it: the HTTP status, the headers Apollo set on it (content type,
 * `Vary`, cache hints) and the body's text. A replay writes these back exactly.
 */
export interface StoredAnswer {
  status: number;
  headers: [name: string, value: string][];
  body: string;
}

/** What {@link IdempotencyStore.claim} found for a key. */
export type Claim =
  /** Nobody has used the key: this request runs, and must keep or release its lease. */
  | { kind: "claimed"; lease: Lease }
  /** The first request with this key and this operation finished: its answer. */
  | { kind: "replay"; answer: StoredAnswer }
  /** The first request with this key and this operation is still running. */
  | { kind: "in-use" }
  /** The key was used for another operation or other variables. */
  | { kind: "reused" };

/** A request's hold on its key while it runs. Call exactly one of {@link keep} and {@link release}. */
export interface Lease {
  /**
   * Keep `answer` for the key's retries. Resolves false when it could not be kept (the store
   * failed, or in memory the answer is larger than the whole budget); never rejects.
   */
  keep(answer: StoredAnswer): Promise<boolean>;
  /** Give the key back unused: the next request with it runs. Never rejects. */
  release(): Promise<void>;
}

/**
 * Where the answers of mutations sent with an `Idempotency-Key` live, by entry id (the caller's
 * keyed hash and the key, see `caller-scope.ts`), with the fingerprint of the operation that
 * claimed it. In memory (`memory-store.ts`) or Redis (`redis-store.ts`).
 */
export interface IdempotencyStore {
  /**
   * Claim `id` for a request running the operation `fingerprint`, atomically: of concurrent
   * claims exactly one is `claimed`. Rejects when the store cannot be reached.
   */
  claim(id: string, fingerprint: string): Promise<Claim>;
  /** In-memory store only: estimated heap its kept answers take, and how many it keeps (for `/metrics`). */
  stats?(): { bytes: number; answers: number };
}

/** What a store needs to know: how long answers are kept, how much memory they may take, how long a lease lasts. */
export interface IdempotencyStoreOptions {
  ttlSeconds: number;
  /** Memory only: bytes kept answers may take. */
  maxBytes: number;
  /**
   * Redis only: how long a claim outlives its holder. The holder renews it while it runs, so only
   * a replica that died (or lost Redis) mid-request lets it lapse; a retry then runs again.
   */
  leaseMs: number;
}
