import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { Redis } from "ioredis";
import { CUDO_DEMO_KEYS } from "../../src/providers/cudo/simulator/cudo.simulator.js";
import { DEPICTA_DEMO_KEYS } from "../../src/providers/depicta/simulator/depicta.simulator.js";
import { DIFFIO_DEMO_KEYS } from "../../src/providers/diffio/simulator/diffio.simulator.js";
import { HOSTUP_DEMO_KEYS } from "../../src/providers/hostup/simulator/hostup.sim-state.js";
import { startBuilt, type BuiltServer } from "../helpers/process.js";
import { Provider, liveEnvFor, startTestSimulators, type TestSims } from "../helpers/providers.js";
import { startRedis, type TestRedis } from "../helpers/redis.js";
import { READ_CASES, type ReadCase } from "../caches/read-cache-cases.js";

// Two replicas of the built server (`node build/index.js`, as deployed: production, live mode) on
// ONE redis-server, in front of one set of simulators, with the read cache on as deploy/ sets it.
const SECRET = "replicas-share-this-credential-hash-secret-0123456789";
// Every credential these tests send: none may rest in Redis, in a log line or in /metrics.
const CREDENTIALS = [
  ...Object.values(DIFFIO_DEMO_KEYS),
  ...Object.values(HOSTUP_DEMO_KEYS),
  ...Object.values(CUDO_DEMO_KEYS),
  ...Object.values(DEPICTA_DEMO_KEYS),
];
// A fixed number of runs from a fixed seed, as in test/security/fuzz.e2e.test.ts.
const RUNS = Number(process.env.READ_CACHE_PROPERTY_RUNS ?? 30);
const SEED = Number(process.env.READ_CACHE_PROPERTY_SEED ?? 26);

interface Replica {
  url: string;
  built: BuiltServer;
}

let redis: TestRedis;
let sims: TestSims;
const replicas: Replica[] = [];
let a: Replica;
let b: Replica;

async function startReplica(): Promise<Replica> {
  const built = startBuilt({
    NODE_ENV: "production",
    LOG_LEVEL: "info",
    ...liveEnvFor(sims),
    REDIS_URL: redis.url,
    READ_CACHE_TTL_SECONDS: "600",
    STALE_IF_ERROR_SECONDS: "600",
    CREDENTIAL_HASH_SECRET: SECRET,
  });
  const replica = { url: "", built };
  replicas.push(replica);
  replica.url = await built.ready();
  return replica;
}

beforeAll(async () => {
  redis = await startRedis();
  sims = await startTestSimulators();
  [a, b] = await Promise.all([startReplica(), startReplica()]);
}, 300_000);

afterAll(async () => {
  await Promise.all(replicas.map(({ built }) => built.stop()));
  await sims?.close();
  await redis?.stop();
});

