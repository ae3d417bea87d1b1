import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { sha256 } from "../../src/persisted/manifest.js";
import { DEPICTA_DEMO_KEYS } from "../../src/providers/depicta/simulator/depicta.simulator.js";
import { DEPICTA } from "../../src/providers/depicta/depicta.facts.js";
import { liveEnvFor, startTestSimulators, type TestSims } from "../helpers/providers.js";
import { startRedis, type TestRedis } from "../helpers/redis.js";
import { type SimCall } from "../../src/simulators/sim-server.js";
import { barrier } from "../helpers/barrier.js";
import { until } from "../helpers/until.js";
import { startBuilt, type BuiltServer } from "../helpers/process.js";

// Two replicas of the built server (`node build/index.js`, as deployed) in live mode against ONE
// set of simulators, which stand in for the providers every replica shares. Replicas A and B share
// a redis-server; C and D run without REDIS_URL, as the negative control.
const DEPICTA_KEY = DEPICTA_DEMO_KEYS.main;
const DEPICTA_ID = "6eb15ef1-9de7-4971-b55e-babbe35b7544";

interface Replica {
  url: string;
  built: BuiltServer;
}

// Every replica that started, so afterAll stops them even when a sibling failed to start.
const started: Replica[] = [];

async function startReplica(env: Record<string, string>): Promise<Replica> {
  const built = startBuilt({ NODE_ENV: "production", ...env });
  // Its own slot: the four start at once and become ready in any order.
  const slot = started.push({ url: "", built }) - 1;
  // However long four Node processes starting at once on two cores take; one that exits first
  // fails the suite at once with its output.
  const replica = { url: await built.ready(), built };
  started[slot] = replica;
  return replica;
}

let redis: TestRedis;
let sims: TestSims;
let a: Replica;
let b: Replica;
let c: Replica;
let d: Replica;

beforeAll(async () => {
  // One after the other, so that afterAll can stop whichever started if the other fails.
  redis = await startRedis();
  sims = await startTestSimulators();
  const live = {
    ...liveEnvFor(sims),
  };
  [a, b, c, d] = await Promise.all([
    startReplica({ ...live, REDIS_URL: redis.url }),
    startReplica({ ...live, REDIS_URL: redis.url }),
    startReplica(live),
    startReplica(live),
  ]);
  // A hang guard only: a slow start is waited for, a failed one ends the hook at once.
}, 300_000);

afterAll(async () => {
  await Promise.all(started.map(replica => replica.built.stop()));
  await sims?.close();
  await redis?.stop();
});

type Body = {
  data?: Record<string, unknown> | null;
  errors?: { extensions?: { code?: string } }[];
};

async function post(replica: Replica, payload: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${replica.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(payload),
  });
  return { status: response.status, body: (await response.json()) as Body };
}

