/**
 * Where the parts that keep time of their own read it: the circuit breakers (windows, open time)
 * and the in-memory read store (TTLs). The process passes {@link SYSTEM_CLOCK} to
 * `startAccountGraph`. What is measured against someone else's clock reads the wall clock: a
 * provider's `Date` header, what Redis expires, one call's deadline.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Run `callback` after `ms`; the timer must not keep the process alive. */
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The wall clock, with unref'd timers. */
export const SYSTEM_CLOCK: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms).unref(),
  clearTimeout: handle => clearTimeout(handle as NodeJS.Timeout),
};
