import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { startTestServer, type TestServer } from "../helpers/server.js";

/*
 * One table decides which upstream answers a later attempt can fix (contract §3 and §4): the
 * server retries a read exactly on those, and the error's `retryable` says the same to callers.
 * Over HTTP, a Cudo read answering each status until the server gives up.
 */

const READ = `{ account(provider: CUDO, id: "ba-demo-main") { id } }`;
const ATTEMPTS = 3; // the default retry policy

// What Cudo sends with a 5xx (google.rpc.Status), so the body is readable and only the status differs.
const fault = (status: number) => ({
  status,
  body: { code: status, status: "UNAVAILABLE", message: `status ${status}` },
  match: "GET /v1/billing-accounts/",
  times: ATTEMPTS,
});

describe("retryable statuses: one table for the retries and the flag", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it.each([
    [500, true],
    [502, true],
    [503, true],
    [504, true],
    [501, false],
    [505, false],
  ])("a read answered %i is sent again until the attempts run out exactly when it is called retryable (%s)", async (status, retryable) => {
    server.resetSims();
    server.sims.cudo.control.failNext(fault(status));
    const { body } = await server.gql(READ);
    const error = body.errors?.[0];
    expect(error?.extensions).toMatchObject({ code: "UPSTREAM_ERROR", provider: "CUDO", upstreamStatus: status, retryable });
    expect(server.sims.cudo.control.count("GET /v1/billing-accounts/")).toBe(retryable ? ATTEMPTS : 1);
  });

  it("never sends a write twice, whatever the status says of a later attempt", async () => {
    server.resetSims();
    server.sims.cudo.control.failNext({ ...fault(503), match: "PATCH /v1/billing-accounts/" });
    const { body } = await server.gql(
      `mutation { updateBillingAccount(input: { id: "ba-demo-main", displayName: "Renamed" }) { id } }`,
    );
    expect(body.errors?.[0]?.extensions).toMatchObject({ upstreamStatus: 503, retryable: true });
    expect(server.sims.cudo.control.count("PATCH")).toBe(1);
  });
});
