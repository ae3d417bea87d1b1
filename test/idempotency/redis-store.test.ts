import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Redis } from "ioredis";
import { decodeAnswer, encodeAnswer, RedisIdempotencyStore } from "../../src/idempotency/redis-store.js";
import { type Claim, type Lease, type StoredAnswer } from "../../src/idempotency/store.js";
import { startRedis, type TestRedis } from "../helpers/redis.js";
import { until } from "../helpers/until.js";

// The Redis store's scripts against a real redis-server: two clients stand for two replicas.
let redis: TestRedis;
const clients: Redis[] = [];
function client(): Redis {
  // As the server's connection is made: commands fail at once while disconnected, never resent.
  const connection = new Redis(redis.url, { enableOfflineQueue: false, maxRetriesPerRequest: 0, lazyConnect: true });
  clients.push(connection);
  return connection;
}
async function connected(): Promise<Redis> {
  const connection = client();
  await connection.connect();
  return connection;
}

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  // The clients a test has not disconnected itself (disconnecting twice leaves a timer behind).
  await Promise.all(clients.filter(c => c.status === "ready" && c.stream.writable).map(c => c.quit()));
  await redis?.stop();
});

const answer: StoredAnswer = {
  status: 200,
  headers: [
    ["content-type", "application/json; charset=utf-8"],
    ["vary", "authorization"],
  ],
  // Characters JSON escapes, and ones it does not, come back exactly.
  body: '{"data":{"name":"Zoë \\"Z\\" \u{1F600}\\n"}}',
};

function lease(claim: Claim): Lease {
  if (claim.kind !== "claimed") throw new Error(`expected a claim, got ${claim.kind}`);
  return claim.lease;
}

describe("the Redis idempotency store", () => {
  it("grants one of many concurrent claims across replicas, and replays the kept answer on every one", async () => {
    const a = new RedisIdempotencyStore(await connected(), { ttlSeconds: 3600, leaseMs: 10_000 });
    const b = new RedisIdempotencyStore(await connected(), { ttlSeconds: 3600, leaseMs: 10_000 });
    const id = randomUUID();
    const claims = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).claim(id, "fp")));
    expect(claims.filter(c => c.kind === "claimed")).toHaveLength(1);
    expect(claims.filter(c => c.kind === "in-use")).toHaveLength(9);
    expect(await a.claim(id, "other")).toEqual({ kind: "reused" });

    expect(await lease(claims.find(c => c.kind === "claimed")!).keep(answer)).toBe(true);
    for (const store of [a, b]) expect(await store.claim(id, "fp")).toEqual({ kind: "replay", answer });
    expect(await b.claim(id, "other")).toEqual({ kind: "reused" });
    // Kept for IDEMPOTENCY_TTL_SECONDS from when it was kept.
    const ttl = await clients[0]!.ttl(`account-graph:idem:${id}`);
    expect(ttl).toBeGreaterThan(3500);
    expect(ttl).toBeLessThanOrEqual(3600);
  });

  it("drops an entry it cannot read (damaged, or another version's format) and lets the request run", async () => {
    const redis = await connected();
    const store = new RedisIdempotencyStore(redis, { ttlSeconds: 60, leaseMs: 10_000 });
    const id = randomUUID();
    await redis.hset(`account-graph:idem:${id}`, "fp", "fp", "answer", "not a kept answer");
    const claim = await store.claim(id, "fp");
    expect(claim.kind).toBe("claimed");
    expect(await lease(claim).keep(answer)).toBe(true);
    expect(await store.claim(id, "fp")).toEqual({ kind: "replay", answer });
  });

  it("keeps a running request's claim alive past its lease by renewing it", async () => {
    // Renewed every third of the lease: long enough that a loaded machine's pauses do not lapse it.
    const leaseMs = 1000;
    const a = new RedisIdempotencyStore(await connected(), { ttlSeconds: 60, leaseMs });
    const b = new RedisIdempotencyStore(await connected(), { ttlSeconds: 60, leaseMs });
    const id = randomUUID();
    const held = lease(await a.claim(id, "fp"));
    // Several lease lengths (a lower bound on time, which a slow machine only lengthens).
    await sleep(3 * leaseMs);
    expect(await b.claim(id, "fp")).toEqual({ kind: "in-use" });
    await held.release();
    expect((await b.claim(id, "fp")).kind).toBe("claimed");
  });

  it("lets the claim of a replica that stopped renewing lapse, and refuses its late answer", async () => {
    const leaseMs = 300;
    const dying = await connected();
    const a = new RedisIdempotencyStore(dying, { ttlSeconds: 60, leaseMs });
    const b = new RedisIdempotencyStore(await connected(), { ttlSeconds: 60, leaseMs });
    const id = randomUUID();
    const orphan = lease(await a.claim(id, "fp"));
    // The replica loses Redis mid-request (as if it died): its renewals stop reaching Redis.
    dying.disconnect();
    let retry: Claim = { kind: "in-use" };
    await until(async () => (retry = await b.claim(id, "fp")).kind !== "in-use", "the orphaned claim lapsed");
    expect(retry.kind).toBe("claimed");
    await dying.connect();
    // Its answer, arriving after another request took the key, is not kept over that request.
    expect(await orphan.keep(answer)).toBe(false);
    await orphan.release();
    expect(await b.claim(id, "fp")).toEqual({ kind: "in-use" });
    expect(await lease(retry).keep({ ...answer, body: "{}" })).toBe(true);
    expect(await a.claim(id, "fp")).toEqual({ kind: "replay", answer: { ...answer, body: "{}" } });
  });

  it("frees a released key at once", async () => {
    const a = new RedisIdempotencyStore(await connected(), { ttlSeconds: 60, leaseMs: 10_000 });
    const id = randomUUID();
    await lease(await a.claim(id, "fp")).release();
    expect(await clients[0]!.exists(`account-graph:idem:${id}`)).toBe(0);
    expect((await a.claim(id, "another")).kind).toBe("claimed");
  });

  it("rejects a claim when Redis cannot be reached, and a failed keep is false, not an error", async () => {
    const gone = await connected();
    gone.disconnect();
    await expect(new RedisIdempotencyStore(gone, { ttlSeconds: 60, leaseMs: 1000 }).claim(randomUUID(), "fp")).rejects.toThrow();

    const lost = await connected();
    const held = lease(await new RedisIdempotencyStore(lost, { ttlSeconds: 60, leaseMs: 1000 }).claim(randomUUID(), "fp"));
    lost.disconnect();
    expect(await held.keep(answer)).toBe(false);
  });

  it("encodes answers so that they come back exactly, and refuses anything else", () => {
    expect(decodeAnswer(encodeAnswer(answer))).toEqual(answer);
    expect(() => decodeAnswer('{"status":200}')).toThrow("not a kept answer");
    expect(() => decodeAnswer('[200,[],"{\\"name\\":\\"Ada')).toThrow(/^not a kept answer$/);
  });
});
