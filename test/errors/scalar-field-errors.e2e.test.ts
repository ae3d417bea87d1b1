import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { CUDO_DEMO_ACCOUNTS } from "../../src/providers/cudo/simulator/cudo.sim-state.js";
import { startTestServer, type TestServer } from "../helpers/server.js";

// A Decimal the scalar refuses names its input path in fieldErrors, like every other validation
// error, whether it came as a literal in the query text or in variables; nothing goes upstream.
const ID = CUDO_DEMO_ACCOUNTS.main;
const recharge = (low: string, high = '"250"') =>
  `mutation { updateBillingAccount(input: { id: "${ID}", creditBalanceRecharge: { autoRecharge: true, low: ${low}, high: ${high} } }) { id creditBalanceRecharge { low high } } }`;
const BY_LOW = `mutation ByLow($low: Decimal!) {
  updateBillingAccount(input: { id: "${ID}", creditBalanceRecharge: { autoRecharge: true, low: $low, high: "250" } }) { id }
}`;
const BY_INPUT = `mutation ByInput($input: UpdateBillingAccountInput!) { updateBillingAccount(input: $input) { id } }`;
const NOT_DECIMAL = /^Decimal is not a finite decimal number: "12\.3\.4"\./;
const OUT_OF_RANGE = /^Decimal is out of range \(at most 200 characters in plain notation\): "1e400"\./;

describe("Decimal input errors", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  const refused = async (query: string, variables?: Record<string, unknown>) => {
    server.resetSims();
    const { status, body } = await server.gql(query, variables);
    expect(server.sims.cudo.control.calls.filter(c => c.method === "PATCH")).toHaveLength(0);
    expect(status).toBe(400);
    return body.errors!.map(e => ({ code: e.extensions?.code, fieldErrors: e.extensions?.fieldErrors }));
  };

  it.each([
    ["a literal in the query text", () => refused(recharge('"12.3.4"'))],
    ["a variable of the field's own type", () => refused(BY_LOW, { low: "12.3.4" })],
    [
      "a field inside an input-object variable",
      () => refused(BY_INPUT, { input: { id: ID, creditBalanceRecharge: { autoRecharge: true, low: "12.3.4", high: "250" } } }),
    ],
  ])("names input.creditBalanceRecharge.low for %s", async (_how, send) => {
    expect(await send()).toEqual([
      { code: "BAD_USER_INPUT", fieldErrors: [{ field: "input.creditBalanceRecharge.low", message: expect.stringMatching(NOT_DECIMAL) }] },
    ]);
  });

  it("lists every refused field of one variable, each with its own path", async () => {
    const errors = await refused(BY_INPUT, { input: { id: ID, creditBalanceRecharge: { autoRecharge: true, low: "1e400", high: 1.5 } } });
    expect(errors).toEqual([
      { code: "BAD_USER_INPUT", fieldErrors: [{ field: "input.creditBalanceRecharge.low", message: expect.stringMatching(OUT_OF_RANGE) }] },
      {
        code: "BAD_USER_INPUT",
        fieldErrors: [{ field: "input.creditBalanceRecharge.high", message: expect.stringMatching(/^Decimal must be a string or an integer to stay exact: 1\.5\./) }],
      },
    ]);
  });

  it('refuses "1e400" as out of range, as a literal too', async () => {
    expect(await refused(recharge('"1e400"'))).toEqual([
      { code: "BAD_USER_INPUT", fieldErrors: [{ field: "input.creditBalanceRecharge.low", message: expect.stringMatching(OUT_OF_RANGE) }] },
    ]);
  });

  it("keeps a float literal in the query text exact, digits and scale as written", async () => {
    server.resetSims();
    const { body } = await server.gql(recharge("12.30", "250.000000000000000001"));
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ updateBillingAccount: { id: ID, creditBalanceRecharge: { low: "12.30", high: "250.000000000000000001" } } });
  });
});