async function gql(replica: Replica, query: string, headers: Record<string, string>) {
  const response = await fetch(`${replica.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as { data?: Record<string, unknown>; errors?: Array<{ extensions?: { code?: string } }> };
  expect(body.errors).toBeUndefined();
  return body.data!;
}

const calls = (c: ReadCase) => sims.running[c.provider]!.control.count(c.call);

/** Reads a replica answered from the read cache so far, over every provider. */
async function cacheHits(replica: Replica): Promise<number> {
  const text = await (await fetch(`${replica.url}/metrics`)).text();
  return text
    .split("\n")
    .filter(line => line.startsWith("account_graph_read_cache_reads_total{") && line.includes('result="hit"'))
    .reduce((sum, line) => sum + Number(line.split(" ").at(-1)), 0);
}

describe("the read cache shared through Redis", () => {
  it.each(READ_CASES.map(c => [c.provider, c] as const))("%s: an answer cached on replica A is served on replica B", async (_p, c) => {
    const before = calls(c);
    const onA = await gql(a, c.read, c.key);
    const onB = await gql(b, c.read, c.key);
    expect(calls(c)).toBe(before + 1);
    expect(onB).toEqual(onA);
  });

  it.each(READ_CASES.map(c => [c.provider, c] as const))("%s: a write on replica B is read on replica A at once", async (_p, c) => {
    await gql(a, c.read, c.key);
    const cached = calls(c);
    await gql(a, c.read, c.key);
    expect(calls(c)).toBe(cached);
    const value = c.written(Date.now());
    await gql(b, c.write(value), c.key);
    expect(c.field(await gql(a, c.read, c.key))).toBe(value);
  });

  it("never lets a credential rest in Redis, in a log line or in /metrics", async () => {
    // Something from every provider and both credentials of each is cached by now.
    for (const c of READ_CASES) await gql(a, c.read, c.otherKey);
    const scan = new Redis(redis.url);
    try {
      const keys: string[] = [];
      let cursor = "0";
      do {
        const [next, batch] = await scan.scan(cursor, "COUNT", 1000);
        cursor = next;
        keys.push(...batch);
      } while (cursor !== "0");
      const cacheKeys = keys.filter(k => k.startsWith("account-graph:read:"));
      expect(cacheKeys.length).toBeGreaterThan(2 * READ_CASES.length);
      let stored = "";
      for (const key of keys) {
        const type = await scan.type(key);
        const value =
          type === "string" ? await scan.get(key) : type === "zset" ? (await scan.zrange(key, 0, -1)).join(" ") : type === "hash" ? JSON.stringify(await scan.hgetall(key)) : "";
        stored += `${key}\n${value}\n`;
        // Nothing outlives its window: every cache key expires.
        if (key.startsWith("account-graph:read:")) expect({ key, ttl: (await scan.pttl(key)) > 0 }).toEqual({ key, ttl: true });
      }
      // The cached answers are there (the data), their credentials are not (in any form a run of 12 shows).
      expect(stored).toContain("ada@example.com");
      const logs = replicas.map(r => r.built.out() + r.built.err()).join("\n");
      const metrics = (await Promise.all(replicas.map(r => fetch(`${r.url}/metrics`).then(res => res.text())))).join("\n");
      for (const credential of CREDENTIALS) {
        for (let i = 0; i + 12 <= credential.length; i += 4) {
          const run = credential.slice(i, i + 12);
          expect({ credential, run, inRedis: stored.includes(run), inLogs: logs.includes(run), inMetrics: metrics.includes(run) }).toEqual({
            credential,
            run,
            inRedis: false,
            inLogs: false,
            inMetrics: false,
          });
        }
      }
    } finally {
      scan.disconnect();
    }
  });
});

describe("interleaved reads and writes by two credentials on two replicas (property)", () => {
  // Two providers whose two demo credentials hold different accounts that both may write.
  const cases = READ_CASES.filter(c => c.provider === Provider.DIFFIO || c.provider === Provider.DEPICTA);
  type Op = { kind: "read" | "write"; provider: number; credential: 0 | 1; replica: 0 | 1 };
  const op: fc.Arbitrary<Op> = fc.record({
    kind: fc.constantFrom("read" as const, "write" as const),
    provider: fc.integer({ min: 0, max: cases.length - 1 }),
    credential: fc.constantFrom(0 as const, 1 as const),
    replica: fc.constantFrom(0 as const, 1 as const),
  });

  it(
    "never show one credential's data to the other, nor a value older than the caller's own last write",
    async () => {
      const keyOf = (c: ReadCase, credential: 0 | 1) => (credential === 0 ? c.key : c.otherKey);
      // What each credential last wrote (or first read), per provider: carried across runs, since
      // the simulators' data and the cache carry over too.
      const last = new Map<string, unknown>();
      const slot = (p: number, credential: number) => `${p}:${credential}`;
      for (const [p, c] of cases.entries()) {
        for (const credential of [0, 1] as const) last.set(slot(p, credential), c.field(await gql(a, c.read, keyOf(c, credential))));
      }
      let tag = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async ops => {
          for (const { kind, provider: p, credential, replica } of ops) {
            const c = cases[p]!;
            const on = replica === 0 ? a : b;
            if (kind === "write") {
              // Values name their writer, so the other credential's can be told apart.
              const value = c.written(tag++).replace(/(\d+)$/, `${credential}-$1`);
              await gql(on, c.write(value), keyOf(c, credential));
              last.set(slot(p, credential), value);
            } else {
              const seen = c.field(await gql(on, c.read, keyOf(c, credential)));
              if (seen !== last.get(slot(p, credential))) {
                throw new Error(`credential ${credential} read ${JSON.stringify(seen)} on replica ${replica}, expected its own last ${JSON.stringify(last.get(slot(p, credential)))}`);
              }
            }
          }
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
      // The property ran against the cache, not around it: both replicas answered reads from it.
      for (const replica of [a, b]) expect(await cacheHits(replica)).toBeGreaterThan(RUNS / 2);
    },
    300_000,
  );
});
