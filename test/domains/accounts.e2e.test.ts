import { afterAll, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import { barrier } from "../helpers/barrier.js";
import { startTestServer, type TestServer } from "../helpers/server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());
beforeEach(() => server.resetSims());

const ALL = `{
  accounts {
    __typename
    provider
    id
  }
}`;
const sims = () => [server.sims.diffio, server.sims.hostup, server.sims.cudo, server.sims.depicta];

describe("accounts", () => {
  it("returns all four providers, in order, each from its own simulator", async () => {
    const { body } = await server.gql(ALL);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      accounts: [
        { __typename: "DiffioAccount", provider: "DIFFIO", id: "user_demo_1" },
        { __typename: "HostupAccount", provider: "HOSTUP", id: expect.stringMatching(/^client_/) },
        { __typename: "CudoBillingAccount", provider: "CUDO", id: "ba-demo-main" },
        { __typename: "DepictaAccount", provider: "DEPICTA", id: expect.any(String) },
      ],
    });
    for (const sim of sims()) expect(sim.control.count()).toBeGreaterThan(0);
  });

  it("fetches the providers in parallel: every provider's call is in flight at once", async () => {
    // Each simulator holds its answer until all four calls have arrived: one after the other,
    // the first would never be answered (Cudo's default account needs its list: still one call).
    const meeting = barrier(4);
    for (const sim of sims()) sim.control.hold = meeting.arrive;
    const { body } = await server.gql("{ accounts { provider } }");
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ accounts: [{ provider: "DIFFIO" }, { provider: "HOSTUP" }, { provider: "CUDO" }, { provider: "DEPICTA" }] });
    expect(meeting.arrived()).toBe(4);
  });

  it("starts Hostup's /me beside its preferences when id is selected, not after them", async () => {
    const hostup = barrier(2);
    server.sims.hostup.control.hold = hostup.arrive;
    const { body } = await server.gql("{ accounts { provider id } }");
    expect(body.errors).toBeUndefined();
    expect(server.sims.hostup.control.count("/api/v2/me")).toBe(2);
    expect(server.sims.hostup.control.maxInFlight).toBe(2);
  });

  it("keeps a failing provider at its index and serves the others", async () => {
    server.sims.hostup.control.failNext({ status: 503, times: 5 });
    const { body } = await server.gql("{ accounts { provider } }");
    expect(body.data?.accounts).toEqual([{ provider: "DIFFIO" }, null, { provider: "CUDO" }, { provider: "DEPICTA" }]);
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]!.path).toEqual(["accounts", 1]);
    expect(body.errors![0]!.extensions).toMatchObject({ code: "UPSTREAM_ERROR", provider: "HOSTUP", upstreamStatus: 503 });
  });

  it("reads only the providers asked for", async () => {
    const { body } = await server.gql("{ accounts(providers: [DEPICTA, DIFFIO]) { provider } }");
    expect(body.data).toEqual({ accounts: [{ provider: "DEPICTA" }, { provider: "DIFFIO" }] });
    expect(server.sims.hostup.control.count()).toBe(0);
    expect(server.sims.cudo.control.count()).toBe(0);
  });

  it("shares one call per provider between accounts and account in the same request", async () => {
    const { body } = await server.gql(`{
      accounts(providers: [DIFFIO]) { id }
      a: account(provider: DIFFIO) { id }
      b: account(provider: DIFFIO) { provider }
    }`);
    expect(body.errors).toBeUndefined();
    expect(server.sims.diffio.control.count()).toBe(1);
  });
});

describe("Decimal input over HTTP", () => {
  const mutation = (high: string) => `mutation {
    updateBillingAccount(input: { id: "ba-demo-main", creditBalanceRecharge: { autoRecharge: true, low: "10", high: ${high} } }) { id }
  }`;

  it("rejects a bad literal with BAD_USER_INPUT before anything is sent", async () => {
    for (const bad of ['"NaN"', '""', '"1,000"', "true"]) {
      const { status, body } = await server.gql(mutation(bad));
      expect(status).toBe(400);
      expect(body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    }
    expect(server.sims.cudo.control.count()).toBe(0);
  });

  it("rejects a bad variable with BAD_USER_INPUT before anything is sent", async () => {
    const { status, body } = await server.gql(
      `mutation ($high: Decimal!) { updateBillingAccount(input: { id: "ba-demo-main", creditBalanceRecharge: { autoRecharge: true, low: "10", high: $high } }) { id } }`,
      { high: 12.5 },
    );
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(body.errors?.[0]?.message).toMatch(/string or an integer/);
    expect(server.sims.cudo.control.count()).toBe(0);
  });

  it("accepts an exponent literal and sends it exactly", async () => {
    const { body } = await server.gql(mutation("2.5e8"));
    expect(body.errors).toBeUndefined();
    const patch = server.sims.cudo.control.calls.find(c => c.method === "PATCH")!;
    expect((patch.body as { billingAccount: { creditBalanceRecharge: { high: { value: string } } } }).billingAccount.creditBalanceRecharge.high).toEqual({ value: "250000000" });
  });
});
