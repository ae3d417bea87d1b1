import { type Provider } from "../providers/provider.js";

/** One logical upstream operation as it happened (no URL query, no headers, no secrets). */
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

/** Collects the upstream calls of one GraphQL request; listeners see each call as it ends. */
export class UpstreamRecorder {
  readonly calls: UpstreamCallRecord[] = [];

  constructor(private readonly listeners: ((call: UpstreamCallRecord) => void)[] = []) {}

  record(call: UpstreamCallRecord): void {
    this.calls.push(call);
    for (const listener of this.listeners) listener(call);
  }
}
