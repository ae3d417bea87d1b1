import { type Provider } from "../providers/provider.js";

/** One logical upstream operation as it happened (no host, no query string, no headers, no secrets). */
export interface UpstreamCallRecord {
  provider: Provider;
  method: string;
  path: string;
  /** Last HTTP status, null when no response arrived. */
  status: number | null;
  attempts: number;
  durationMs: number;
  /** `ok`, or the contract error code it ended with. */
  outcome: string;
}

/** A field served by a call this request already made (a DataLoader cache hit). */
export interface LoaderHitRecord {
  provider: Provider;
  method: string;
  path: string;
}

/** Observers of a request's upstream activity (metrics). */
export interface UpstreamListeners {
  onCall?: (call: UpstreamCallRecord) => void;
  onLoaderHit?: (hit: LoaderHitRecord) => void;
}

/** Collects the upstream calls and loader hits of one GraphQL request. Create one per request. */
export class UpstreamRecorder {
  readonly calls: UpstreamCallRecord[] = [];
  readonly loaderHits: LoaderHitRecord[] = [];

  constructor(private readonly listeners: UpstreamListeners = {}) {}

  record(call: UpstreamCallRecord): void {
    this.calls.push(call);
    this.listeners.onCall?.(call);
  }

  recordLoaderHit(hit: LoaderHitRecord): void {
    this.loaderHits.push(hit);
    this.listeners.onLoaderHit?.(hit);
  }

  /** Calls then loader hits, each marked `fromLoader`, for `extensions.upstreamCalls`. */
  toJSON() {
    return [
      ...this.calls.map(call => ({ ...call, fromLoader: false })),
      ...this.loaderHits.map(hit => ({ ...hit, fromLoader: true })),
    ];
  }
}
