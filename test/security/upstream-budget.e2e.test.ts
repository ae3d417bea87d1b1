import { readFileSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import { CREDENTIAL_HEADERS, Provider } from "../helpers/providers.js";
import { CUDO_DEMO_ACCOUNTS, CUDO_DEMO_KEYS } from "../../src/providers/cudo/simulator/cudo.sim-state.js";
import { startTestServer, type GqlError, type TestServer } from "../helpers/server.js";

// What a gateway sends: every reference of the client's answer in one `_entities` field.
const ENTITIES = `query Entities($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on CudoBillingAccount { id displayName } }
}`;
const cudoRefs = (ids: string[]) => ids.map(id => ({ __typename: "CudoBillingAccount", id }));
const manyIds = (n: number) => Array.from({ length: n }, (_, i) => `ba-made-up-${i}`);
const totalCalls = (server: TestServer) =>
  [server.sims.diffio, server.sims.hostup, server.sims.cudo, server.sims.depicta].reduce((n, sim) => n + sim.control.count(), 0);
const codes = (errors: GqlError[] | undefined) => (errors ?? []).map(e => e.extensions?.code);

describe("list limits before any upstream call (MAX_LIST_ITEMS, list-aware MAX_COST)", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ NODE_ENV: "production", PROVIDERS_MODE: "simulated" });
  });
  afterAll(() => server.stop());
  beforeEach(() => server.resetSims());

  it("refuses 10,000 representations in a variable with BAD_USER_INPUT naming the argument", async () => {
    const { status, body } = await server.gql(ENTITIES, { representations: cudoRefs(manyIds(10_000)) });
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(codes(body.errors)).toEqual(["BAD_USER_INPUT"]);
    expect(body.errors![0]!.extensions!.fieldErrors).toEqual([
      { field: "representations", message: "has 10000 items; at most 100 are accepted" },
    ]);
    expect(totalCalls(server)).toBe(0);
  });

  it("refuses a long accounts(providers:) list, literal or variable", async () => {
    const literal = await server.gql(`{ accounts(providers: [${Array(101).fill("CUDO").join(", ")}]) { id } }`);
    expect(literal.status).toBe(400);
    expect(codes(literal.body.errors)).toEqual(["BAD_USER_INPUT"]);
    const variable = await server.gql(`query A($p: [Provider!]) { accounts(providers: $p) { id } }`, {
      p: Array(10_000).fill("DIFFIO"),
    });
    expect(variable.status).toBe(400);
    expect(variable.body.errors![0]!.extensions!.fieldErrors).toEqual([
      { field: "providers", message: "has 10000 items; at most 100 are accepted" },
    ]);
    expect(totalCalls(server)).toBe(0);
  });

  // Every field of a Cudo billing account, as a client's query through a gateway may ask.
  const CUDO_ALL = readFileSync(new URL("../operations/cudo.graphql", import.meta.url), "utf8").split(/^query /m)[0]!;
  const allFields = (aliases: number) =>
    `query Many($r: [_Any!]!) { ${Array.from({ length: aliases }, (_, i) => `e${i}: _entities(representations: $r) { ...CudoAll }`).join(" ")} } ${CUDO_ALL}`;

  it("counts list items in the cost: a gateway's 100 references with every field pass, twice that is over MAX_COST", async () => {
    const one = await server.gql<{ e0: unknown[] }>(allFields(1), { r: cudoRefs(manyIds(100)) });
    expect(one.status).toBe(200);
    expect(one.body.data!.e0).toHaveLength(100);
    server.resetSims();
    const two = await server.gql(allFields(2), { r: cudoRefs(manyIds(100)) });
    expect(two.status).toBe(400);
    expect(codes(two.body.errors)).toEqual(["GRAPHQL_VALIDATION_FAILED"]);
    expect(two.body.errors![0]!.message).toMatch(/Cost limit of 50000 exceeded, found 67413/);
    expect(totalCalls(server)).toBe(0);
  });

  it("refuses a long list for an operation already answered with a short one (its document cached)", async () => {
    const short = await server.gql(ENTITIES, { representations: cudoRefs([CUDO_DEMO_ACCOUNTS.main]) });
    expect(short.status).toBe(200);
    server.resetSims();
    const long = await server.gql(ENTITIES, { representations: cudoRefs(manyIds(5_000)) });
    expect(long.status).toBe(400);
    expect(codes(long.body.errors)).toEqual(["BAD_USER_INPUT"]);
    expect(totalCalls(server)).toBe(0);
  });

  it("answers a full batch of 100 representations (what a gateway sends for 100 references)", async () => {
    const { status, body } = await server.gql<{ _entities: unknown[] }>(ENTITIES, { representations: cudoRefs(manyIds(100)) });
    expect(status).toBe(200);
    expect(body.data!._entities).toHaveLength(100);
    // Unknown ids: one GET each, NOT_FOUND each, all within the per-provider budget.
    expect(server.sims.cudo.control.count("GET /v1/billing-accounts/")).toBe(100);
    expect(new Set(codes(body.errors))).toEqual(new Set(["NOT_FOUND"]));
  });
});

