import { afterEach, describe, expect, it, jest } from "@jest/globals";
import {
  ConcurrencyDeadlineError,
  InMemoryConcurrencyLimiter,
} from "../../src/rest/concurrency-limiter.js";

const later = (ms: number) => Date.now() + ms;
const tick = () => new Promise(resolve => setImmediate(resolve));

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
    expect(limiter.inFlight("k")).toBe(2);
    expect(limiter.waiting("k")).toBe(1);

    first();
    const release = await waiting;
    expect(third).toBe(true);
    expect(limiter.inFlight("k")).toBe(2);
    expect(limiter.waiting("k")).toBe(0);
    release();
    expect(limiter.inFlight("k")).toBe(1);
  });

  it("limits each key on its own", async () => {
    const limiter = new InMemoryConcurrencyLimiter(1);
    await limiter.acquire("a", later(1000));
    const b = await Promise.race([limiter.acquire("b", later(1000)), tick().then(() => "blocked")]);
    expect(typeof b).toBe("function");
    expect(limiter.inFlight("a")).toBe(1);
    expect(limiter.inFlight("b")).toBe(1);
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
    const patient = limiter.acquire("k", later(2000));
    jest.advanceTimersByTime(29);
    await tick();
    expect(earlyFailure).toBeUndefined();
    expect(limiter.waiting("k")).toBe(2);
    jest.advanceTimersByTime(1);
    await early;
    expect(earlyFailure).toBeInstanceOf(ConcurrencyDeadlineError);
    expect(limiter.waiting("k")).toBe(1);

    holder();
    const release = await patient;
    expect(limiter.inFlight("k")).toBe(1);
    release();
  });

  it("rejects at once when the deadline has already passed and no slot is free", async () => {
    const limiter = new InMemoryConcurrencyLimiter(1);
    await limiter.acquire("k", later(1000));
    await expect(limiter.acquire("k", Date.now() - 1)).rejects.toBeInstanceOf(
      ConcurrencyDeadlineError,
    );
    expect(limiter.waiting("k")).toBe(0);
  });

  it("forgets keys with nothing in flight or queued", async () => {
    const limiter = new InMemoryConcurrencyLimiter(1);
    const releases = await Promise.all(
      Array.from({ length: 100 }, (_, i) => limiter.acquire(`key-${i}`, later(1000))),
    );
    expect(limiter.size).toBe(100);
    for (const release of releases) release();
    expect(limiter.size).toBe(0);

    // A key whose only waiter timed out is forgotten once its holder leaves.
    const holder = await limiter.acquire("k", later(1000));
    await expect(limiter.acquire("k", later(10))).rejects.toBeInstanceOf(ConcurrencyDeadlineError);
    expect(limiter.size).toBe(1);
    holder();
    expect(limiter.size).toBe(0);
  });

  it("ignores a second release of the same slot", async () => {
    const limiter = new InMemoryConcurrencyLimiter(2);
    const once = await limiter.acquire("k", later(1000));
    await limiter.acquire("k", later(1000));
    once();
    once();
    expect(limiter.inFlight("k")).toBe(1);
  });

  it("refuses a limit that is not a positive integer", () => {
    expect(() => new InMemoryConcurrencyLimiter(0)).toThrow(RangeError);
    expect(() => new InMemoryConcurrencyLimiter(1.5)).toThrow(RangeError);
  });
});
