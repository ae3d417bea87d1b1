import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Redis } from "ioredis";
import { loadConfig, Provider } from "../helpers/providers.js";
import { ConcurrencyDeadlineError } from "../../src/rest/concurrency-limiter.js";
import { createSharedState } from "../../src/shared-state/index.js";
import { RedisKeyValueCache } from "../../src/shared-state/redis-apq-cache.js";
import { LeaseBook, RedisConcurrencyLimiter } from "../../src/shared-state/redis-limiter.js";
import { freePort, startRedis, type TestRedis } from "../helpers/redis.js";
import { until } from "../helpers/until.js";

// The shared-state classes against a real redis-server: two clients stand for two replicas.
let redis: TestRedis;
let a: Redis;
let b: Redis;
beforeAll(async () => {
  redis = await startRedis();
  a = new Redis(redis.url);
  b = new Redis(redis.url);
});
afterAll(async () => {
  await Promise.all([a?.quit(), b?.quit()]);
  await redis?.stop();
});

let keySeq = 0;
// A fresh limiter key per test, so one test's leases cannot satisfy or block another's.
const freshKey = () => `cred-${++keySeq}-${Date.now()}`;
const zset = (key: string) => `account-graph:limit:test:${key}`;

/** A Redis client that counts the scripts it runs, EVAL or EVALSHA (one per acquire attempt of a limiter). */
function counting(url: string): { redis: Redis; evals: () => number } {
  const redis = new Redis(url);
  let evals = 0;
  const send = redis.sendCommand.bind(redis);
  redis.sendCommand = (command, ...rest) => {
    if (command.name === "eval" || command.name === "evalsha") evals += 1;
    return send(command, ...rest);
  };
  return { redis, evals: () => evals };
}

/** Redis's own clock (ms), the one leases and expiries are measured by. */
async function redisNow(): Promise<number> {
  const [seconds, micros] = await a.time();
  return Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
}

/**
 * When `key` expires by Redis's clock (ms): its ttl and the clock read in one transaction, so no
 * stall can come between them. Infinity when it has no expiry; in the past when it is gone.
 */
async function expiresAt(key: string): Promise<number> {
  const [[, time], [, pttl]] = (await a.multi().time().pttl(key).exec()) as [[null, [string, string]], [null, number]];
  return pttl === -1 ? Infinity : Number(time[0]) * 1000 + Math.floor(Number(time[1]) / 1000) + pttl;
}

/** The end (score) of every lease of `key`, by Redis's clock, lowest first. */
async function leaseEnds(key: string): Promise<number[]> {
  const scores = await a.zrange(zset(key), 0, -1, "WITHSCORES");
  return scores.filter((_, i) => i % 2 === 1).map(Number);
}

/**
 * Acquire with a deadline `ms` from now. The lease it takes should end `ms + margin` after the
 * acquire by Redis's clock, i.e. within [earliest, latest]: bounds taken from Redis's clock around
 * the call and the time the call took, so however slow the machine the right lease is inside them
 * (a slow call only widens them).
 */
async function acquireMeasured(limiter: RedisConcurrencyLimiter, key: string, ms: number, margin: number) {
  const before = await redisNow();
  const startedAt = Date.now();
  const release = await limiter.acquire(key, startedAt + ms);
  // The limiter reads the time left before the deadline somewhere inside the call.
  const elapsed = Date.now() - startedAt;
  const after = await redisNow();
  return { release, earliest: before + ms + margin - elapsed, latest: after + ms + margin };
}

/** Milliseconds each lease of `key` has left, by Redis's own clock. */
async function leaseTimesLeft(key: string): Promise<number[]> {
  const [[seconds, micros], scores] = await Promise.all([a.time(), a.zrange(zset(key), 0, -1, "WITHSCORES")]);
  const now = Number(seconds) * 1000 + Math.floor(Number(micros) / 1000);
  return scores.filter((_, i) => i % 2 === 1).map(score => Number(score) - now);
}

