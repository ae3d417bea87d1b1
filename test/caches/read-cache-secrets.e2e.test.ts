import { afterAll, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import { CUDO_DEMO_ACCOUNTS, CUDO_DEMO_KEYS } from "../../src/providers/cudo/simulator/cudo.simulator.js";
import { DEPICTA_DEMO_KEYS } from "../../src/providers/depicta/simulator/depicta.simulator.js";
import { ManualClock } from "../helpers/manual-clock.js";
import { CREDENTIAL_HEADERS } from "../helpers/providers.js";
import { startTestServer, type TestServer } from "../helpers/server.js";

// The response's redaction covers data served from the read cache: a request answered wholly from
// it made no provider call, yet its data came from a provider for its credential. And an answer
// holding the caller's key (or part of it) is never kept at all.
const clock = new ManualClock();
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ READ_CACHE_TTL_SECONDS: "60" }, { clock });
});
afterAll(() => server.stop());
beforeEach(() => {
  clock.advance(3_600_000);
  server.resetSims();
});

const cudo = { [CREDENTIAL_HEADERS.CUDO]: CUDO_DEMO_KEYS.owner };
const CUDO_READ = `{ account(provider: CUDO, id: "${CUDO_DEMO_ACCOUNTS.main}") { ... on CudoBillingAccount { displayName } } }`;
const CUDO_CALL = `GET /v1/billing-accounts/${CUDO_DEMO_ACCOUNTS.main}`;
type Entry = { fromCache?: boolean };

describe("data served from the read cache", () => {
  it("is redacted as data from a call is: a key-shaped token in a cached Cudo answer", async () => {
    // Someone's Depicta key pasted into a Cudo display name: key-shaped, whoever's it is.
    const pasted = "dpct_Pasted0123456789abcdefghijklmnopqrstu";
    server.sims.cudo.state.accounts.get(CUDO_DEMO_ACCOUNTS.main)!.displayName = `team ${pasted}`;
    const fromCall = await server.gql(CUDO_READ, {}, cudo);
    const fromCache = await server.gql(CUDO_READ, {}, cudo);
    expect(server.sims.cudo.control.count(CUDO_CALL)).toBe(1);
    expect((fromCache.body.extensions?.upstreamCalls as Entry[]).every(e => e.fromCache)).toBe(true);
    for (const { body } of [fromCall, fromCache]) {
      expect(body.data).toEqual({ account: { displayName: "team [REDACTED]" } });
      expect(JSON.stringify(body)).not.toContain("Pasted0123456789");
    }
  });

  it("is not kept when it holds the caller's own key: asked of the provider each time, redacted each time", async () => {
    const key = DEPICTA_DEMO_KEYS.main;
    const depicta = { [CREDENTIAL_HEADERS.DEPICTA]: key };
    // A display name holding a run of the caller's key (not key-shaped on its own).
    server.sims.depicta.state.users.get("6eb15ef1-9de7-4971-b55e-babbe35b7544")!.name = `me ${key.slice(9, 30)}`;
    const read = "{ account(provider: DEPICTA) { ... on DepictaAccount { name } } }";
    const answers = [await server.gql(read, {}, depicta), await server.gql(read, {}, depicta)];
    expect(server.sims.depicta.control.count("GET /v1/account/profile")).toBe(2);
    for (const { body } of answers) {
      expect(body.data).toEqual({ account: { name: "me [REDACTED]" } });
      expect(JSON.stringify(body)).not.toContain(key.slice(9, 30));
    }
    expect(server.logs.text).not.toContain(key.slice(9, 30));
  });
});
