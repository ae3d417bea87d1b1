import { afterAll, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import { CREDENTIAL_HEADERS, Provider } from "../helpers/providers.js";
import { CUDO_DEMO_ACCOUNTS, CUDO_DEMO_KEYS } from "../../src/providers/cudo/simulator/cudo.sim-state.js";
import { DEPICTA_DEMO_KEYS } from "../../src/providers/depicta/simulator/depicta.simulator.js";
import { DIFFIO_DEMO_KEYS } from "../../src/providers/diffio/simulator/diffio.simulator.js";
import {
  HOSTUP_DEMO_CLIENTS,
  HOSTUP_DEMO_KEYS,
} from "../../src/providers/hostup/simulator/hostup.sim-state.js";
import { startTestServer, type TestServer } from "../helpers/server.js";

// `_entities` is what a gateway sends our subgraph; these tests send it over HTTP like one would.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());
beforeEach(() => server.resetSims());

// Explicit credentials (the demo keys the server would also default to), so the tests say whose
// accounts are visible rather than relying on simulated-mode defaults.
const KEYS: Record<string, string> = {
  [CREDENTIAL_HEADERS[Provider.DIFFIO]]: DIFFIO_DEMO_KEYS.admin,
  [CREDENTIAL_HEADERS[Provider.HOSTUP]]: HOSTUP_DEMO_KEYS.full,
  [CREDENTIAL_HEADERS[Provider.CUDO]]: CUDO_DEMO_KEYS.owner,
  [CREDENTIAL_HEADERS[Provider.DEPICTA]]: DEPICTA_DEMO_KEYS.main,
};

const DIFFIO_ID = "user_demo_1";
const DIFFIO_OTHER_ID = "user_demo_2";
const HOSTUP_ID = HOSTUP_DEMO_CLIENTS.main;
const CUDO_ID = CUDO_DEMO_ACCOUNTS.main;
const DEPICTA_ID = "6eb15ef1-9de7-4971-b55e-babbe35b7544";
const DEPICTA_SPARSE_ID = "d9cb508d-3921-4af0-b01c-b63542d63ed2";

const ENTITIES = `query Entities($representations: [_Any!]!) {
  _entities(representations: $representations) {
    __typename
    ... on DiffioAccount { id currency billingPolicy { type } }
    ... on HostupAccount { id provider security { bankIdOnlyLogin } }
    ... on CudoBillingAccount { id displayName }
    ... on DepictaAccount { id email creditLimitEur }
  }
}`;

const ref = (typename: string, id: string) => ({ __typename: typename, id });
const diffio = (id = DIFFIO_ID) => ref("DiffioAccount", id);
const hostup = (id: string = HOSTUP_ID) => ref("HostupAccount", id);
const cudo = (id: string = CUDO_ID) => ref("CudoBillingAccount", id);
const depicta = (id = DEPICTA_ID) => ref("DepictaAccount", id);

const DIFFIO_ENTITY = {
  __typename: "DiffioAccount",
  id: DIFFIO_ID,
  currency: "USD",
  billingPolicy: { type: "CUSTOMER_STRIPE" },
};
const HOSTUP_ENTITY = {
  __typename: "HostupAccount",
  id: HOSTUP_ID,
  provider: "HOSTUP",
  security: { bankIdOnlyLogin: false },
};
const CUDO_ENTITY = {
  __typename: "CudoBillingAccount",
  id: CUDO_ID,
  displayName: "Demo Main Billing",
};
const DEPICTA_ENTITY = {
  __typename: "DepictaAccount",
  id: DEPICTA_ID,
  email: "ada@example.com",
  creditLimitEur: "25.00",
};

type Entities = { _entities: (Record<string, unknown> | null)[] };

// Calls per simulator, by exact path (Hostup's `/api/v2/me` is a prefix of its preferences path).
const calls = (sim: "diffio" | "hostup" | "cudo" | "depicta", path: string) =>
  server.sims[sim].control.calls.filter(c => c.path === path).length;

describe("federation entities", () => {
  it("resolves a reference to each of the four account types by id", async () => {
    const { status, body } = await server.gql<Entities>(
      ENTITIES,
      { representations: [diffio(), hostup(), cudo(), depicta()] },
      KEYS,
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data?._entities).toEqual([
      DIFFIO_ENTITY,
      HOSTUP_ENTITY,
      CUDO_ENTITY,
      DEPICTA_ENTITY,
    ]);
  });

  it("makes one upstream call per account for many references and a query field together", async () => {
    const query = `query Mixed($representations: [_Any!]!) {
      depicta: account(provider: DEPICTA) { id ... on DepictaAccount { name } }
      cudo: account(provider: CUDO, id: "${CUDO_ID}") { ... on CudoBillingAccount { displayName } }
      _entities(representations: $representations) {
        ... on DiffioAccount { id }
        ... on HostupAccount { id }
        ... on CudoBillingAccount { id displayName }
        ... on DepictaAccount { id email }
      }
    }`;
    const representations = [
      depicta(), cudo(), diffio(), hostup(),
      depicta(), cudo(), diffio(), hostup(),
      depicta(), cudo(), diffio(), hostup(),
    ];
    const { body } = await server.gql<{ depicta: unknown; cudo: unknown } & Entities>(
      query,
      { representations },
      KEYS,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data?.depicta).toEqual({ id: DEPICTA_ID, name: "Ada Lovelace" });
    expect(body.data?.cudo).toEqual({ displayName: "Demo Main Billing" });
    const one = [
      { id: DEPICTA_ID, email: "ada@example.com" },
      { id: CUDO_ID, displayName: "Demo Main Billing" },
      { id: DIFFIO_ID },
      { id: HOSTUP_ID },
    ];
    expect(body.data?._entities).toEqual([...one, ...one, ...one]);

    // 12 references + 2 query fields over 4 accounts: exactly one call per upstream resource.
    expect(calls("depicta", "/v1/account/profile")).toBe(1);
    expect(calls("cudo", `/v1/billing-accounts/${CUDO_ID}`)).toBe(1);
    expect(calls("diffio", "/v1/account/settings/get")).toBe(1);
    // Hostup: preferences for the fields, `me` once to check the referenced id is the caller's.
    expect(calls("hostup", "/api/v2/me/preferences")).toBe(1);
    expect(calls("hostup", "/api/v2/me")).toBe(1);
    for (const sim of ["diffio", "hostup", "cudo", "depicta"] as const) {
      expect(server.sims[sim].control.count()).toBe(sim === "hostup" ? 2 : 1);
    }
  });

  it("answers null plus an error at the index of a foreign or unknown id; the others resolve", async () => {
    const representations = [
      diffio(),
      diffio(DIFFIO_OTHER_ID), // another Diffio user's account (seeded, other key)
      hostup(HOSTUP_DEMO_CLIENTS.noCard), // another Hostup client
      hostup(),
      cudo(CUDO_DEMO_ACCOUNTS.foreign), // exists, but this key has no role on it: 403
      cudo("ba-does-not-exist"), // no such billing account: 404
      cudo(),
      depicta(DEPICTA_SPARSE_ID), // another Depicta user
      depicta("00000000-0000-4000-8000-000000000000"), // nobody
      depicta(),
    ];
    const { status, body } = await server.gql<Entities>(ENTITIES, { representations }, KEYS);
    expect(status).toBe(200);
    expect(body.data?._entities).toEqual([
      DIFFIO_ENTITY,
      null,
      null,
      HOSTUP_ENTITY,
      null,
      null,
      CUDO_ENTITY,
      null,
      null,
      DEPICTA_ENTITY,
    ]);
    const byIndex = new Map(body.errors?.map(e => [e.path?.[1], e.extensions]));
    expect(body.errors).toHaveLength(6);
    for (const error of body.errors ?? []) expect(error.path?.[0]).toBe("_entities");
    expect(byIndex.get(1)).toMatchObject({ code: "NOT_FOUND", provider: "DIFFIO" });
    expect(byIndex.get(2)).toMatchObject({ code: "NOT_FOUND", provider: "HOSTUP" });
    expect(byIndex.get(4)).toMatchObject({
      code: "FORBIDDEN",
      provider: "CUDO",
      upstreamStatus: 403,
    });
    expect(byIndex.get(5)).toMatchObject({
      code: "NOT_FOUND",
      provider: "CUDO",
      upstreamStatus: 404,
    });
    expect(byIndex.get(7)).toMatchObject({ code: "NOT_FOUND", provider: "DEPICTA" });
    expect(byIndex.get(8)).toMatchObject({ code: "NOT_FOUND", provider: "DEPICTA" });

    // Nothing of the foreign accounts leaks, in data or in messages.
    const text = JSON.stringify(body);
    for (const foreign of ["Someone Else", "sparse@example.com", '"EUR"']) {
      expect(text).not.toContain(foreign);
    }
    // Single-account providers are asked once for the caller's own account, not per reference.
    expect(calls("diffio", "/v1/account/settings/get")).toBe(1);
    expect(calls("depicta", "/v1/account/profile")).toBe(1);
    expect(calls("hostup", "/api/v2/me")).toBe(1);
  });

  it("resolves a reference per caller: FORBIDDEN/NOT_FOUND without access, data for the owner", async () => {
    const representations = [cudo(), depicta()];
    const stranger = await server.gql<Entities>(ENTITIES, { representations }, {
      ...KEYS,
      [CREDENTIAL_HEADERS[Provider.CUDO]]: CUDO_DEMO_KEYS.none,
      [CREDENTIAL_HEADERS[Provider.DEPICTA]]: DEPICTA_DEMO_KEYS.lowBalance,
    });
    expect(stranger.body.data?._entities).toEqual([null, null]);
    expect(stranger.body.errors?.map(e => [e.path, e.extensions?.code]).sort()).toEqual([
      [["_entities", 0], "FORBIDDEN"],
      [["_entities", 1], "NOT_FOUND"],
    ]);
    expect(JSON.stringify(stranger.body)).not.toMatch(
      /Demo Main Billing|ada@example\.com|busy@example\.com/,
    );

    const owner = await server.gql<Entities>(ENTITIES, { representations }, KEYS);
    expect(owner.body.errors).toBeUndefined();
    expect(owner.body.data?._entities).toEqual([CUDO_ENTITY, DEPICTA_ENTITY]);
  });
});
