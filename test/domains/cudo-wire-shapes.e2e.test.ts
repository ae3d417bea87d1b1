import { afterAll, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import { CUDO_DEMO_ACCOUNTS as A, CUDO_DEMO_KEYS as K } from "../../src/providers/cudo/simulator/cudo.simulator.js";
import { startTestServer, type GqlError, type TestServer } from "../helpers/server.js";

// Answers from Cudo that are well-formed JSON but not what was asked for: money in a shape other
// than google.type.Decimal's `{value: "<string>"}`, and a billing account other than the one in
// the path. Neither may be served as if it were (a null balance, the wrong account).

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());
beforeEach(() => server.resetSims());

const cudo = () => server.sims.cudo.control;
const OWNER = { "x-cudo-api-key": K.owner };
const MONEY = `query Money($id: ID) {
  account(provider: CUDO, id: $id) {
    ... on CudoBillingAccount { id displayName creditBalance billingThreshold monthlySpend creditBalanceRecharge { autoRecharge low high } }
  }
}`;
const at = (errors: GqlError[] | undefined, path: string) => errors?.find(e => e.path?.join(".") === path);

describe("Cudo money in another shape", () => {
  it.each([
    ["units and nanos", { units: "12", nanos: 500000000 }, "{units, nanos}"],
    ["an amount", { amount: "12.5" }, "{amount}"],
    ["an empty message", {}, "{}"],
    ["an empty value", { value: "" }, "{value}"],
  ])("is an error naming the field for %s, never a null balance", async (_, shape, shown) => {
    const body = {
      id: A.main,
      displayName: "Shapes",
      creditBalance: shape,
      billingThreshold: shape,
      monthlySpend: "3.25",
      creditBalanceRecharge: { autoRecharge: true, low: shape, high: { value: "100" } },
    };
    cudo().failNext({ status: 200, body, match: `GET /v1/billing-accounts/${A.main}` });
    const { status, body: answer } = await server.gql<{ account: Record<string, unknown> }>(MONEY, { id: A.main }, OWNER);
    expect(status).toBe(200);
    // The readable fields are served; each unreadable one is null with an error at its path.
    expect(answer.data?.account).toEqual({
      id: A.main,
      displayName: "Shapes",
      creditBalance: null,
      billingThreshold: null,
      monthlySpend: "3.25",
      creditBalanceRecharge: { autoRecharge: true, low: null, high: "100" },
    });
    for (const [path, field] of [
      ["account.creditBalance", "creditBalance"],
      ["account.billingThreshold", "billingThreshold"],
      ["account.creditBalanceRecharge.low", "creditBalanceRecharge.low"],
    ] as const) {
      const error = at(answer.errors, path);
      expect(error?.extensions).toMatchObject({ code: "UPSTREAM_ERROR", provider: "CUDO", upstreamStatus: 200 });
      expect(error?.message).toContain(`${field} is ${shown}, not a Decimal`);
    }
    expect(answer.errors).toHaveLength(3);
  });
});

describe("Cudo answering about another billing account", () => {
  const other = (id: string) => ({ id, displayName: "Not the one asked for", creditBalance: { value: "1" } });

  it("is an UPSTREAM_ERROR for account(id:), not the other account", async () => {
    cudo().failNext({ status: 200, body: other(A.teamA), match: `GET /v1/billing-accounts/${A.main}` });
    const { body } = await server.gql<{ account: unknown }>(MONEY, { id: A.main }, OWNER);
    expect(body.data?.account).toBeNull();
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]!.extensions).toMatchObject({ code: "UPSTREAM_ERROR", provider: "CUDO", upstreamStatus: 200 });
    expect(body.errors![0]!.message).toContain(`billing account ${A.teamA} in the answer for ${A.main}`);
  });

  it("is an UPSTREAM_ERROR for an entity reference, so a gateway never resolves the wrong entity", async () => {
    cudo().failNext({ status: 200, body: other(A.teamA), match: `GET /v1/billing-accounts/${A.main}` });
    const { body } = await server.gql<{ _entities: unknown[] }>(
      `query E($r: [_Any!]!) { _entities(representations: $r) { ... on CudoBillingAccount { id displayName } } }`,
      { r: [{ __typename: "CudoBillingAccount", id: A.main }] },
      OWNER,
    );
    expect(body.data?._entities).toEqual([null]);
    expect(body.errors?.[0]?.extensions?.code).toBe("UPSTREAM_ERROR");
  });

  it("is an UPSTREAM_ERROR for the answer to an update", async () => {
    cudo().failNext({ status: 200, body: other(A.teamA), match: `PATCH /v1/billing-accounts/${A.main}` });
    const { body } = await server.gql(
      `mutation U($input: UpdateBillingAccountInput!) { updateBillingAccount(input: $input) { id displayName } }`,
      { input: { id: A.main, displayName: "Renamed" } },
      OWNER,
    );
    expect(body.data).toBeNull();
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "UPSTREAM_ERROR", provider: "CUDO" });
    expect(body.errors?.[0]?.message).toContain(`billing account ${A.teamA} in the answer for ${A.main}`);
  });
});
