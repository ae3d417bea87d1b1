import { afterAll, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import { ManualClock } from "../helpers/manual-clock.js";
import { startTestServer, type TestServer } from "../helpers/server.js";

const READ = "{ account(provider: DIFFIO) { id } }";
let server: TestServer;
// The breaker's time moves only when a test advances it: no waiting for the reset timeout.
const clock = new ManualClock();
beforeAll(async () => {
  // Production's defaults (50 %, open for 10 s), with a minimum volume of 6 calls.
  server = await startTestServer({ BREAKER_VOLUME_THRESHOLD: "6", UPSTREAM_RETRY_ATTEMPTS: "1" }, { clock });
});
afterAll(() => server.stop());
beforeEach(() => server.resetSims());

const metricValue = async (name: string) => {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  return new RegExp(`${name} (\\d+)`).exec(text)?.[1];
};
const DIFFIO_STATE = 'account_graph_circuit_state\\{provider="DIFFIO"\\}';

/** Fail Diffio until its circuit opens; returns the calls it took. */
async function openDiffio(): Promise<number> {
  server.sims.diffio.control.failNext({ status: 500, times: 10 });
  for (let i = 0; i < 6; i++) await server.gql(READ);
  expect(await metricValue(DIFFIO_STATE)).toBe("2");
  const calls = server.sims.diffio.control.count();
  server.sims.diffio.control.reset();
  return calls;
}

describe("circuit breaker per provider", () => {
  it("stays closed for failures below the minimum volume", async () => {
    server.sims.diffio.control.failNext({ status: 503, times: 2 });
    for (let i = 0; i < 2; i++) {
      const { body } = await server.gql(READ);
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: "UPSTREAM_ERROR", upstreamStatus: 503 });
    }
    const { body } = await server.gql(READ);
    expect(body.data).toEqual({ account: { id: "user_demo_1" } });
    expect(await metricValue(DIFFIO_STATE)).toBe("0");
  });

  it("opens after enough failures, fails fast without calling, then closes after a good trial", async () => {
    clock.advance(60_000); // a fresh window
    await openDiffio();

    clock.advance(1_500);
    const fast = await server.gql(READ);
    expect(fast.body.data).toEqual({ account: null });
    expect(fast.body.errors?.[0]?.extensions).toMatchObject({
      code: "UPSTREAM_ERROR",
      provider: "DIFFIO",
      retryable: true,
      retryAfterSeconds: 9,
    });
    expect(fast.body.errors?.[0]?.message).toMatch(/paused/);
    expect(server.sims.diffio.control.count()).toBe(0);

    // Other providers are not affected.
    const depicta = await server.gql("{ account(provider: DEPICTA) { id } }");
    expect(depicta.body.errors).toBeUndefined();

    clock.advance(8_500);
    expect(await metricValue(DIFFIO_STATE)).toBe("1");
    const trial = await server.gql(READ);
    expect(trial.body.data).toEqual({ account: { id: "user_demo_1" } });
    expect(await metricValue(DIFFIO_STATE)).toBe("0");
  });

  it("serves a whole burst once the provider has recovered, after one trial", async () => {
    clock.advance(60_000);
    await openDiffio();
    clock.advance(10_000);
    // The provider is back, a little slow: the burst arrives while the trial is still out.
    server.sims.diffio.control.latencyMs = 50;
    const burst = await Promise.all(Array.from({ length: 40 }, () => server.gql(READ)));
    const codes = burst.map(r => r.body.errors?.[0]?.extensions?.code ?? "ok");
    expect(codes).toEqual(Array(40).fill("ok"));
    expect(server.sims.diffio.control.count()).toBe(40);
    expect(await metricValue(DIFFIO_STATE)).toBe("0");
  });
});
