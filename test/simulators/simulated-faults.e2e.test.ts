import { afterAll, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import { SIMULATED_FAULTS, type SimulatedFault } from "../../src/http/simulated-faults.js";
import { CUDO_DEMO_ACCOUNTS } from "../../src/providers/cudo/simulator/cudo.simulator.js";
import { DEPICTA_DEMO_KEYS } from "../../src/providers/depicta/simulator/depicta.simulator.js";
import { DIFFIO_DEMO_KEYS } from "../../src/providers/diffio/simulator/diffio.simulator.js";
import { type RunningSim } from "../../src/simulators/sim-server.js";
import { CREDENTIAL_HEADERS, DEFAULT_DEMO_KEYS, liveEnvFor, Provider, startTestSimulators, type TestSims } from "../helpers/providers.js";
import { startTestServer, type TestServer } from "../helpers/server.js";

// What each fault's answer is at the provider: the status the GraphQL error reports upstream.
const UPSTREAM_STATUS: Record<SimulatedFault, number | undefined> = {
  "rate-limited": 429,
  unavailable: 503,
  timeout: undefined,
  unauthenticated: 401,
  forbidden: 403,
  "not-found": 404,
  "invalid-input": 400,
};
const FAULTS = Object.keys(SIMULATED_FAULTS) as SimulatedFault[];
const PROVIDERS = Object.values(Provider);
const faultHeader = (value: string) => ({ "x-simulate-fault": value });
const simOf = (server: TestServer, provider: Provider): RunningSim => server.sims.running[provider]!;
// The faults a simulator was asked for by the calls made with `key`. A request may answer before
// all its calls end (a failed sibling call is still being retried), so tests tell their own calls
// apart by a key of their own rather than by when they arrived.
const faultsSeen = (sim: RunningSim, key: string) =>
  sim.control.calls.filter(c => c.headers.authorization === `Bearer ${key}`).map(c => c.headers["x-simulate-fault"]);

describe("X-Simulate-Fault in simulated mode", () => {
  let server: TestServer;
  beforeAll(async () => {
    // A short deadline: the timeout fault ends at it.
    server = await startTestServer({ UPSTREAM_TIMEOUT_MS: "400" });
  });
  afterAll(() => server.stop());
  beforeEach(() => server.resetSims());

  describe.each(PROVIDERS)("%s", provider => {
    it.each(FAULTS)("%s gives the documented GraphQL error, from the simulator's answer", async fault => {
      // A requested fault is answered before the key is looked at: any key will do.
      const key = `key-${provider}-${fault}`;
      const headers = { ...faultHeader(`${provider.toLowerCase()}=${fault}`), [CREDENTIAL_HEADERS[provider]]: key };
      const { status, body } = await server.gql(`{ account(provider: ${provider}) { id } }`, {}, headers);
      expect(status).toBe(200);
      expect(body.data).toEqual({ account: null });
      expect(body.errors).toHaveLength(1);
      const { extensions } = body.errors![0]!;
      expect(extensions).toMatchObject({ code: SIMULATED_FAULTS[fault].code, provider });
      expect(extensions?.upstreamStatus ?? undefined).toBe(UPSTREAM_STATUS[fault]);
      if (fault === "rate-limited") expect(extensions?.retryAfterSeconds).toBe(30);
      if (fault === "unavailable") expect(extensions?.retryable).toBe(true);
      // The simulator was asked on every call the request made, and the others were not.
      expect(faultsSeen(simOf(server, provider), key).length).toBeGreaterThan(0);
      expect(new Set(faultsSeen(simOf(server, provider), key))).toEqual(new Set([fault]));
    });
  });

  it("takes several providers at once: those named fail, each as its own provider does, the rest answer", async () => {
    // Keys of this test's own: the two that answer are demo keys the other tests do not send.
    const keys = { DIFFIO: DIFFIO_DEMO_KEYS.reader, HOSTUP: "key-several", CUDO: "key-several", DEPICTA: DEPICTA_DEMO_KEYS.sparse };
    const credentials = Object.fromEntries(PROVIDERS.map(p => [CREDENTIAL_HEADERS[p], keys[p]]));
    const { body } = await server.gql(
      "{ accounts { provider id } }",
      {},
      { ...credentials, ...faultHeader("CUDO=rate-limited , hostup=unavailable") },
    );
    expect(body.data?.accounts).toEqual([
      { provider: "DIFFIO", id: "user_demo_1" },
      null,
      null,
      { provider: "DEPICTA", id: expect.any(String) },
    ]);
    const byIndex = Object.fromEntries(body.errors!.map(e => [e.path![1], [e.extensions?.code, e.extensions?.upstreamCode]]));
    expect(byIndex).toEqual({ 1: ["UPSTREAM_ERROR", "upstream_unavailable"], 2: ["RATE_LIMITED", "RESOURCE_EXHAUSTED"] });
    expect(faultsSeen(server.sims.diffio, keys.DIFFIO)).toEqual([undefined]);
    expect(faultsSeen(server.sims.depicta, keys.DEPICTA)).toEqual([undefined]);
  });

  it("refuses input on a mutation as the provider does, with the field at its GraphQL input path", async () => {
    const mutations: Record<Provider, [string, string]> = {
      DIFFIO: ["mutation { updateBillingPolicy(input: { type: INTERNAL_DIFFIO }) { id } }", "input.type"],
      HOSTUP: ['mutation { patchPreferences(input: { localization: { timezone: "Europe/Oslo" } }) { localization { timezone } } }', "input.localization.timezone"],
      CUDO: [`mutation { updateBillingAccount(input: { id: "${CUDO_DEMO_ACCOUNTS.main}", displayName: "Ops" }) { id } }`, "input.displayName"],
      DEPICTA: ['mutation { updateProfileName(input: { name: "Ada" }) { id } }', "input.name"],
    };
    for (const provider of PROVIDERS) {
      const [mutation, field] = mutations[provider];
      const { body } = await server.gql(mutation, {}, faultHeader(`${provider}=invalid-input`));
      expect(body.errors?.map(e => [e.extensions?.code, (e.extensions?.fieldErrors as { field: string }[])?.map(f => f.field)])).toEqual([
        ["BAD_USER_INPUT", [field]],
      ]);
    }
  });

  it("keeps requested faults out of the circuit breaker: the provider answers the next request", async () => {
    // 40 failing attempts in a few seconds: more than enough to open the breaker were they counted.
    for (let i = 0; i < 14; i += 1) {
      const { body } = await server.gql("{ account(provider: HOSTUP) { id } }", {}, faultHeader("hostup=unavailable"));
      expect(body.errors?.[0]?.extensions?.upstreamCode).toBe("upstream_unavailable");
    }
    const { body } = await server.gql("{ account(provider: HOSTUP) { id } }");
    expect(body.errors).toBeUndefined();
    expect(body.data?.account).toEqual({ id: expect.stringMatching(/^client_/) });
  });

  it("refuses a value it cannot read with 400, saying what is accepted, and calls no provider", async () => {
    const cases: [string, string][] = [
      ["acme=timeout", 'X-Simulate-Fault names no provider "acme"; the providers are diffio, hostup, cudo, depicta'],
      ["cudo=slow", 'X-Simulate-Fault has no fault "slow"; the faults are rate-limited, unavailable, timeout, unauthenticated, forbidden, not-found, invalid-input'],
      ["cudo", 'X-Simulate-Fault must be <provider>=<fault>[, <provider>=<fault> ...]; "cudo" is not'],
      ["cudo=timeout, CUDO=unavailable", "X-Simulate-Fault names cudo twice"],
      [" , ", "X-Simulate-Fault must be <provider>=<fault>[, <provider>=<fault> ...], e.g. diffio=rate-limited"],
    ];
    const credentials = Object.fromEntries(PROVIDERS.map(p => [CREDENTIAL_HEADERS[p], "key-refused"]));
    for (const [value, message] of cases) {
      const { status, body } = await server.gql("{ accounts { id } }", {}, { ...credentials, ...faultHeader(value) });
      expect([status, body.errors]).toEqual([400, [{ message, extensions: { code: "BAD_REQUEST" } }]]);
    }
    for (const sim of Object.values(server.sims.running)) expect(faultsSeen(sim, "key-refused")).toEqual([]);
  });

  it("names the header in Vary and lets browsers send it", async () => {
    const { headers } = await server.gql("{ account(provider: DIFFIO) { id } }");
    expect(headers.get("vary")?.split(", ")).toContain("x-simulate-fault");
    const preflight = await fetch(`${server.url}/graphql`, {
      method: "OPTIONS",
      headers: { origin: "https://studio.apollographql.com", "access-control-request-method": "POST", "access-control-request-headers": "x-simulate-fault" },
    });
    expect(preflight.headers.get("access-control-allow-headers")?.split(", ")).toContain("x-simulate-fault");
  });
});

describe("X-Simulate-Fault in live mode", () => {
  // The simulators stand in for the real providers: what reaches them is what would reach a provider.
  let sims: TestSims;
  let server: TestServer;
  beforeAll(async () => {
    sims = await startTestSimulators();
    const env: Record<string, string> = { ...liveEnvFor(sims), API_TOKENS: "tok-live", CORS_ORIGINS: "https://app.example.com" };
    for (const provider of PROVIDERS) env[`${provider}_API_KEY`] = DEFAULT_DEMO_KEYS[provider];
    server = await startTestServer(env);
  });
  afterAll(async () => {
    await server.stop();
    await sims.close();
  });

  it("changes nothing and never reaches a provider, whatever its value", async () => {
    const auth = { authorization: "Bearer tok-live" };
    const plain = await server.gql("{ accounts { provider id } }", {}, auth);
    expect(plain.body.errors).toBeUndefined();
    for (const value of ["diffio=timeout, hostup=unavailable, cudo=rate-limited, depicta=unauthenticated", "acme=slow"]) {
      const faulted = await server.gql("{ accounts { provider id } }", {}, { ...auth, ...faultHeader(value) });
      expect([faulted.status, faulted.body.data, faulted.body.errors]).toEqual([200, plain.body.data, undefined]);
    }
    for (const provider of PROVIDERS) {
      const calls = sims.running[provider]!.control.calls;
      expect(calls.length).toBeGreaterThanOrEqual(3);
      for (const call of calls) expect(Object.keys(call.headers)).not.toContain("x-simulate-fault");
    }
    expect(plain.headers.get("vary")?.split(", ")).not.toContain("x-simulate-fault");
  });

  it("does not let browsers send it", async () => {
    const preflight = await fetch(`${server.url}/graphql`, {
      method: "OPTIONS",
      headers: { origin: "https://app.example.com", "access-control-request-method": "POST" },
    });
    const allowed = preflight.headers.get("access-control-allow-headers")?.split(", ");
    expect(allowed).toContain(CREDENTIAL_HEADERS.CUDO);
    expect(allowed).not.toContain("x-simulate-fault");
  });
});
