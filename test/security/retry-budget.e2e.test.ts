import { afterAll, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import { startTestServer, type TestServer } from "../helpers/server.js";

// UPSTREAM_CALL_BUDGET counts what reaches a provider: attempts, retries included. A failing
// provider must not turn one request's references into three times as many calls.

const BUDGET = 5;
const ENTITIES = `query E($r: [_Any!]!) { _entities(representations: $r) { ... on CudoBillingAccount { id } } }`;
const refs = (n: number) => Array.from({ length: n }, (_, i) => ({ __typename: "CudoBillingAccount", id: `ba-retry-${i}` }));

let server: TestServer;
beforeAll(async () => {
  // The breaker stays out of it: every call below must reach Cudo or be refused by the budget.
  server = await startTestServer({ UPSTREAM_CALL_BUDGET: String(BUDGET), BREAKER_VOLUME_THRESHOLD: "1000000" });
});
afterAll(() => server.stop());
beforeEach(() => {
  server.resetSims();
  // Cudo is unavailable: every read is worth a retry.
  server.sims.cudo.control.failNext({ status: 503, times: 1000, match: "GET /v1/billing-accounts/" });
});

const codes = (errors: { extensions?: { code?: string } }[] | undefined) => (errors ?? []).map(e => e.extensions?.code);

describe("retries against UPSTREAM_CALL_BUDGET", () => {
  it("retries a read while the budget allows", async () => {
    const { body } = await server.gql(ENTITIES, { r: refs(1) });
    expect(codes(body.errors)).toEqual(["UPSTREAM_ERROR"]);
    // Three attempts (the retry policy's most), all within the budget of five.
    expect(server.sims.cudo.control.count()).toBe(3);
  });

  it("makes at most the budget's number of attempts, retries included", async () => {
    const { body } = await server.gql<{ _entities: unknown[] }>(ENTITIES, { r: refs(BUDGET) });
    expect(body.data?._entities).toEqual(Array(BUDGET).fill(null));
    // Each reference had its first attempt; no retry was left to pay for.
    expect(server.sims.cudo.control.count()).toBe(BUDGET);
    expect(codes(body.errors)).toEqual(Array(BUDGET).fill("UPSTREAM_ERROR"));
    expect(body.errors![0]!.extensions).toMatchObject({ provider: "CUDO", upstreamStatus: 503, retryable: true });
  });

  it("refuses what is over the budget unsent, and answers what was sent with the provider's failure", async () => {
    const { body } = await server.gql<{ _entities: unknown[] }>(ENTITIES, { r: refs(2 * BUDGET) });
    expect(server.sims.cudo.control.count()).toBe(BUDGET);
    const counted = codes(body.errors);
    expect(counted.filter(code => code === "UPSTREAM_ERROR")).toHaveLength(BUDGET);
    expect(counted.filter(code => code === "UPSTREAM_BUDGET_EXCEEDED")).toHaveLength(BUDGET);
  });
});
