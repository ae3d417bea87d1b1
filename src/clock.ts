/**
 * Where the parts that wait and expire read time: the circuit breakers (windows, open time) and
 * the in-memory read cache (TTLs). The process passes {@link SYSTEM_CLOCK} to `startAccountGraph`;
 * deadlines of single calls read the wall clock directly, since nothing outlives them.
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
