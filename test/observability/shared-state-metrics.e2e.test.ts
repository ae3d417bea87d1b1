import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { DEPICTA } from "../../src/providers/depicta/depicta.facts.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { scrape, sample } from "../helpers/metrics.js";
import { until } from "../helpers/until.js";

const DEPICTA_MAX_CONCURRENCY = DEPICTA.maxConcurrencyPerCredential;

// The series docs/operations.md alerts on: Depicta budget waits and shared-state readiness.
const DEPICTA_READ = "{ account(provider: DEPICTA) { id } }";

describe("Depicta's concurrency budget in /metrics", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it("shows a call waiting while the budget is full, then how long it waited", async () => {
    let open!: () => void;
    const gate = new Promise<void>(resolve => (open = resolve));
    server.sims.depicta.control.hold = () => gate;
    const reads = Array.from({ length: DEPICTA_MAX_CONCURRENCY + 1 }, () => server.gql(DEPICTA_READ));
    try {
      await until(() => server.sims.depicta.control.inFlight === DEPICTA_MAX_CONCURRENCY, "the budget's calls at Depicta");
      await until(async () => sample(await scrape(server.url), 'account_graph_concurrency_waiting{provider="DEPICTA"}') === 1, "one call waiting for the budget");
      expect(server.sims.depicta.control.inFlight).toBe(DEPICTA_MAX_CONCURRENCY);
    } finally {
      open();
    }
    for (const { body } of await Promise.all(reads)) expect(body.errors).toBeUndefined();

    const text = await scrape(server.url);
    expect(sample(text, 'account_graph_concurrency_waiting{provider="DEPICTA"}')).toBe(0);
    expect(sample(text, 'account_graph_concurrency_wait_seconds_count{provider="DEPICTA"}')).toBe(DEPICTA_MAX_CONCURRENCY + 1);
    expect(sample(text, 'account_graph_concurrency_wait_seconds_sum{provider="DEPICTA"}')).toBeGreaterThan(0);
    expect(sample(text, 'account_graph_concurrency_timeouts_total{provider="DEPICTA"}')).toBeUndefined();
    expect(sample(text, 'account_graph_shared_state_ready{store="memory"}')).toBe(1);
  });
});

describe("shared state in Redis, unreachable", () => {
  let server: TestServer;
  beforeAll(async () => {
    // A port nothing listens on: taken, then released.
    const probe = createServer();
    await new Promise<void>(resolve => probe.listen(0, "127.0.0.1", resolve));
    const { port } = probe.address() as { port: number };
    await new Promise(resolve => probe.close(resolve));
    server = await startTestServer({ REDIS_URL: `redis://127.0.0.1:${port}`, UPSTREAM_TIMEOUT_MS: "500" });
  });
  afterAll(() => server.stop());

  it("reports not ready, and counts the Depicta call that could not get a slot", async () => {
    const before = await scrape(server.url);
    expect(sample(before, 'account_graph_shared_state_ready{store="redis"}')).toBe(0);
    const { body } = await server.gql(DEPICTA_READ);
    expect(body.errors?.[0]?.extensions?.provider).toBe("DEPICTA");
    expect(server.sims.depicta.control.calls).toHaveLength(0);
    expect(sample(await scrape(server.url), 'account_graph_concurrency_timeouts_total{provider="DEPICTA"}')).toBe(1);
  });
});
