import { type Clock } from "../clock.js";
import { type ProviderId } from "../contract/provider-facts.js";
import { TransportError, type Transport, type TransportRequest, type TransportResponse } from "./transport.js";

/**
 * When a provider's circuit opens and for how long it stays open. Configured with the `BREAKER_*`
 * variables (`config.ts` holds the defaults).
 */
export interface BreakerOptions {
  /** Calls in the rolling window before the circuit may open at all (one failure never opens it). */
  volumeThreshold: number;
  /** Failure percentage in the window that opens the circuit. */
  errorThresholdPercentage: number;
  /** How long the circuit stays open before one trial call (half-open). */
  resetTimeoutMs: number;
  /** Length of the rolling window. */
  windowMs: number;
}

/** Raised instead of calling a provider whose circuit is open. */
export class CircuitOpenError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super("circuit open");
    this.name = "CircuitOpenError";
  }
}

export type CircuitState = "closed" | "open" | "half-open";

// The window is kept as ten buckets, each covering a tenth of it, reused as time moves on.
const BUCKETS = 10;

/**
 * One circuit breaker per provider around the transport. Network errors, timeouts and 5xx answers
 * count as failures; 4xx answers do not (the provider is healthy, the request was not). Once the
 * rolling window holds at least `volumeThreshold` calls with `errorThresholdPercentage` % failing,
 * the circuit opens: `send` rejects at once with {@link CircuitOpenError}. After `resetTimeoutMs`
 * it is half-open: the next call is the one trial; its success closes the circuit, its failure
 * opens it again. Calls arriving while the trial is out wait for its outcome (each up to its own
 * time left, then a timeout): they go out as soon as it succeeds and fail fast if it fails, so a
 * recovered provider serves a whole burst after one trial's time instead of refusing all but one.
 * Create one per provider per process.
 *
 * Written here rather than taken from opossum, whose half-open state lets one trial through and
 * rejects everything else until it ends: here a burst arriving during the trial waits for it and
 * goes out when it succeeds. Its closed path is also two counter updates, with no event emitter,
 * promise wrapper or timers per call (opossum's came to ~13 µs per call).
 */
export class ProviderCircuit {
  private current: CircuitState = "closed";
  private openedAt = 0;
  private trialInFlight = false;
  // Calls waiting for the half-open trial's outcome: true closed the circuit, false opened it.
  private readonly waiters = new Set<(closed: boolean) => void>();
  private halfOpenTimer: unknown;
  private readonly bucketMs: number;
  // Bucket i counts the calls of time slot `slot[i]` (slot = floor(now / bucketMs)).
  private readonly slot = new Array<number>(BUCKETS).fill(-1);
  private readonly calls = new Array<number>(BUCKETS).fill(0);
  private readonly failures = new Array<number>(BUCKETS).fill(0);

  constructor(
    readonly provider: ProviderId,
    private readonly transport: Transport,
    private readonly options: BreakerOptions,
    private readonly clock: Clock,
    private readonly onState?: (state: CircuitState) => void,
  ) {
    this.bucketMs = Math.max(1, options.windowMs / BUCKETS);
  }

  /** The breaker's state now. */
  get state(): CircuitState {
    return this.current;
  }

  /** Send through the breaker; 5xx answers are returned (after being counted as failures). */
  send(request: TransportRequest): Promise<TransportResponse> {
    // Closed, as nearly always: no async frame, and the two settlers are made once per breaker.
    if (this.current === "closed") return this.transport.send(request).then(this.settleClosed, this.failClosed);
    return this.sendAdmitted(request);
  }

  private readonly settleClosed = (response: TransportResponse): TransportResponse => {
    this.settle(false, response.status >= 500);
    return response;
  };

  private readonly failClosed = (error: unknown): never => {
    this.settle(false, true);
    throw error;
  };

  private async sendAdmitted(request: TransportRequest): Promise<TransportResponse> {
    const trial = await this.admit(request.timeoutMs);
    let response: TransportResponse;
    try {
      response = await this.transport.send(request);
    } catch (error) {
      this.settle(trial, true);
      throw error;
    }
    this.settle(trial, response.status >= 500);
    return response;
  }

  /** Stop the breaker's timer (on shutdown). */
  shutdown(): void {
    this.clock.clearTimeout(this.halfOpenTimer);
  }

  // Whether this call may go out (resolves true when it is the half-open trial). Rejects with
  // CircuitOpenError while open, and when the trial it waited for failed.
  private admit(timeoutMs: number): boolean | Promise<boolean> {
    this.halfOpenWhenDue();
    if (this.current === "closed") return false;
    if (this.current === "half-open") {
      if (!this.trialInFlight) {
        this.trialInFlight = true;
        return true;
      }
      return this.awaitTrial(timeoutMs);
    }
    throw this.openError();
  }

  private openError(): CircuitOpenError {
    const left = this.openedAt + this.options.resetTimeoutMs - this.clock.now();
    return new CircuitOpenError(Math.max(1, Math.ceil(left / 1000)));
  }

  // Wait for the trial's outcome, no longer than the call's own time left.
  private awaitTrial(timeoutMs: number): Promise<boolean> {
    return new Promise<boolean>((resolve, reject) => {
      const waiter = (closed: boolean) => {
        this.clock.clearTimeout(timer);
        if (closed) resolve(false);
        else reject(this.openError());
      };
      const timer = this.clock.setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new TransportError("timeout", "timed out"));
      }, Math.max(1, timeoutMs));
      this.waiters.add(waiter);
    });
  }

  // The timer reports half-open on time; a call arriving before it has run (a busy event loop
  // runs timers late) finds it due here too.
  private halfOpenWhenDue(timerFired = false): void {
    if (this.current !== "open") return;
    if (!timerFired && this.clock.now() < this.openedAt + this.options.resetTimeoutMs) return;
    this.clock.clearTimeout(this.halfOpenTimer);
    this.current = "half-open";
    this.onState?.("half-open");
  }

  private releaseWaiters(closed: boolean): void {
    if (this.waiters.size === 0) return;
    const waiting = [...this.waiters];
    this.waiters.clear();
    for (const waiter of waiting) waiter(closed);
  }

  private settle(trial: boolean, failed: boolean): void {
    if (trial) {
      this.trialInFlight = false;
      if (failed) this.open();
      else this.close();
      this.releaseWaiters(!failed);
      return;
    }
    // A call admitted while closed that ends after the circuit opened changes nothing.
    if (this.current !== "closed") return;
    const slot = Math.floor(this.clock.now() / this.bucketMs);
    const i = slot % BUCKETS;
    if (this.slot[i] !== slot) {
      this.slot[i] = slot;
      this.calls[i] = 0;
      this.failures[i] = 0;
    }
    this.calls[i]! += 1;
    if (!failed) return;
    this.failures[i]! += 1;
    let calls = 0;
    let failures = 0;
    for (let b = 0; b < BUCKETS; b++) {
      if (this.slot[b]! > slot - BUCKETS) {
        calls += this.calls[b]!;
        failures += this.failures[b]!;
      }
    }
    if (calls >= this.options.volumeThreshold && failures * 100 >= this.options.errorThresholdPercentage * calls) {
      this.open();
    }
  }

  private open(): void {
    this.current = "open";
    this.openedAt = this.clock.now();
    this.clock.clearTimeout(this.halfOpenTimer);
    this.halfOpenTimer = this.clock.setTimeout(() => this.halfOpenWhenDue(true), this.options.resetTimeoutMs);
    this.onState?.("open");
  }

  private close(): void {
    this.current = "closed";
    this.slot.fill(-1);
    this.onState?.("closed");
  }
}
