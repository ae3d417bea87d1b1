import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { startTestServer, type TestServer } from "../helpers/server.js";

const READ = "{ account(provider: DIFFIO) { id } }";
let server: TestServer;
beforeAll(async () => {
  // Production's defaults, scaled down so the test runs in a second: 6 calls, 50 %, 600 ms open.
  server = await startTestServer({}, { breaker: { volumeThreshold: 6, resetTimeoutMs: 600 }, retry: { maxAttempts: 1 } });
});
afterAll(() => server.stop());

const metricValue = async (name: string) => {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  return new RegExp(`${name} (\\d+)`).exec(text)?.[1];
};

describe("circuit breaker per provider", () => {
  it("stays closed for failures below the minimum volume", async () => {
    server.sims.diffio.control.failNext({ status: 503, times: 2 });
    for (let i = 0; i < 2; i++) {
      const { body } = await server.gql(READ);
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: "UPSTREAM_ERROR", upstreamStatus: 503 });
    }
    const { body } = await server.gql(READ);
    expect(body.data).toEqual({ account: { id: "user_demo_1" } });
    expect(await metricValue('account_graph_circuit_state\\{provider="DIFFIO"\\}')).toBe("0");
  });

  it("opens after enough failures, fails fast without calling, then closes after a good trial", async () => {
    server.resetSims();
    server.sims.diffio.control.failNext({ status: 500, times: 10 });
    for (let i = 0; i < 6; i++) await server.gql(READ);
    const callsWhenOpened = server.sims.diffio.control.count();

    const fast = await server.gql(READ);
    expect(fast.body.data).toEqual({ account: null });
    expect(fast.body.errors?.[0]?.extensions).toMatchObject({
      code: "UPSTREAM_ERROR",
      provider: "DIFFIO",
      retryable: true,
      retryAfterSeconds: 1,
    });
    expect(fast.body.errors?.[0]?.message).toMatch(/paused/);
    expect(server.sims.diffio.control.count()).toBe(callsWhenOpened);
    expect(await metricValue('account_graph_circuit_state\\{provider="DIFFIO"\\}')).toBe("2");

    // Other providers are not affected.
    const depicta = await server.gql("{ account(provider: DEPICTA) { id } }");
    expect(depicta.body.errors).toBeUndefined();

    server.sims.diffio.control.reset();
    await new Promise(resolve => setTimeout(resolve, 700));
    const trial = await server.gql(READ);
    expect(trial.body.data).toEqual({ account: { id: "user_demo_1" } });
    expect(await metricValue('account_graph_circuit_state\\{provider="DIFFIO"\\}')).toBe("0");
  });
});