describe("the per-request upstream call budget (UPSTREAM_CALL_BUDGET)", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ UPSTREAM_CALL_BUDGET: "3" });
  });
  afterAll(() => server.stop());
  beforeEach(() => server.resetSims());

  // Five accounts the `many` key administers, and one more.
  const SIX = [
    CUDO_DEMO_ACCOUNTS.manyOne,
    CUDO_DEMO_ACCOUNTS.manyTwo,
    CUDO_DEMO_ACCOUNTS.manyThree,
    CUDO_DEMO_ACCOUNTS.suspended,
    CUDO_DEMO_ACCOUNTS.deleted,
    CUDO_DEMO_ACCOUNTS.main,
  ];
  const MANY = { [CREDENTIAL_HEADERS[Provider.CUDO]]: CUDO_DEMO_KEYS.many };

  it("resolves the first entities within the budget, the rest null with UPSTREAM_BUDGET_EXCEEDED", async () => {
    const { status, body } = await server.gql<{ _entities: ({ id: string } | null)[] }>(ENTITIES, {
      representations: cudoRefs(SIX),
    }, MANY);
    expect(status).toBe(200);
    expect(body.data!._entities.map(e => e?.id ?? null)).toEqual([...SIX.slice(0, 3), null, null, null]);
    expect(body.errors!.map(e => [e.path, e.extensions?.code])).toEqual([
      [["_entities", 3], "UPSTREAM_BUDGET_EXCEEDED"],
      [["_entities", 4], "UPSTREAM_BUDGET_EXCEEDED"],
      [["_entities", 5], "UPSTREAM_BUDGET_EXCEEDED"],
    ]);
    expect(body.errors![0]!.extensions).toMatchObject({ provider: "CUDO", upstreamCallBudget: 3, retryable: false });
    expect(server.sims.cudo.control.count()).toBe(3);
    // What the inspector lists is what was sent: three calls.
    expect((body.extensions?.upstreamCalls as unknown[]).length).toBe(3);
  });

  it("counts aliases together: the budget is per request, not per field", async () => {
    const query = `{ ${SIX.map((id, i) => `a${i}: account(provider: CUDO, id: "${id}") { id }`).join(" ")} }`;
    const { body } = await server.gql<Record<string, { id: string } | null>>(query, {}, MANY);
    expect(Object.values(body.data!).filter(Boolean)).toHaveLength(3);
    expect(codes(body.errors)).toEqual(Array(3).fill("UPSTREAM_BUDGET_EXCEEDED"));
    expect(server.sims.cudo.control.count()).toBe(3);
  });

  it("keeps each provider's budget its own", async () => {
    const { body } = await server.gql(`{ accounts(providers: [DIFFIO, HOSTUP, DEPICTA]) { id } ${SIX.map((id, i) => `c${i}: account(provider: CUDO, id: "${id}") { id }`).join(" ")} }`, {}, MANY);
    expect((body.data!.accounts as unknown[]).every(Boolean)).toBe(true);
    expect(server.sims.diffio.control.count()).toBe(1);
    expect(server.sims.cudo.control.count()).toBe(3);
  });
});
