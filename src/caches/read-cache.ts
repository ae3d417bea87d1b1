import { createHash, randomBytes } from "node:crypto";
import { type Logger } from "pino";
import { type ProviderId } from "../contract/provider-facts.js";
import { type UpstreamFailure } from "../errors/upstream-error.js";
import { type RequestTrace } from "../observability/trace-context.js";
import { type TransportResponse } from "../rest/transport.js";
import { type UpstreamRecorder } from "../rest/upstream-recorder.js";
import { answerFreshness } from "./cache-control.js";
import { decodeAnswer, encodeAnswer, type ReadCacheStore, type StoredAnswer } from "./read-cache-store.js";

/**
 * A read as the cache keys it: the parts of a `RestCall` (`rest/rest-client.ts`, which uses this
 * cache) that name the resource.
 */
export interface CachedCall {
  method: string;
  path: string;
  /** The path's template, for traces. */
  route?: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
}

/** A read a write changes, whatever its query or body (an `Endpoint` in a write's `invalidates`). */
export type InvalidatedRead = Pick<CachedCall, "method" | "path">;

/** How a call the REST client made for the cache ended (filled in by `RestClient`). */
export interface CallCapture {
  /** The answer of a call that succeeded. */
  response?: TransportResponse;
  /** The failure of a call that failed. */
  failure?: UpstreamFailure;
}

/** What the cache reports, for metrics (`observability/read-cache-metrics.ts`). */
export interface ReadCacheObserver {
  /** A read answered from the cache (`hit`), by the provider (`miss`), or stale while it failed. */
  read(provider: ProviderId, result: "hit" | "miss" | "stale"): void;
  /** A write made the cache forget reads of its credential. */
  invalidated(provider: ProviderId): void;
  /** The store (Redis) did not answer; the read went to the provider. */
  storeFailed(): void;
}

/** One credential at one provider as the cache sees it: made once per REST client (per request). */
export interface ReadScope {
  readonly provider: ProviderId;
  /** `<provider>:<keyed hash of the credential>`: the start of every key of this credential. */
  readonly keyPrefix: string;
  readonly recorder?: UpstreamRecorder;
  readonly trace?: RequestTrace;
  /** Whether text holds the credential, part of it, or a key-shaped token: such an answer is not kept. */
  holdsSecret(text: string): boolean;
  /** A kept body read back as the REST client reads a fresh one (throws for one it cannot read). */
  parse(body: string): unknown;
}

/** What a {@link ReadScope} is made from, besides the provider and credential. */
export type ScopeParts = Pick<ReadScope, "recorder" | "trace" | "holdsSecret" | "parse">;

/** Turns a credential into the part of a key that stands for it: a keyed hash, never the credential. */
export type CredentialKeyer = (credential: string) => string;

export interface ReadCacheOptions {
  /** `READ_CACHE_TTL_SECONDS`: how long an answer is served without asking the provider. */
  ttlSeconds: number;
  /** `STALE_IF_ERROR_SECONDS`: how long past that it answers while the provider is unavailable. */
  staleIfErrorSeconds: number;
  store: ReadCacheStore;
  keyer: CredentialKeyer;
  observer?: ReadCacheObserver;
  logger?: Pick<Logger, "warn" | "info">;
}

// A write whose invalidation the store did not take is tried again this often, until it is taken
// or the answers it would have dropped have expired anyway.
const RETRY_INVALIDATION_MS = 1000;
// The most scopes remembered as not yet forgotten by the store; past it this process stays off the
// store altogether until every answer a lost invalidation would have dropped has expired.
const MAX_PENDING_INVALIDATIONS = 10_000;

/**
 * The read cache (contract §5): provider answers to reads (`RestCall.read`), per provider,
 * resource (method, path, query, body) and credential, where the credential appears only as a
 * keyed hash. Fresh answers are served without a call for `ttlSeconds` (less when the provider's
 * `Cache-Control` says so); failed calls are never kept; answers holding a secret are never kept.
 * When a call fails because the provider is unavailable (connection failure, timeout, 5xx, 429, an
 * open circuit), an answer past its TTL by at most `staleIfErrorSeconds` is served instead, marked
 * stale on the request. Writes that declare what they change (`Endpoint.invalidates`) make the
 * store forget those reads of their credential before the write's answer is returned.
 *
 * A store that fails (Redis) costs a provider call, never an error: the outage is logged once,
 * and a write whose invalidation did not reach it is tried again (this process does not serve
 * those reads from the store meanwhile). Create one per process.
 */
