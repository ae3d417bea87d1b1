import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Redis } from "ioredis";
import { loadConfig } from "../../src/config.js";
import { Provider } from "../../src/providers/provider.js";
import { ConcurrencyDeadlineError } from "../../src/rest/concurrency-limiter.js";
import { createSharedState } from "../../src/shared-state/index.js";
import { RedisConcurrencyLimiter, RedisKeyValueCache } from "../../src/shared-state/redis-state.js";
import { freePort, startRedis, type TestRedis } from "../helpers/redis.js";

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

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
let keySeq = 0;
// A fresh limiter key per test, so one test's leases cannot satisfy or block another's.
const freshKey = () => `cred-${++keySeq}-${Date.now()}`;

describe("RedisKeyValueCache", () => {
  it("shares values between clients, honours ttl in seconds, deletes, and keeps prefixes apart", async () => {
    const onA = new RedisKeyValueCache(a, "t:apq:");
    const onB = new RedisKeyValueCache(b, "t:apq:");
    const other = new RedisKeyValueCache(b, "t:other:");

    await onA.set("h1", "query { a }");
    expect(await onB.get("h1")).toBe("query { a }");
    expect(await other.get("h1")).toBeUndefined();
    expect(await a.ttl("t:apq:h1")).toBe(-1);

    await onA.set("h2", "query { b }", { ttl: 1.2 });
    // Rounded up to whole seconds, never down to "no expiry".
    expect(await a.pttl("t:apq:h2")).toBeGreaterThan(1000);
    expect(await a.pttl("t:apq:h2")).toBeLessThanOrEqual(2000);

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
    await cache.set("short", "v", { ttl: 1 });
    expect(await cache.get("short")).toBe("v");
    await sleep(1100);
    expect(await cache.get("short")).toBeUndefined();
  });
});

describe("RedisConcurrencyLimiter", () => {
  it("caps holders across replicas and rejects at the deadline when no slot frees", async () => {
    const replicaA = new RedisConcurrencyLimiter(a, "test", 3);
    const replicaB = new RedisConcurrencyLimiter(b, "test", 3);
    const key = freshKey();
    const now = () => Date.now() + 1000;
    const releases = [
      await replicaA.acquire(key, now()),
      await replicaB.acquire(key, now()),
      await replicaA.acquire(key, now()),
    ];

    const started = Date.now();
    await expect(replicaB.acquire(key, Date.now() + 150)).rejects.toThrow(ConcurrencyDeadlineError);
    const waited = Date.now() - started;
    // It waited for the deadline (polling), not failed at once, and did not overstay it much.
    expect(waited).toBeGreaterThanOrEqual(140);
    expect(waited).toBeLessThan(1000);

    // Other credentials have their own budget.
    const otherKey = await replicaB.acquire(freshKey(), Date.now());
    otherKey();
    for (const release of releases) release();
  });

  it("hands a released slot to a waiter on another replica; releasing twice frees one slot", async () => {
    const replicaA = new RedisConcurrencyLimiter(a, "test", 2);
    const replicaB = new RedisConcurrencyLimiter(b, "test", 2);
    const key = freshKey();
    const first = await replicaA.acquire(key, Date.now() + 1000);
    const second = await replicaA.acquire(key, Date.now() + 1000);

    const waiter = replicaB.acquire(key, Date.now() + 3000);
    let granted = false;
    void waiter.then(() => (granted = true));
    await sleep(100);
    expect(granted).toBe(false);

    first();
    first();
    const third = await waiter;
    // The double release did not free a second slot: the budget is full again.
    await expect(replicaB.acquire(key, Date.now() + 100)).rejects.toThrow(/deadline/);
    second();
    third();
    // Everything released: the whole budget is available at once (deadline already due).
    await sleep(20);
    const again = [
      await replicaA.acquire(key, Date.now()),
      await replicaB.acquire(key, Date.now()),
    ];
    for (const release of again) release();
  });

  it("never lets more than `max` run at once under contention from two replicas", async () => {
    const max = 4;
    const limiters = [
      new RedisConcurrencyLimiter(a, "test", max),
      new RedisConcurrencyLimiter(b, "test", max),
    ];
    const key = freshKey();
    let running = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const release = await limiters[i % 2]!.acquire(key, Date.now() + 5000);
        running += 1;
        peak = Math.max(peak, running);
        await sleep(30);
        running -= 1;
        release();
      }),
    );
    expect(peak).toBeLessThanOrEqual(max);
    expect(peak).toBeGreaterThanOrEqual(2);
  });

  it("reclaims the leases of a replica that died holding them, soon after their deadline", async () => {
    const key = freshKey();
    const doomed = new Redis(redis.url);
    // Leases end 200 ms after the holder's deadline (100 ms from now).
    const dead = new RedisConcurrencyLimiter(doomed, "test", 2, 200);
    await dead.acquire(key, Date.now() + 100);
    await dead.acquire(key, Date.now() + 100);
    // The "crash": the connection goes away and the releases are never called.
    doomed.disconnect();

    const survivor = new RedisConcurrencyLimiter(a, "test", 2, 200);
    await expect(survivor.acquire(key, Date.now() + 50)).rejects.toThrow(/deadline/);
    const started = Date.now();
    const release = await survivor.acquire(key, Date.now() + 3000);
    expect(Date.now() - started).toBeLessThan(1000);
    release();
  });

  it("keeps a live call's lease for as long as its deadline, whatever the margin", async () => {
    const key = freshKey();
    const holder = new RedisConcurrencyLimiter(a, "test", 1, 100);
    const other = new RedisConcurrencyLimiter(b, "test", 1, 100);
    // A call with a long deadline (a large UPSTREAM_TIMEOUT_MS): far longer than the margin.
    const release = await holder.acquire(key, Date.now() + 1500);
    await sleep(400);
    await expect(other.acquire(key, Date.now() + 100)).rejects.toThrow(/deadline/);

    // A shorter lease taken later must not shorten the key's expiry below the longer one.
    const wide = freshKey();
    const two = new RedisConcurrencyLimiter(a, "test", 2, 100);
    const long = await two.acquire(wide, Date.now() + 3000);
    const short = await two.acquire(wide, Date.now());
    expect(await a.pttl(`account-graph:limit:test:${wide}`)).toBeGreaterThan(2500);
    for (const done of [release, long, short]) done();
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
