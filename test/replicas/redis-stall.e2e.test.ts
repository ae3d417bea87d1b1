import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { sha256 } from "../../src/persisted/manifest.js";
import { metric } from "../helpers/metrics.js";
import { startRedis, type TestRedis } from "../helpers/redis.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { until } from "../helpers/until.js";

// A Redis that stops answering without closing its connections (SIGSTOP: a stalled process, a node
// gone away). Every check below is made while Redis is still paused: a server waiting on Redis
// would answer only after `resume()`, which comes last, so the test would hang and fail.

const DEPICTA_READ = "{ account(provider: DEPICTA) { id } }";
const readyStatus = async (server: TestServer) => {
  const response = await fetch(`${server.url}/readyz`);
  return { status: response.status, body: (await response.json()) as { status: string } };
};

let redis: TestRedis;
let server: TestServer;
beforeAll(async () => {
  redis = await startRedis();
  server = await startTestServer({ REDIS_URL: redis.url });
});
afterAll(async () => {
  redis?.resume();
  await server?.stop();
  await redis?.stop();
});

describe("a Redis that stops answering (SIGSTOP)", () => {
  const text = `query StallApq_${Date.now()} { account(provider: DIFFIO) { id } }`;
  const byHash = { persistedQuery: { version: 1, sha256Hash: sha256(text) } };
  const post = async (payload: unknown) => {
    const response = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(payload),
    });
    return (await response.json()) as { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  };

  it("bounds every request, names Redis in the error, and takes the replica out of rotation until it answers", async () => {
    // Before: ready, Depicta served through the shared budget, a persisted query registered.
    expect((await readyStatus(server)).status).toBe(200);
    expect((await server.gql(DEPICTA_READ)).body.errors).toBeUndefined();
    expect((await post({ query: text, extensions: byHash })).data).toEqual({ account: { id: "user_demo_1" } });
    server.resetSims();

    redis.pause();

    // The Depicta read is answered while Redis is paused: an error that names Redis, not Depicta's
    // deadline, and Depicta was never called.
    const read = await server.gql<{ account: unknown }>(DEPICTA_READ);
    expect(read.status).toBe(200);
    expect(read.body.data).toEqual({ account: null });
    expect(read.body.errors).toHaveLength(1);
    const [error] = read.body.errors!;
    expect(error!.message).toMatch(/Redis/);
    expect(error!.message).not.toMatch(/deadline/);
    expect(error!.extensions).toMatchObject({ code: "UPSTREAM_ERROR", provider: "DEPICTA", retryable: true });
    expect(server.sims.depicta.control.count()).toBe(0);

    // A hash-only persisted query is a miss (clients then send the text), and the text is served.
    const miss = await post({ extensions: byHash });
    expect(miss.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    expect((await post({ query: text, extensions: byHash })).data).toEqual({ account: { id: "user_demo_1" } });

    // Providers that do not need Redis are served as usual.
    expect((await server.gql("{ account(provider: HOSTUP) { id } }")).body.errors).toBeUndefined();

    // Readiness follows whether Redis answers, not whether its socket is open.
    await until(async () => (await readyStatus(server)).status === 503, "/readyz to answer 503 while Redis is paused");
    expect((await readyStatus(server)).body.status).toMatch(/redis/i);
    expect(await metric(server.url, 'account_graph_shared_state_ready{store="redis"}')).toBe(0);
    // Alive all the same: the orchestrator must route around it, not restart it.
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect(server.logs.text).toMatch(/Redis at 127\.0\.0\.1:\d+ does not answer/);

    redis.resume();

    await until(async () => (await readyStatus(server)).status === 200, "/readyz to answer 200 once Redis answers again");
    expect(await metric(server.url, 'account_graph_shared_state_ready{store="redis"}')).toBe(1);
    expect((await server.gql(DEPICTA_READ)).body.errors).toBeUndefined();
    expect((await post({ extensions: byHash })).data).toEqual({ account: { id: "user_demo_1" } });
    expect(server.logs.text).toMatch(/Redis at 127\.0\.0\.1:\d+ is reachable again/);
  });
});