export class ReadCache {
  private readonly ttlMs: number;
  private readonly staleMs: number;
  /** Scope keys whose invalidation the store has not taken yet → when trying stops. */
  private readonly pending = new Map<string, number>();
  /** Past {@link MAX_PENDING_INVALIDATIONS}: no store lookups before this time. */
  private offStoreUntil = 0;
  private retryTimer: NodeJS.Timeout | undefined;
  private retrying: Promise<boolean> | undefined;
  /**
   * Provider calls out for a missed answer, by entry and the epoch its lookup saw → how they
   * ended. An entry lives while its call is out, so the map holds at most one per call in flight.
   */
  private readonly flights = new Map<string, Promise<FlightOutcome>>();
  private storeDown = false;
  // Epochs are unique across processes without a random draw per lookup.
  private readonly epochPrefix = randomBytes(6).toString("base64url");
  private epochs = 0;

  constructor(private readonly options: ReadCacheOptions) {
    this.ttlMs = options.ttlSeconds * 1000;
    this.staleMs = options.staleIfErrorSeconds * 1000;
  }

  /** The scope of `credential` at `provider`, for one REST client. */
  scope(provider: ProviderId, credential: string, parts: ScopeParts): ReadScope {
    return { provider, keyPrefix: `${provider}:${this.options.keyer(credential)}`, ...parts };
  }

  /**
   * Answer the read `call`: from the cache when fresh, else by `fetch` (the provider call, which
   * fills in the capture), keeping its answer; when that fails because the provider is
   * unavailable, from a stale answer within the window, else the failure.
   */
  async read(scope: ReadScope, call: CachedCall, fetch: (capture: CallCapture) => Promise<unknown>): Promise<unknown> {
    const scopeKey = this.scopeKey(scope, call);
    const entryKey = `${scope.keyPrefix}:read:${digest(`${call.method} ${call.path} ${JSON.stringify(call.query ?? null)} ${JSON.stringify(call.body ?? null)}`)}`;
    const found = await this.lookup(scopeKey, entryKey);
    if (found?.answer && found.freshLeftMs > 0) {
      const value = this.served(scope, call, found.answer, found, "fresh");
      if (value !== UNREADABLE) return value;
    }
    // Misses of one answer while its call is out (one caller's burst as it expires) share that
    // call: the others wait for it and read its answer as a fresh one, or its failure as their
    // own (a stale answer first, as below; the call already had its retries and deadline). Only
    // under the epoch their lookup saw, so a read after a write never gets an answer from before
    // it; and only an answer that may be kept: the provider's no-store, or one holding a secret,
    // is one request's alone, and then each asks the provider itself.
    const flight = found ? `${entryKey} ${found.epoch}` : undefined;
    const leading = flight === undefined ? undefined : this.flights.get(flight);
    if (leading) {
      const outcome = await leading;
      if (outcome.answer) {
        const value = this.served(scope, call, outcome.answer, { freshLeftMs: outcome.answer.freshMs, ageMs: 0 }, "fresh");
        if (value !== UNREADABLE) return value;
      } else if (outcome.failed) {
        return this.failed(scope, call, found, outcome.failed.failure, outcome.failed.error);
      }
    }
    let settle: ((outcome: FlightOutcome) => void) | undefined;
    if (flight !== undefined && !leading) this.flights.set(flight, new Promise(resolve => (settle = resolve)));
    const capture: CallCapture = {};
    let value: unknown;
    let failed: { error: unknown; failure: UpstreamFailure | undefined } | undefined;
    try {
      value = await fetch(capture);
    } catch (error) {
      failed = { error, failure: capture.failure };
      return this.failed(scope, call, found, capture.failure, error);
    } finally {
      // Without the epoch of a lookup the store answered, nothing is kept or shared: it could be
      // an answer a write has already made obsolete.
      const kept = capture.response && this.keepable(scope, found?.epoch, capture.response);
      // Settled whatever happened: a waiting read never outlives the call it waits for.
      if (settle) {
        this.flights.delete(flight!);
        settle(failed ? { failed } : { answer: kept && kept.freshMs > 0 ? kept : undefined });
      }
      // The answer does not wait for the store to take it (with Redis, a round trip per miss), and
      // the save carries the epoch its lookup saw: a write whose invalidation lands first makes it
      // a no-op, so a late save never brings back an answer the write made obsolete.
      if (kept) this.keep(scopeKey, entryKey, kept).catch(error => this.storeFailed(error));
    }
    this.options.observer?.read(scope.provider, "miss");
    return value;
  }

