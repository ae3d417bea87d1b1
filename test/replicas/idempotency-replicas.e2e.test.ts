import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { Redis } from "ioredis";
import { DEPICTA_DEMO_KEYS } from "../../src/providers/depicta/simulator/depicta.simulator.js";
import { startBuilt, type BuiltServer } from "../helpers/process.js";
import { liveEnvFor, startTestSimulators, type TestSims } from "../helpers/providers.js";
import { startRedis, type TestRedis } from "../helpers/redis.js";
import { until } from "../helpers/until.js";

// Two replicas of the built server (as deployed: `node build/index.js`, production, live mode)
// against one set of simulators and one redis-server: a key used on one replica is the same key
// on the other, and a replica that dies mid-request frees its keys once its lease lapses.
const RENAME = "mutation Rename($name: String) { updateProfileName(input: { name: $name }) { id name } }";
const ADA = "6eb15ef1-9de7-4971-b55e-babbe35b7544";
const WRITE = "PATCH /v1/account/profile";
const DEPICTA_KEY = DEPICTA_DEMO_KEYS.main;
const SECRET = "replica-test-secret-0123456789abcdef0123456789";

let redis: TestRedis;
let sims: TestSims;
let a: BuiltServer;
let b: BuiltServer;
const urls = new Map<BuiltServer, string>();
const started: BuiltServer[] = [];

beforeAll(async () => {
  redis = await startRedis();
  sims = await startTestSimulators();
  const env = {
    NODE_ENV: "production",
    ...liveEnvFor(sims),
    REDIS_URL: redis.url,
    CREDENTIAL_HASH_SECRET: SECRET,
    // A claim outlives a dead replica by UPSTREAM_TIMEOUT_MS + 2 s: 4 s here.
    UPSTREAM_TIMEOUT_MS: "2000",
  };
  a = startBuilt(env);
  started.push(a);
  b = startBuilt(env);
  started.push(b);
  urls.set(a, await a.ready());
  urls.set(b, await b.ready());
}, 300_000);

afterAll(async () => {
  for (const server of started) if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill("SIGKILL");
  await Promise.all(started.map(server => server.exited()));
  await sims?.close();
  await redis?.stop();
});

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  body: { data?: Record<string, unknown> | null; errors?: { extensions?: { code?: string } }[] };
}

async function send(server: BuiltServer, name: string, key: string): Promise<Answer> {
  const response = await fetch(`${urls.get(server)}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-depicta-api-key": DEPICTA_KEY, "idempotency-key": key },
    body: JSON.stringify({ query: RENAME, variables: { name } }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: JSON.parse(text) as Answer["body"] };
}

const writes = () => sims.depicta.control.count(WRITE);
const adaName = () => sims.depicta.state.users.get(ADA)!.name;

describe("Idempotency-Key across replicas (REDIS_URL)", () => {
  it("replays on replica B the answer of a key used on replica A, byte for byte, with one write", async () => {
    sims.depicta.control.reset();
    const key = randomUUID();
    const onA = await send(a, "Grace Hopper", key);
    expect(onA.status).toBe(200);
    expect(onA.body.data).toEqual({ updateProfileName: { id: ADA, name: "Grace Hopper" } });
    const onB = await send(b, "Grace Hopper", key);
    expect(onB.headers.get("idempotent-replayed")).toBe("true");
    expect(onB.text).toBe(onA.text);
    expect((await send(b, "Another Name", key)).status).toBe(422);
    expect(writes()).toBe(1);
  });

  it("keeps no credential, token or key in clear in Redis", async () => {
    const key = `visible-key-${randomUUID()}`;
    expect((await send(a, "Grace Hopper", key)).status).toBe(200);
    const inspector = new Redis(redis.url);
    try {
      const entries = await inspector.keys("account-graph:idem:*");
      expect(entries.length).toBeGreaterThan(0);
      const dump = [...entries];
      for (const entry of entries) dump.push(...Object.entries(await inspector.hgetall(entry)).flat());
      const text = dump.join("\n");
      for (const secret of [DEPICTA_KEY, key, SECRET]) expect(text).not.toContain(secret);
      // What is kept is the answer the client read.
      expect(text).toContain("Grace Hopper");
    } finally {
      await inspector.quit();
    }
  });

  it("refuses a keyed mutation while Redis does not answer (503, nothing sent), and serves it once Redis is back", async () => {
    sims.depicta.control.reset();
    const key = randomUUID();
    redis.pause();
    let refused: Answer;
    try {
      refused = await send(b, "Hedy Lamarr", key);
    } finally {
      redis.resume();
    }
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("1");
    expect(refused.body.errors?.[0]?.extensions?.code).toBe("IDEMPOTENCY_STORE_UNAVAILABLE");
    expect(writes()).toBe(0);
    expect(b.child.exitCode).toBeNull();

    // Redis may still run the claim it received while paused: then the key is held until that
    // claim's lease lapses (409), and then it runs, once.
    let answer!: Answer;
    await until(async () => {
      answer = await send(b, "Hedy Lamarr", key);
      if (answer.status === 200) return true;
      expect([409, 503]).toContain(answer.status);
      await sleep(100);
      return false;
    }, "the keyed mutation ran once Redis answered again");
    expect(answer.body.data).toEqual({ updateProfileName: { id: ADA, name: "Hedy Lamarr" } });
    expect(writes()).toBe(1);
  });

  it("runs the mutation once more on B when A died holding the key, once A's lease lapsed", async () => {
    sims.depicta.control.reset();
    const key = randomUUID();
    // Depicta gets A's write and holds it; A dies meanwhile; then Depicta applies it, and its
    // answer goes nowhere: A's client never learns the outcome.
    let deliver!: () => void;
    const delivered = new Promise<void>(resolve => (deliver = resolve));
    sims.depicta.control.hold = call => (call.method === "PATCH" ? delivered : Promise.resolve());
    const lost = send(a, "Katherine Johnson", key).then(
      () => "answered",
      () => "connection lost",
    );
    await until(() => writes() === 1, "A's write reached Depicta");
    a.child.kill("SIGKILL");
    await a.exited();
    deliver();
    expect(await lost).toBe("connection lost");
    await until(() => adaName() === "Katherine Johnson", "Depicta applied A's write");
    sims.depicta.control.hold = undefined;

    // The client retries on B with the same key: 409 while A's claim lives, then B runs it.
    const statuses: number[] = [];
    let retry!: Answer;
    await until(async () => {
      retry = await send(b, "Katherine Johnson", key);
      statuses.push(retry.status);
      if (retry.status === 409) await sleep(100);
      return retry.status !== 409;
    }, "A's claim lapsed");
    expect(statuses.slice(0, -1).every(status => status === 409)).toBe(true);
    expect(retry.status).toBe(200);
    expect(retry.headers.get("idempotent-replayed")).toBeNull();
    expect(retry.body.data).toEqual({ updateProfileName: { id: ADA, name: "Katherine Johnson" } });
    expect(writes()).toBe(2);

    // B's run settled: the key now replays it.
    const again = await send(b, "Katherine Johnson", key);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.text).toBe(retry.text);
    expect(writes()).toBe(2);
  });
});