describe("RedisKeyValueCache", () => {
  it("shares values between clients, honours ttl in seconds, deletes, and keeps prefixes apart", async () => {
    const onA = new RedisKeyValueCache(a, "t:apq:");
    const onB = new RedisKeyValueCache(b, "t:apq:");
    const other = new RedisKeyValueCache(b, "t:other:");

    await onA.set("h1", "query { a }");
    expect(await onB.get("h1")).toBe("query { a }");
    expect(await other.get("h1")).toBeUndefined();
    expect(await a.ttl("t:apq:h1")).toBe(-1);

    // Rounded up to whole seconds (60, not 59), never down to "no expiry": the expiry is compared
    // with Redis's clock before the write, so a stall before the check changes nothing.
    const before = await redisNow();
    await onA.set("h2", "query { b }", { ttl: 59.2 });
    const expiry = await expiresAt("t:apq:h2");
    expect(expiry).toBeGreaterThanOrEqual(before + 60_000);
    expect(expiry).toBeLessThanOrEqual((await redisNow()) + 60_000);

    expect(await onB.delete("h1")).toBe(true);
    expect(await onB.delete("h1")).toBe(false);
    expect(await onA.get("h1")).toBeUndefined();
  });

  it("reads as a miss, not an error, while Redis is unreachable", async () => {
    // Apollo turns a thrown get into a 500; a miss makes clients resend the full query instead.
    const port = await freePort();
    const down = new Redis(`redis://127.0.0.1:${port}`, {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    down.on("error", () => undefined);
    try {
      const cache = new RedisKeyValueCache(down, "t:down:");
      await expect(cache.get("h")).resolves.toBeUndefined();
      // Writes still report failure (Apollo logs and ignores a failed registration).
      await expect(cache.set("h", "query { a }")).rejects.toThrow();
    } finally {
      down.disconnect();
    }
  });

  it("lets a value expire after its ttl", async () => {
    const cache = new RedisKeyValueCache(a, "t:ttl:");
    const before = await redisNow();
    await cache.set("short", "v", { ttl: 1 });
    await until(async () => (await cache.get("short")) === undefined, "the value to expire");
    // Not before its ttl, by Redis's clock: a lower bound, which no stall can break.
    expect(await redisNow()).toBeGreaterThanOrEqual(before + 1000);
    expect(await a.exists("t:ttl:short")).toBe(0);
  });
});

describe("RedisConcurrencyLimiter", () => {
  it("caps holders across replicas and rejects at the deadline when no slot frees", async () => {
    const replicaA = new RedisConcurrencyLimiter(a, "test", 3, new LeaseBook(a, 0));
    const replicaB = new RedisConcurrencyLimiter(b, "test", 3, new LeaseBook(b, 0));
    const key = freshKey();
    const now = () => Date.now() + 1000;
    const releases = [
      await replicaA.acquire(key, now()),
      await replicaB.acquire(key, now()),
      await replicaA.acquire(key, now()),
    ];

    const started = Date.now();
    await expect(replicaB.acquire(key, Date.now() + 150)).rejects.toThrow(ConcurrencyDeadlineError);
    // It waited for the deadline (polling), not failed at once: a lower bound, which load cannot break.
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect(await a.zcard(zset(key))).toBe(3);

    // Other credentials have their own budget.
    const otherKey = await replicaB.acquire(freshKey(), Date.now());
    otherKey();
    for (const release of releases) release();
  });

  it("hands a released slot to a waiter on another replica; releasing twice frees one slot", async () => {
    const polled = counting(redis.url);
    const replicaA = new RedisConcurrencyLimiter(a, "test", 2, new LeaseBook(a, 0));
    const replicaB = new RedisConcurrencyLimiter(polled.redis, "test", 2, new LeaseBook(polled.redis, 0));
    const key = freshKey();
    const first = await replicaA.acquire(key, Date.now() + 10_000);
    const second = await replicaA.acquire(key, Date.now() + 10_000);

    const waiter = replicaB.acquire(key, Date.now() + 10_000);
    let granted = false;
    void waiter.then(() => (granted = true));
    // Refused three times over while the budget is full: it waits instead of failing or overbooking.
    await until(() => polled.evals() >= 3, "the waiter to poll three times");
    expect(granted).toBe(false);

    first();
    first();
    const third = await waiter;
    // The double release did not free a second slot: the budget is full again.
    await expect(replicaB.acquire(key, Date.now() + 100)).rejects.toThrow(/deadline/);
    second();
    third();
    // Releases are sent without waiting; once Redis has them, the whole budget is free at once.
    await until(async () => (await a.zcard(zset(key))) === 0, "the releases to reach Redis");
    const again = [
      await replicaA.acquire(key, Date.now()),
      await replicaB.acquire(key, Date.now()),
    ];
    for (const release of again) release();
    await polled.redis.quit();
  });

  it("never lets more than `max` run at once under contention from two replicas", async () => {
    const max = 4;
    const limiters = [
      new RedisConcurrencyLimiter(a, "test", max, new LeaseBook(a, 0)),
      new RedisConcurrencyLimiter(b, "test", max, new LeaseBook(b, 0)),
    ];
    const key = freshKey();
    const callers = 20;
    let running = 0;
    let finished = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: callers }, async (_, i) => {
        const release = await limiters[i % 2]!.acquire(key, Date.now() + 15_000);
        running += 1;
        peak = Math.max(peak, running);
        // Hold the slot until the budget is full (or no one else is left to come), so that a
        // limiter letting one more through would be seen, however the calls are scheduled.
        await until(() => running >= max || running + finished === callers, "the budget to fill");
        running -= 1;
        finished += 1;
        release();
      }),
    );
    expect(peak).toBe(max);
  });

  it("reclaims the leases of a replica that died holding them, soon after their deadline", async () => {
    const key = freshKey();
    const doomed = new Redis(redis.url);
    // Leases end 200 ms after the holder's deadline (100 ms from now).
    const dead = new RedisConcurrencyLimiter(doomed, "test", 2, new LeaseBook(doomed, 0), 200);
    await dead.acquire(key, Date.now() + 100);
    await dead.acquire(key, Date.now() + 100);
    // The "crash": the connection goes away and the releases are never called.
    doomed.disconnect();
    // Two leases of at most deadline + margin, by Redis's clock.
    const left = await leaseTimesLeft(key);
    expect(left).toHaveLength(2);
    for (const ms of left) expect(ms).toBeLessThanOrEqual(300);

    // Nothing releases them: only their expiry can give the survivor a slot before its deadline.
    const survivor = new RedisConcurrencyLimiter(a, "test", 2, new LeaseBook(a, 0), 200);
    const release = await survivor.acquire(key, Date.now() + 10_000);
    // Its own lease is the only long one (a dead one may linger until the next acquire sweeps it).
    expect((await leaseTimesLeft(key)).filter(ms => ms > 300)).toHaveLength(1);
    release();
  });

  it("keeps a live call's lease for as long as its deadline, whatever the margin", async () => {
    const key = freshKey();
    const holder = new RedisConcurrencyLimiter(a, "test", 1, new LeaseBook(a, 0), 100);
    // A call with a long deadline (a large UPSTREAM_TIMEOUT_MS): far longer than the margin.
    const held = await acquireMeasured(holder, key, 30_000, 100);
    const [end] = await leaseEnds(key);
    expect(end).toBeGreaterThanOrEqual(held.earliest);
    expect(end).toBeLessThanOrEqual(held.latest);

    // A shorter lease taken later must not shorten the key's expiry below the longer one.
    const wide = freshKey();
    const two = new RedisConcurrencyLimiter(a, "test", 2, new LeaseBook(a, 0), 100);
    const long = await acquireMeasured(two, wide, 30_000, 100);
    const short = await two.acquire(wide, Date.now());
    const ends = await leaseEnds(wide);
    expect(ends).toHaveLength(2);
    // The longest lease is the long call's (deadline + margin), and the key outlives it.
    expect(ends[1]).toBeGreaterThanOrEqual(long.earliest);
    expect(ends[1]).toBeLessThanOrEqual(long.latest);
    const keyExpiry = await expiresAt(zset(wide));
    expect(keyExpiry).toBeGreaterThanOrEqual(ends[1]!);
    expect(keyExpiry).not.toBe(Infinity);
    for (const done of [held.release, long.release, short]) done();
  });
});

describe("createSharedState", () => {
  it("uses Redis with REDIS_URL (ready while connected) and memory without it", async () => {
    const shared = await createSharedState(loadConfig({ REDIS_URL: redis.url }));
    try {
      expect(shared.kind).toBe("redis");
      expect(shared.ready()).toBe(true);
      expect(shared.apqCache).toBeInstanceOf(RedisKeyValueCache);
      expect(shared.limiter(Provider.DEPICTA, 10)).toBeInstanceOf(RedisConcurrencyLimiter);
    } finally {
      await shared.close();
    }
    const memory = await createSharedState(loadConfig({}));
    expect(memory.kind).toBe("memory");
    expect(memory.apqCache).toBeUndefined();
    await memory.close();
  });
});