  /**
   * Send a write (`sending`) that changes the reads `endpoints`, then make the store forget those
   * reads of this credential, whether the write succeeded or not (one that timed out may have
   * been applied). Its answer is returned once they are forgotten.
   */
  async write<T>(scope: ReadScope, endpoints: readonly InvalidatedRead[], sending: Promise<T>): Promise<T> {
    try {
      return await sending;
    } finally {
      await this.invalidate(scope.provider, endpoints.map(endpoint => this.scopeKey(scope, endpoint)));
    }
  }

  /** Stop retrying invalidations (on shutdown). */
  close(): void {
    clearTimeout(this.retryTimer);
    this.options.store.close?.();
  }

  // Everything of one credential's reads of one endpoint, whatever their query or body: what a
  // write declares it changes.
  private scopeKey(scope: ReadScope, endpoint: InvalidatedRead): string {
    return `${scope.keyPrefix}:epoch:${digest(`${endpoint.method} ${endpoint.path}`)}`;
  }

  private async lookup(scopeKey: string, entryKey: string): Promise<Found | undefined> {
    // An invalidation the store has not taken yet: take it first, or do without the store.
    if (this.offStoreUntil > Date.now()) return undefined;
    if (this.pending.has(scopeKey) && !(await this.retryInvalidations())) return undefined;
    const lifeMs = this.ttlMs + this.staleMs;
    let result;
    try {
      result = await this.options.store.lookup(scopeKey, entryKey, `${this.epochPrefix}.${(this.epochs += 1)}`, lifeMs);
    } catch (error) {
      this.storeFailed(error);
      return undefined;
    }
    this.storeAnswered();
    const decoded = result.value === undefined ? undefined : decodeAnswer(result.value);
    // An answer kept under another epoch is one a write has made obsolete.
    const answer = decoded?.epoch === result.epoch ? decoded : undefined;
    const lifeLeftMs = answer ? Math.min(result.remainingMs, answer.freshMs + answer.staleMs) : 0;
    return {
      epoch: result.epoch,
      answer,
      freshLeftMs: answer ? lifeLeftMs - answer.staleMs : 0,
      ageMs: answer ? answer.freshMs + answer.staleMs - lifeLeftMs : 0,
    };
  }

  // A read whose provider call failed: a stale answer within the window when the provider is
  // unavailable (past its TTL by no more than the window: the store drops it at the end of its
  // own), else the call's error.
  private failed(scope: ReadScope, call: CachedCall, found: Found | undefined, failure: UpstreamFailure | undefined, error: unknown): unknown {
    if (found?.answer && failure && providerUnavailable(failure) && -found.freshLeftMs <= this.staleMs) {
      const stale = this.served(scope, call, found.answer, found, "stale");
      if (stale !== UNREADABLE) return stale;
    }
    this.options.observer?.read(scope.provider, "miss");
    throw error;
  }

  // A kept answer as this request's data: recorded (inspector, redaction, Cache-Control), traced
  // as an event on the request span, counted.
  private served(
    scope: ReadScope,
    call: CachedCall,
    answer: StoredAnswer,
    found: { freshLeftMs: number; ageMs: number },
    outcome: "fresh" | "stale",
  ): unknown {
    let value: unknown;
    try {
      value = scope.parse(answer.body);
    } catch {
      return UNREADABLE;
    }
    const ageSeconds = Math.floor(found.ageMs / 1000);
    scope.recorder?.recordCachedRead({ provider: scope.provider, method: call.method, path: call.path, outcome, ageSeconds });
    if (outcome === "fresh") scope.recorder?.limitFreshness(found.freshLeftMs / 1000);
    scope.trace?.cachedRead({ provider: scope.provider, method: call.method, path: call.route ?? call.path }, outcome, ageSeconds);
    this.options.observer?.read(scope.provider, outcome === "fresh" ? "hit" : "stale");
    return value;
  }

