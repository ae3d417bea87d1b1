import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { startAccountGraph, type RunningAccountGraph } from "../../src/composition-root.js";
import { ConfigError, loadConfig } from "../../src/config.js";
import { PROVIDER_MODULES } from "../../src/providers/index.js";
import { acmeModule } from "../fixtures/acme/index.js";
import { ACME_DEMO_KEYS, type RunningAcmeSim } from "../fixtures/acme/simulator/acme.simulator.js";
import { barrier } from "../helpers/barrier.js";
import { LogCapture, startParts } from "../helpers/server.js";

// A made-up fifth provider (test/fixtures/acme/: one folder in the layout of src/providers/<name>/)
// served by adding it to the module list, and nothing else: the core picks up its enum value,
// schema, variables, credential header, limiter, redaction and simulator from the module.
const MODULES = [...PROVIDER_MODULES, acmeModule];
const ENV = { NODE_ENV: "test", HOST: "127.0.0.1", PORT: "0", LOG_LEVEL: "debug", ACME_REGION: "eu-west" };

let server: RunningAccountGraph;
let acme: RunningAcmeSim;
const logs = new LogCapture();

beforeAll(async () => {
  const config = loadConfig(ENV, MODULES);
  const parts = await startParts(config, logs, MODULES);
  server = await startAccountGraph(config, parts);
  acme = parts.simulators!.running.ACME as RunningAcmeSim;
});
afterAll(() => server.stop(1000));

async function gql(query: string, headers: Record<string, string> = {}, variables?: Record<string, unknown>) {
  const response = await fetch(`${server.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { response, body: (await response.json()) as { data?: any; errors?: Array<{ message: string; extensions?: any }> } };
}

describe("a fifth provider, added as one module in the list", () => {
  it("is read through account, with the simulator's demo key in its own header", async () => {
    acme.control.reset();
    const { body } = await gql("{ account(provider: ACME) { provider id ... on AcmeAccount { plan seats } } }");
    expect(body.errors).toBeUndefined();
    expect(body.data.account).toEqual({ provider: "ACME", id: "ac-1001", plan: "starter", seats: 3 });
    expect(acme.control.calls.map(c => `${c.method} ${c.path} ${c.headers.authorization}`)).toEqual([
      `GET /v2/account Bearer ${ACME_DEMO_KEYS.owner}`,
    ]);
  });

  it("uses the caller's key from X-Acme-Api-Key, and names the provider in errors", async () => {
    const own = await gql("{ account(provider: ACME) { id } }", { "x-acme-api-key": ACME_DEMO_KEYS.other });
    expect(own.body.data.account.id).toBe("ac-2002");
    const bad = await gql("{ account(provider: ACME) { id } }", { "x-acme-api-key": "acme_wrongkey99" });
    expect(bad.body.errors?.[0]?.extensions).toMatchObject({ code: "UNAUTHENTICATED", provider: "ACME", upstreamStatus: 401 });
    expect(bad.body.errors?.[0]?.message).toContain("Acme Cloud");
    expect(JSON.stringify(bad.body)).not.toContain("acme_wrongkey99");
  });

  it("joins accounts (fifth, in list order) and the federation entities", async () => {
    const { body } = await gql("{ accounts { provider } }");
    expect(body.data.accounts.map((a: { provider: string }) => a.provider)).toEqual(["DIFFIO", "HOSTUP", "CUDO", "DEPICTA", "ACME"]);
    const entities = await gql('{ _entities(representations: [{ __typename: "AcmeAccount", id: "ac-1001" }]) { ... on AcmeAccount { plan } } }');
    expect(entities.body.data._entities).toEqual([{ plan: "starter" }]);
  });

  it("runs its mutation: one PUT, no read, and the change is what later requests read", async () => {
    acme.control.reset();
    const { body } = await gql('mutation { setAcmePlan(plan: "team") { id plan seats } }');
    expect(body.errors).toBeUndefined();
    expect(body.data.setAcmePlan).toEqual({ id: "ac-1001", plan: "team", seats: 3 });
    expect(acme.control.calls.map(c => `${c.method} ${c.path}`)).toEqual(["PUT /v2/account/plan"]);
    const read = await gql("{ account(provider: ACME) { ... on AcmeAccount { plan } } }");
    expect(read.body.data.account.plan).toBe("team");
    const refused = await gql('mutation { setAcmePlan(plan: "gold") { plan } }');
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ provider: "ACME", upstreamStatus: 400, upstreamCode: "invalid_plan" });
    acme.state.seed();
  });

  it("is described in the schema from its facts", async () => {
    const { body } = await gql(
      '{ provider: __type(name: "Provider") { enumValues { name description } } account: __type(name: "Account") { fields { name description } } }',
    );
    expect(body.data.provider.enumValues.at(-1)).toEqual({ name: "ACME", description: "Acme Cloud (api.acme.test): plan and seats." });
    const id = body.data.account.fields.find((f: { name: string }) => f.name === "id");
    expect(id.description).toContain("Depicta user UUID, Acme account number)");
    const sdl = await gql("{ _service { sdl } }");
    expect(sdl.body.data._service.sdl).toContain("Providers to read, in this order (default: all five).");
  });

  it("gets its credential header into CORS and Vary, and its header redacted from logs", async () => {
    const preflight = await fetch(`${server.url}/graphql`, {
      method: "OPTIONS",
      headers: { origin: "https://studio.apollographql.com", "access-control-request-method": "POST" },
    });
    expect(preflight.headers.get("access-control-allow-headers")).toContain("x-acme-api-key");
    const { response } = await gql("{ account(provider: ACME) { id } }", { "x-acme-api-key": ACME_DEMO_KEYS.other });
    expect(response.headers.get("vary")).toContain("x-acme-api-key");
    expect(logs.text).not.toContain(ACME_DEMO_KEYS.other);
  });

  it("limits calls in flight per key to its maxConcurrencyPerCredential", async () => {
    acme.control.reset();
    // Held until two are in flight together: a limiter that let fewer through would never get there.
    acme.control.hold = barrier(2).arrive;
    const answers = await Promise.all(Array.from({ length: 6 }, () => gql("{ account(provider: ACME) { id } }")));
    acme.control.hold = undefined;
    expect(answers.every(a => a.body.errors === undefined)).toBe(true);
    expect(acme.control.calls).toHaveLength(6);
    expect(acme.control.maxInFlight).toBe(2);
  });

  it("reads its own variables, and refuses a bad one at start", () => {
    expect(loadConfig(ENV, MODULES).providerSettings.ACME).toEqual({ region: "eu-west" });
    expect(() => loadConfig({ ...ENV, ACME_REGION: "Mars", ACME_BASE_URL: "ftp://x" }, MODULES)).toThrow(ConfigError);
    try {
      loadConfig({ ...ENV, ACME_REGION: "Mars", ACME_BASE_URL: "ftp://x" }, MODULES);
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([
        'ACME_BASE_URL must be an http(s) URL (got "ftp://x")',
        'ACME_REGION must look like eu-west (got "Mars")',
      ]);
    }
  });
});