describe("automatic persisted queries across replicas", () => {
  // A query text no earlier run can have registered (each test run has a fresh Redis anyway).
  const query = (tag: string) => `query Apq_${tag} { account(provider: DIFFIO) { id } }`;
  const byHash = (text: string) => ({
    extensions: { persistedQuery: { version: 1, sha256Hash: sha256(text) } },
  });
  const headers = { "x-diffio-api-key": "diffio_live_demo_admin_4f9c2a" };

  it("serves on replica B, by hash alone, a query registered on replica A (REDIS_URL)", async () => {
    const text = query(`redis_${Date.now()}`);
    const before = await post(b, byHash(text), headers);
    expect(before.body.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_NOT_FOUND");

    const registered = await post(a, { query: text, ...byHash(text) }, headers);
    expect(registered.body).toEqual({ data: { account: { id: "user_demo_1" } } });

    const served = await post(b, byHash(text), headers);
    expect(served.status).toBe(200);
    expect(served.body).toEqual({ data: { account: { id: "user_demo_1" } } });
  });

  it("answers a hash by what Redis holds, on every replica, not by texts one replica has seen", async () => {
    const text = query(`seen_${Date.now()}`);
    // Plain text twice on A: the second from A's document cache, which never registers a hash.
    for (let i = 0; i < 2; i++) expect((await post(a, { query: text }, headers)).body.data).toEqual({ account: { id: "user_demo_1" } });
    for (const replica of [a, b]) {
      expect((await post(replica, byHash(text), headers)).body.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    }
    // Registered on B: served by hash on A, twice.
    await post(b, { query: text, ...byHash(text) }, headers);
    for (let i = 0; i < 2; i++) expect((await post(a, byHash(text), headers)).body).toEqual({ data: { account: { id: "user_demo_1" } } });
  });

  it("does not, without REDIS_URL (each replica has its own cache)", async () => {
    const text = query(`memory_${Date.now()}`);
    const registered = await post(c, { query: text, ...byHash(text) }, headers);
    expect(registered.body).toEqual({ data: { account: { id: "user_demo_1" } } });
    const other = await post(d, byHash(text), headers);
    expect(other.body.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_NOT_FOUND");
  });
});

describe("Depicta's per-credential concurrency budget across replicas", () => {
  const READS = 30;
  const depicta = () => sims.depicta.control;

  // 30 concurrent reads with one credential, alternating between two replicas.
  async function burst(first: Replica, second: Replica, hold: (call: SimCall) => Promise<void>) {
    depicta().reset();
    depicta().hold = hold;
    const results = await Promise.all(
      Array.from({ length: READS }, (_, i) =>
        post(i % 2 === 0 ? first : second, { query: "{ account(provider: DEPICTA) { id } }" }, {
          "x-depicta-api-key": DEPICTA_KEY,
        }),
      ),
    );
    const peak = depicta().maxInFlightByKey.get(DEPICTA_KEY) ?? 0;
    const upstreamCalls = depicta().count();
    depicta().reset();
    return { results, peak, upstreamCalls };
  }

  it("keeps at most 10 in flight upstream with REDIS_URL, in parallel, and every read succeeds", async () => {
    // The provider holds the first ten until all ten are in flight together: a budget that let
    // fewer run at once would never get there.
    const { results, peak, upstreamCalls } = await burst(a, b, barrier(DEPICTA.maxConcurrencyPerCredential).arrive);
    for (const { status, body } of results) {
      expect(status).toBe(200);
      expect(body).toEqual({ data: { account: { id: DEPICTA_ID } } });
    }
    expect(peak).toBe(DEPICTA.maxConcurrencyPerCredential);
    // No 429 was ever answered (a 429 would have been retried: more calls than reads).
    expect(upstreamCalls).toBe(READS);
  });

  it("exceeds the budget without REDIS_URL (in-memory limiters), so Redis is what holds it", async () => {
    // Held until an eleventh call reaches the provider at once, which only two budgets allow.
    const overBudget = () => (depicta().maxInFlightByKey.get(DEPICTA_KEY) ?? 0) > DEPICTA.maxConcurrencyPerCredential;
    const { peak, upstreamCalls } = await burst(c, d, () => until(overBudget, "an eleventh call in flight"));
    // Each replica allows 10 on its own: together they exceed Depicta's limit and draw 429s.
    expect(peak).toBeGreaterThan(DEPICTA.maxConcurrencyPerCredential);
    expect(upstreamCalls).toBeGreaterThan(READS);
  });
});

describe("readiness when Redis goes away", () => {
  const status = async (replica: Replica, path: string) =>
    (await fetch(`${replica.url}${path}`)).status;

  it("answers /readyz 503 while Redis is down (liveness stays 200) and 200 once it is back", async () => {
    expect(await status(a, "/readyz")).toBe(200);
    await redis.kill();
    await until(async () => (await status(a, "/readyz")) === 503, "/readyz to answer 503 without Redis");
    expect(await status(b, "/readyz")).toBe(503);
    // Not dead, only not ready: the orchestrator must stop routing to it, not restart it.
    expect(await status(a, "/healthz")).toBe(200);
    // Replicas without Redis are unaffected.
    expect(await status(c, "/readyz")).toBe(200);
    // A Depicta read that still reaches A fails closed: without the shared budget it makes no
    // upstream call rather than risk exceeding it.
    sims.depicta.control.reset();
    const read = await post(a, { query: "{ account(provider: DEPICTA) { id } }" }, {
      "x-depicta-api-key": DEPICTA_KEY,
    });
    expect(read.body.data?.account).toBeNull();
    expect(read.body.errors).toHaveLength(1);
    expect(sims.depicta.control.count()).toBe(0);
    // Persisted queries degrade to a miss (clients then send the full text), not to a failure.
    const text = `query ApqDown_${Date.now()} { account(provider: DIFFIO) { id } }`;
    const hash = { persistedQuery: { version: 1, sha256Hash: sha256(text) } };
    const diffioKey = { "x-diffio-api-key": "diffio_live_demo_admin_4f9c2a" };
    const miss = await post(a, { extensions: hash }, diffioKey);
    expect(miss.body.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    const full = await post(a, { query: text, extensions: hash }, diffioKey);
    expect(full.body).toEqual({ data: { account: { id: "user_demo_1" } } });

    await redis.restart();
    await until(async () => (await status(a, "/readyz")) === 200, "/readyz to answer 200 with Redis back");
  }, 30_000);
});