  // What of a provider's answer may be kept, for as long as both account-graph and the provider
  // allow: undefined for the provider's no-store, no time at all, or a body holding a secret. What
  // the response itself needs (no-store, its freshness) goes to the request's recorder here.
  private keepable(scope: ReadScope, epoch: string | undefined, response: TransportResponse): StoredAnswer | undefined {
    const said = answerFreshness(response.headers, Date.now());
    if (!said.storable) {
      if (scope.recorder) scope.recorder.noStore = true;
      return undefined;
    }
    if (said.freshMs !== undefined) scope.recorder?.limitFreshness(said.freshMs / 1000);
    const freshMs = Math.min(this.ttlMs, said.freshMs ?? Infinity);
    const staleMs = Math.min(this.staleMs, said.staleIfErrorMs ?? Infinity);
    if (epoch === undefined || freshMs + staleMs <= 0 || scope.holdsSecret(response.body)) return undefined;
    return { epoch, freshMs, staleMs, body: response.body };
  }

  private async keep(scopeKey: string, entryKey: string, answer: StoredAnswer) {
    try {
      await this.options.store.save(scopeKey, answer.epoch, entryKey, encodeAnswer(answer), answer.freshMs + answer.staleMs);
    } catch (error) {
      this.storeFailed(error);
    }
  }

  private async invalidate(provider: ProviderId, scopeKeys: string[]): Promise<void> {
    try {
      await this.options.store.invalidate(scopeKeys);
      this.options.observer?.invalidated(provider);
    } catch (error) {
      this.storeFailed(error);
      // Until the store takes it (or what it would drop has expired), this process keeps those
      // reads away from the store and tries again; other replicas see it once it is taken.
      const until = Date.now() + this.ttlMs + this.staleMs;
      for (const key of scopeKeys) {
        if (this.pending.size < MAX_PENDING_INVALIDATIONS || this.pending.has(key)) this.pending.set(key, until);
        else this.offStoreUntil = until;
      }
      this.scheduleRetry();
    }
  }

  private scheduleRetry(): void {
    this.retryTimer ??= setTimeout(() => {
      this.retryTimer = undefined;
      void this.retryInvalidations();
    }, RETRY_INVALIDATION_MS).unref();
  }

  /** Try the pending invalidations again (one try at a time); true when none is left. */
  private retryInvalidations(): Promise<boolean> {
    this.retrying ??= this.tryInvalidations().finally(() => (this.retrying = undefined));
    return this.retrying;
  }

  private async tryInvalidations(): Promise<boolean> {
    const now = Date.now();
    for (const [key, until] of this.pending) if (until <= now) this.pending.delete(key);
    if (this.pending.size === 0) return true;
    const keys = [...this.pending.keys()];
    try {
      await this.options.store.invalidate(keys);
    } catch (error) {
      this.storeFailed(error);
      this.scheduleRetry();
      return false;
    }
    for (const key of keys) this.pending.delete(key);
    this.storeAnswered();
    return true;
  }

  // One line when the store stops answering, one when it answers again.
  private storeFailed(error: unknown): void {
    this.options.observer?.storeFailed();
    if (this.storeDown) return;
    this.storeDown = true;
    this.options.logger?.warn(
      { store: this.options.store.kind, reason: (error as Error)?.message },
      "read cache unavailable: reads go to the providers until it answers again",
    );
  }

  private storeAnswered(): void {
    if (!this.storeDown) return;
    this.storeDown = false;
    this.options.logger?.info({ store: this.options.store.kind }, "read cache available again");
  }
}

const UNREADABLE = Symbol("unreadable");

/** What a lookup found: the scope's epoch, and the answer kept under it with its age. */
interface Found {
  epoch: string;
  answer: StoredAnswer | undefined;
  freshLeftMs: number;
  ageMs: number;
}

/** How a shared call ended: an answer others may read (none: each asks itself), or its failure. */
type FlightOutcome = { answer: StoredAnswer | undefined; failed?: undefined } | { answer?: undefined; failed: { error: unknown; failure: UpstreamFailure | undefined } };

/**
 * Whether a failure means the provider is unavailable rather than saying no: a connection failure,
 * a timeout, a 5xx, a 429 or an open circuit. Only these are answered with a stale answer; a 400,
 * 401, 403 or 404 (a bad request, a revoked key, a removed account) must fail, not be masked.
 * Wider than the retry table (`rest/retry-policy.ts`): a retry cannot mend a 501, but the last
 * answer from before it is still the best there is.
 */
function providerUnavailable(failure: UpstreamFailure): boolean {
  switch (failure.kind) {
    case "network":
    case "timeout":
    case "circuit-open":
      return true;
    case "status":
      return failure.status >= 500 || failure.status === 429;
    default:
      return false;
  }
}

// Resource names in keys: bounded, and free of whatever a path or body may contain.
function digest(text: string): string {
  return createHash("sha256").update(text).digest("base64url").slice(0, 27);
}
