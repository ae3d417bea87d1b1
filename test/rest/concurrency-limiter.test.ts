import { afterEach, describe, expect, it, jest } from "@jest/globals";
import {
  ConcurrencyDeadlineError,
  InMemoryConcurrencyLimiter,
} from "../../src/rest/concurrency-limiter.js";

const later = (ms: number) => Date.now() + ms;
const tick = () => new Promise(resolve => setImmediate(resolve));

// Slots of `key` free right now, found without queueing: an acquire whose deadline has passed is
// granted at once when a slot is free and refused at once otherwise.
async function freeSlots(limiter: InMemoryConcurrencyLimiter, key: string): Promise<number> {
  const held: (() => void)[] = [];
  for (;;) {
    try {
      held.push(await limiter.acquire(key, Date.now() - 1));
    } catch (error) {
      expect(error).toBeInstanceOf(ConcurrencyDeadlineError);
      break;
    }
  }
  for (const release of held) release();
  return held.length;
}

afterEach(() => {
  jest.useRealTimers();
});

describe("InMemoryConcurrencyLimiter", () => {
  it("lets at most N holders per key through and queues the rest", async () => {
    const limiter = new InMemoryConcurrencyLimiter(2);
    const first = await limiter.acquire("k", later(1000));
    await limiter.acquire("k", later(1000));
    let third = false;
    const waiting = limiter.acquire("k", later(1000)).then(release => {
      third = true;
      return release;
    });
    await tick();
    expect(third).toBe(false);
    expect(await freeSlots(limiter, "k")).toBe(0);

    first();
    const release = await waiting;
    expect(third).toBe(true);
    expect(await freeSlots(limiter, "k")).toBe(0);
    release();
    expect(await freeSlots(limiter, "k")).toBe(1);
  });

  it("limits each key on its own", async () => {
    const limiter = new InMemoryConcurrencyLimiter(1);
    await limiter.acquire("a", later(1000));
    const b = await Promise.race([limiter.acquire("b", later(1000)), tick().then(() => "blocked")]);
    expect(typeof b).toBe("function");
    expect(await freeSlots(limiter, "a")).toBe(0);
    expect(await freeSlots(limiter, "b")).toBe(0);
    expect(await freeSlots(limiter, "c")).toBe(1);
  });

  it("grants waiters in arrival order", async () => {
    const limiter = new InMemoryConcurrencyLimiter(1);
    const holder = await limiter.acquire("k", later(1000));
    const order: number[] = [];
    const waiters = [1, 2, 3].map(n =>
      limiter.acquire("k", later(1000)).then(release => {
        order.push(n);
        release();
      }),
    );
    holder();
    await Promise.all(waiters);
    expect(order).toEqual([1, 2, 3]);
  });

  it("removes and rejects a waiter whose deadline passes, and serves the next one", async () => {
    jest.useFakeTimers({ doNotFake: ["setImmediate"] });
    const limiter = new InMemoryConcurrencyLimiter(1);
    const holder = await limiter.acquire("k", later(1000));
    let earlyFailure: unknown;
    const early = limiter.acquire("k", later(30)).catch(error => (earlyFailure = error));
    let patientGranted = false;
    const patient = limiter.acquire("k", later(2000)).then(release => {
      patientGranted = true;
      return release;
    });
    jest.advanceTimersByTime(29);
    await tick();
    expect(earlyFailure).toBeUndefined();
    jest.advanceTimersByTime(1);
    await early;
    expect(earlyFailure).toBeInstanceOf(ConcurrencyDeadlineError);
    expect(patientGranted).toBe(false);

    // The slot goes to the waiter still queued, not to the one that timed out.
    holder();
    const release = await patient;
    expect(await freeSlots(limiter, "k")).toBe(0);
    release();
    expect(await freeSlots(limiter, "k")).toBe(1);
  });

  it("rejects at once when the deadline has already passed and no slot is free", async () => {
    const limiter = new InMemoryConcurrencyLimiter(1);
    const holder = await limiter.acquire("k", later(1000));
    await expect(limiter.acquire("k", Date.now() - 1)).rejects.toBeInstanceOf(
      ConcurrencyDeadlineError,
    );
    // Nothing was left queued: the slot comes straight back when the holder leaves.
    holder();
    expect(await freeSlots(limiter, "k")).toBe(1);
  });

  it("ignores a second release of the same slot", async () => {
    const limiter = new InMemoryConcurrencyLimiter(2);
    const once = await limiter.acquire("k", later(1000));
    await limiter.acquire("k", later(1000));
    once();
    once();
    expect(await freeSlots(limiter, "k")).toBe(1);
  });

  it("refuses a limit that is not a positive integer", () => {
    expect(() => new InMemoryConcurrencyLimiter(0)).toThrow(RangeError);
    expect(() => new InMemoryConcurrencyLimiter(1.5)).toThrow(RangeError);
  });
});
