import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Redis } from "ioredis";
import { createHash } from "node:crypto";
import { DEPICTA } from "../../src/providers/depicta/depicta.facts.js";
import { credentialHash } from "../../src/shared-state/credential-hash.js";
import { DEPICTA_DEMO_KEYS } from "../../src/providers/depicta/simulator/depicta.simulator.js";
import { liveEnvFor, startTestSimulators, type TestSims } from "../helpers/providers.js";
import { startBuilt, type BuiltServer } from "../helpers/process.js";
import { startRedis, type TestRedis } from "../helpers/redis.js";
import { until } from "../helpers/until.js";

// Two replicas of the built server share Depicta's budget of 10 calls in flight per key through
// Redis. Redis is killed and restarted empty (the non-persistent deployment) while ten calls are in
// flight: their leases die with it, and a budget counted from nothing would let ten more through.

const KEY = DEPICTA_DEMO_KEYS.main;
const DEPICTA_ID = "6eb15ef1-9de7-4971-b55e-babbe35b7544";
const MAX = DEPICTA.maxConcurrencyPerCredential;
// Where the replicas say Redis is settling after losing its state (docs/operations.md).
const SETTLING_KEY = "account-graph:budget:settling";
const SECRET = "redis-restart-test-credential-hash-secret-0123456789";

let redis: TestRedis;
let sims: TestSims;
let replicas: { built: BuiltServer; url: string }[] = [];

beforeAll(async () => {
  redis = await startRedis();
  sims = await startTestSimulators();
  const env = {
    NODE_ENV: "production",
    REDIS_URL: redis.url,
    CREDENTIAL_HASH_SECRET: SECRET,
    ...liveEnvFor(sims),
    // Calls are held at Depicta for as long as the test needs: far from their deadline.
    UPSTREAM_TIMEOUT_MS: "30000",
  };
  const built = [startBuilt(env), startBuilt(env)];
  replicas = built.map(b => ({ built: b, url: "" }));
  for (const replica of replicas) replica.url = await replica.built.ready();
});

afterAll(async () => {
  await Promise.all(replicas.map(({ built }) => built.stop()));
  await sims?.close();
  await redis?.stop();
});

type Body = { data?: { account: { id: string } | null } | null; errors?: { message: string }[] };
const read = async (url: string): Promise<Body> => {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-depicta-api-key": KEY },
    body: JSON.stringify({ query: "{ account(provider: DEPICTA) { id } }" }),
  });
  return (await response.json()) as Body;
};
const ready = async (url: string) => (await fetch(`${url}/readyz`)).status === 200;
const waiting = async (url: string) => {
  const text = await (await fetch(`${url}/metrics`)).text();
  return Number(/^account_graph_concurrency_waiting\{provider="DEPICTA"\} (\d+)/m.exec(text)?.[1] ?? 0);
};

describe("Depicta's budget when Redis restarts empty under load", () => {
  it("keeps at most 10 calls in flight: the replicas re-register their leases before anyone gets a new slot", async () => {
    const depicta = sims.depicta.control;
    // Depicta itself answers 429 beyond ten, so "in flight" is its peak, not the calls it holds.
    const overBudget = () => (depicta.maxInFlightByKey.get(KEY) ?? 0) > MAX;
    const [a, b] = replicas.map(r => r.url) as [string, string];
    // Each replica has used this Redis (it knows the state its leases live in).
    for (const url of [a, b]) expect((await read(url)).data).toEqual({ account: { id: DEPICTA_ID } });
    depicta.reset();

    let open!: () => void;
    const gate = new Promise<void>(resolve => (open = resolve));
    depicta.hold = () => gate;
    // Twelve readers over the two replicas: ten in flight at Depicta, two waiting for a slot.
    const first = Array.from({ length: 12 }, (_, i) => read(i % 2 === 0 ? a : b));
    await until(async () => depicta.inFlight === MAX && (await waiting(a)) + (await waiting(b)) === 2, "ten calls in flight and two waiting");
    // The budget is kept under the deployment's keyed hash of the key, never the key or a plain digest of it.
    const inspect = new Redis(redis.url);
    try {
      const limitKeys = await inspect.keys("account-graph:limit:*");
      expect(limitKeys).toEqual([`account-graph:limit:depicta:${credentialHash(SECRET, true)("limiter", KEY)}`]);
      const sha256 = createHash("sha256").update(KEY).digest("base64url").slice(0, 32);
      expect(limitKeys.join(" ")).not.toContain(sha256);
    } finally {
      inspect.disconnect();
    }

    await redis.kill();
    await redis.restart();
    // Each replica sees the new Redis (on reconnecting) and says so, with the leases it put back.
    const lostLines = () => replicas.flatMap(r => r.built.lines()).filter(line => /lost its state/.test(String(line.msg)));
    await until(() => overBudget() || lostLines().length === 2, "both replicas to see the empty Redis");
    await until(async () => (await ready(a)) && (await ready(b)), "both replicas ready with the new Redis");

    // Four more readers, on the new Redis.
    const probes = [a, b, a, b].map(url => read(url));
    const client = new Redis(redis.url);
    try {
      const evals = async () => {
        const stats = await client.info("commandstats");
        const calls = (command: string) => Number(new RegExp(`cmdstat_${command}:calls=(\\d+)`).exec(stats)?.[1] ?? 0);
        return calls("eval") + calls("evalsha");
      };
      // The first replica to see the empty Redis made it grant nothing for a few seconds while
      // every replica put back the leases of its calls in flight; after that the budget counts them.
      await until(async () => (await client.exists(SETTLING_KEY)) === 0, "the settling to end");
      // Every waiter asks Redis again, many times over, after the settling.
      const before = await evals();
      await until(async () => overBudget() || (await evals()) >= before + 20, "the waiters to ask Redis again");
      expect(depicta.maxInFlightByKey.get(KEY)).toBe(MAX);
      expect(depicta.inFlight).toBe(MAX);
    } finally {
      client.disconnect();
      open();
    }

    // Every reader is answered: the account, or (a waiter while Redis was gone) an error naming
    // Redis. Never a wrong answer, and never more than ten at Depicta at once.
    const results = await Promise.all([...first, ...probes]);
    for (const body of results) {
      if (body.errors) {
        expect(body.errors).toHaveLength(1);
        expect(body.errors[0]!.message).toMatch(/Redis/);
        expect(body.data).toEqual({ account: null });
      } else {
        expect(body.data).toEqual({ account: { id: DEPICTA_ID } });
      }
    }
    for (const probe of await Promise.all(probes)) expect(probe).toEqual({ data: { account: { id: DEPICTA_ID } } });
    expect(results.filter(body => !body.errors).length).toBeGreaterThanOrEqual(MAX + probes.length);
    expect(depicta.maxInFlightByKey.get(KEY)).toBe(MAX);

    // Ten leases were put back between them.
    expect(lostLines().reduce((sum, line) => sum + Number(line.reregistered), 0)).toBe(MAX);
  });
});
