import { type ProviderId } from "../contract/provider-facts.js";

/** One logical upstream operation as it happened (no host, no query string, no headers, no secrets). */
export interface UpstreamCallRecord {
  provider: ProviderId;
  method: string;
  path: string;
  /** Last HTTP status, null when no response arrived (yet). */
  status: number | null;
  /** Attempts made so far. */
  attempts: number;
  /** Time taken, or for a call still in flight, time taken so far. */
  durationMs: number;
  /** `ok`, the contract error code it ended with, or {@link IN_FLIGHT} while it runs. */
  outcome: string;
}

/**
 * The outcome of a call that had not finished when the response was sent. GraphQL answers as soon
 * as an error nulls a field's parent, while a sibling field's call may still be running: that call
 * was made all the same, so it is listed rather than left out.
 */
export const IN_FLIGHT = "in-flight";

/** A field served by a call this request already made (a loader's cache hit). */
export interface LoaderHitRecord {
  provider: ProviderId;
  method: string;
  path: string;
}

/**
 * A read the read cache answered instead of the provider (`caches/read-cache.ts`): `fresh` within
 * its TTL, or `stale` past it because the provider was unavailable (the failed call is in `calls`).
 */
export interface CachedReadRecord {
  provider: ProviderId;
  method: string;
  path: string;
  outcome: "fresh" | "stale";
  /** Seconds since the provider gave this answer. */
  ageSeconds: number;
}

/**
 * One entry of `extensions.upstreamCalls`: a call made, a field a call already made served, or a
 * read the read cache answered (`fromCache`).
 */
export type UpstreamCallEntry =
  | (UpstreamCallRecord & { fromLoader: false })
  | (LoaderHitRecord & { fromLoader: true })
  | (CachedReadRecord & { fromLoader: false; fromCache: true });

const NO_CACHED_READS: readonly CachedReadRecord[] = Object.freeze([]);

/** Observers of a request's upstream activity (metrics). Told of each call once, when it ends. */
export interface UpstreamListeners {
  onCall?: (call: UpstreamCallRecord) => void;
  onLoaderHit?: (hit: LoaderHitRecord) => void;
}

/**
 * Collects the upstream calls, loader hits and cached reads of one GraphQL request. Create one per
 * request.
 */
export class UpstreamRecorder {
  /** Every call this request started, in the order started; unfinished ones have outcome {@link IN_FLIGHT}. */
  readonly calls: UpstreamCallRecord[] = [];
  readonly loaderHits: LoaderHitRecord[] = [];
  /**
   * Reads the read cache answered: no call was made for them, yet their data came from that
   * provider for this request's credential (what the response's redaction must know).
   */
  cachedReads: readonly CachedReadRecord[] = NO_CACHED_READS;
  /**
   * With the read cache on: the fewest seconds any data this request read stays fresh (what is
   * left of a cached answer's TTL, or a provider's own `max-age`); undefined when nothing limits it.
   */
  freshForSeconds: number | undefined = undefined;
  /** True when the answer must not be kept by anyone: it holds stale data, or a provider said `no-store`. */
  noStore = false;
  /** When each call started, index for index with `calls`. */
  private readonly startedAt: number[] = [];

  constructor(private readonly listeners: UpstreamListeners = {}) {}

  /**
   * Record a call as it starts, so that a response sent before it ends still lists it. Update the
   * returned record's `status` and `attempts` as the call goes, then {@link end} it.
   */
  begin({ provider, method, path }: Pick<UpstreamCallRecord, "provider" | "method" | "path">): UpstreamCallRecord {
    const record: UpstreamCallRecord = { provider, method, path, status: null, attempts: 0, durationMs: 0, outcome: IN_FLIGHT };
    this.calls.push(record);
    this.startedAt.push(Date.now());
    return record;
  }

  /** Record how a call from {@link begin} ended, and tell the listeners. Once per call. */
  end(record: UpstreamCallRecord, outcome: string): void {
    record.durationMs = Date.now() - this.startedAt[this.calls.indexOf(record)]!;
    record.outcome = outcome;
    this.listeners.onCall?.(record);
  }

  recordLoaderHit(hit: LoaderHitRecord): void {
    this.loaderHits.push(hit);
    this.listeners.onLoaderHit?.(hit);
  }

  /** Record a read answered by the read cache; a stale one makes the answer {@link noStore}. */
  recordCachedRead(read: CachedReadRecord): void {
    // A request that reads nothing from the cache (all of them, with it off) allocates no list.
    if (this.cachedReads === NO_CACHED_READS) this.cachedReads = [read];
    else (this.cachedReads as CachedReadRecord[]).push(read);
    if (read.outcome === "stale") this.noStore = true;
  }

  /** Note that some of this request's data stays fresh for only `seconds` more. */
  limitFreshness(seconds: number): void {
    const whole = Math.max(0, Math.floor(seconds));
    if (this.freshForSeconds === undefined || whole < this.freshForSeconds) this.freshForSeconds = whole;
  }

  /**
   * Calls, loader hits (`fromLoader`), then cached reads (`fromCache`), for
   * `extensions.upstreamCalls`: a snapshot.
   */
  toJSON(): UpstreamCallEntry[] {
    const now = Date.now();
    return [
      ...this.calls.map((call, i) => {
        const durationMs = call.outcome === IN_FLIGHT ? now - this.startedAt[i]! : call.durationMs;
        return { ...call, durationMs, fromLoader: false as const };
      }),
      ...this.loaderHits.map(hit => ({ ...hit, fromLoader: true as const })),
      ...this.cachedReads.map(read => ({ ...read, fromLoader: false as const, fromCache: true as const })),
    ];
  }
}
