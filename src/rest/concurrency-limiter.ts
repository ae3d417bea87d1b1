/** Limits calls in flight per credential (a provider's `maxConcurrencyPerCredential`); `acquire` waits until `deadline`. */
export interface ConcurrencyLimiter {
  /**
   * Resolves with a release function, or rejects when no slot frees up before `deadline` (epoch
   * ms). `key` is a digest of the credential.
   */
  acquire(key: string, deadline: number): Promise<() => void>;
}

/** Why {@link InMemoryConcurrencyLimiter.acquire} gave up: no slot freed before the deadline. */
export class ConcurrencyDeadlineError extends Error {
  constructor() {
    super("no concurrency slot became free before the deadline");
    this.name = "ConcurrencyDeadlineError";
  }
}

interface Waiter {
  grant(release: () => void): void;
  reject(error: Error): void;
  timer?: NodeJS.Timeout;
}

interface Lane {
  inFlight: number;
  // A Set keeps insertion order (FIFO) and removes a timed-out waiter in O(1).
  queue: Set<Waiter>;
}

// setTimeout fires at once for delays above 2^31 - 1 ms; such deadlines never fire in practice.
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * A keyed semaphore in process memory: at most `maxInFlight` holders per key, the rest wait in
 * FIFO order until a slot frees or their deadline passes (then they are removed and rejected
 * with {@link ConcurrencyDeadlineError}). A key with nothing in flight and nobody waiting is
 * forgotten, so memory follows current load, not the number of keys ever seen. Create one per
 * process and per limit (a provider's calls per API key); it does not coordinate across processes.
 */
export class InMemoryConcurrencyLimiter implements ConcurrencyLimiter {
  private readonly lanes = new Map<string, Lane>();

  constructor(readonly maxInFlight: number) {
    if (!Number.isSafeInteger(maxInFlight) || maxInFlight < 1) {
      throw new RangeError(`maxInFlight must be a positive integer (got ${maxInFlight})`);
    }
  }

  /**
   * A slot for `key`: resolves with its release function (calling it more than once is harmless),
   * or rejects when no slot frees up before `deadline` (epoch ms).
   */
  acquire(key: string, deadline: number): Promise<() => void> {
    let lane = this.lanes.get(key);
    if (!lane) {
      lane = { inFlight: 0, queue: new Set() };
      this.lanes.set(key, lane);
    }
    if (lane.inFlight < this.maxInFlight) {
      lane.inFlight += 1;
      return Promise.resolve(this.releaser(key, lane));
    }
    const wait = deadline - Date.now();
    if (wait <= 0) return Promise.reject(new ConcurrencyDeadlineError());

    const queued = lane;
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { grant: resolve, reject };
      if (Number.isFinite(wait)) {
        waiter.timer = setTimeout(() => {
          queued.queue.delete(waiter);
          this.forgetIfIdle(key, queued);
          reject(new ConcurrencyDeadlineError());
        }, Math.min(wait, MAX_TIMER_MS));
        // A waiting caller keeps the process alive by itself; the timer need not.
        waiter.timer.unref();
      }
      queued.queue.add(waiter);
    });
  }

  private releaser(key: string, lane: Lane): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = lane.queue.values().next();
      if (!next.done) {
        // Hand the slot straight to the oldest waiter: inFlight stays the same.
        const waiter = next.value;
        lane.queue.delete(waiter);
        clearTimeout(waiter.timer);
        waiter.grant(this.releaser(key, lane));
        return;
      }
      lane.inFlight -= 1;
      this.forgetIfIdle(key, lane);
    };
  }

  private forgetIfIdle(key: string, lane: Lane): void {
    if (lane.inFlight === 0 && lane.queue.size === 0 && this.lanes.get(key) === lane) {
      this.lanes.delete(key);
    }
  }
}
