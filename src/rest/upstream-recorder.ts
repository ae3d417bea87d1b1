import { type Provider } from "../providers/provider.js";

/** One logical upstream operation as it happened (no host, no query string, no headers, no secrets). */
export interface UpstreamCallRecord {
  provider: Provider;
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

/** A field served by a call this request already made (a DataLoader cache hit). */
export interface LoaderHitRecord {
  provider: Provider;
  method: string;
  path: string;
}

/** One entry of `extensions.upstreamCalls`: a call made, or a field a call already made served. */
export type UpstreamCallEntry = (UpstreamCallRecord & { fromLoader: false }) | (LoaderHitRecord & { fromLoader: true });

/** Observers of a request's upstream activity (metrics). Told of each call once, when it ends. */
export interface UpstreamListeners {
  onCall?: (call: UpstreamCallRecord) => void;
  onLoaderHit?: (hit: LoaderHitRecord) => void;
}

/** A call begun with {@link UpstreamRecorder.begin}: update `status` and `attempts` as it goes, then `end` it. */
export interface UpstreamCallInProgress {
  readonly record: UpstreamCallRecord;
  /** Record how it ended and tell the listeners. Call once. */
  end(outcome: string): void;
}

/** Collects the upstream calls and loader hits of one GraphQL request. Create one per request. */
export class UpstreamRecorder {
  /** Every call this request started, in the order started; unfinished ones have outcome {@link IN_FLIGHT}. */
  readonly calls: UpstreamCallRecord[] = [];
  readonly loaderHits: LoaderHitRecord[] = [];
  /** Start times of the calls still in flight. */
  private readonly running = new Map<UpstreamCallRecord, number>();

  constructor(private readonly listeners: UpstreamListeners = {}) {}

  /** Record a call as it starts, so a response sent before it ends still lists it. */
  begin(call: Pick<UpstreamCallRecord, "provider" | "method" | "path">): UpstreamCallInProgress {
    const startedAt = Date.now();
    const record: UpstreamCallRecord = { ...call, status: null, attempts: 0, durationMs: 0, outcome: IN_FLIGHT };
    this.calls.push(record);
    this.running.set(record, startedAt);
    return {
      record,
      end: outcome => {
        record.durationMs = Date.now() - startedAt;
        record.outcome = outcome;
        this.running.delete(record);
        this.listeners.onCall?.(record);
      },
    };
  }

  recordLoaderHit(hit: LoaderHitRecord): void {
    this.loaderHits.push(hit);
    this.listeners.onLoaderHit?.(hit);
  }

  /** Calls then loader hits, each marked `fromLoader`, for `extensions.upstreamCalls`: a snapshot. */
  toJSON(): UpstreamCallEntry[] {
    const now = Date.now();
    return [
      ...this.calls.map(call => {
        const since = this.running.get(call);
        return { ...call, ...(since === undefined ? {} : { durationMs: now - since }), fromLoader: false as const };
      }),
      ...this.loaderHits.map(hit => ({ ...hit, fromLoader: true as const })),
    ];
  }
}
