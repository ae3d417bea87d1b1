import { afterAll, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import {
  CUDO_DEMO_ACCOUNTS as A,
  CUDO_DEMO_KEYS as K,
  cudoErrorBody,
  startCudoSimulator,
  type CudoErrorShape,
} from "../../src/providers/cudo/simulator/cudo.simulator.js";
import {
  CudoAccountDocument,
  CudoAccountPairDocument,
  CudoAccountsDocument,
  CudoDefaultAndByIdDocument,
  CudoUpdateBillingAccountDocument,
  type CudoUpdateBillingAccountMutationVariables,
} from "../__generated__/operations.js";
import { startTestServer, type GqlResponse, type TestServer } from "../helpers/server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());
beforeEach(() => server.resetSims());

type Input = CudoUpdateBillingAccountMutationVariables["input"];
type Account = Record<string, unknown>;

const cudo = () => server.sims.cudo.control;
const sim = () => server.sims.cudo.state;
const key = (value: string) => ({ "X-Cudo-Api-Key": value });
const firstError = (res: GqlResponse<unknown>) => res.body.errors?.[0];
const read = (id?: string, apiKey: string = K.owner) =>
  server.gql(CudoAccountDocument, id === undefined ? {} : { id }, key(apiKey));
const update = (input: Input, apiKey: string = K.owner) =>
  server.gql(CudoUpdateBillingAccountDocument, { input }, key(apiKey));
const readAccount = async (id?: string, apiKey?: string) =>
  (await read(id, apiKey)).body.data?.account as Account | null | undefined;
const patchCalls = () => cudo().calls.filter(c => c.method === "PATCH");
const BAD_GATEWAY_BODY = (shape: CudoErrorShape) =>
  cudoErrorBody(shape, 503, "UNAVAILABLE", "The service is temporarily unavailable.");

const MAIN_ACCOUNT = {
  provider: "CUDO",
  id: A.main,
  displayName: "Demo Main Billing",
  state: "ACTIVE",
  paymentTerms: "PREPAID",
  billingAddress: {
    name: "Demo Compute AB",
    phone: "+46 8 123 456 78",
    line1: "Drottninggatan 1",
    line2: "Floor 4",
    city: "Stockholm",
    state: "Stockholms län",
    postalCode: "111 51",
    country: "SE",
  },
  taxId: { id: "txi_demo_main01", type: "eu_vat", value: "SE556677889901" },
  stripeRef: "cus_DemoMain4f9c2a",
  createBy: "owner@demo.cudo.example",
  creditBalance: "-12.5",
  billingThreshold: "250000000",
  monthlySpend: "1234.567891",
  monthlySpendLimit: "12345678901234567890.123456789",
  hourlySpendLimit: "1234.567891",
  hourlySpendRate: "0.000001",
  nextInvoiceTotal: "987.65",
  creditBalanceRecharge: {
    autoRecharge: true,
    low: "50",
    high: "250.00",
    transaction: {
      id: "txn_demo_recharge_01",
      amount: "200.00",
      description: "Automatic credit recharge",
      createTime: "2026-05-02T08:15:00.654Z",
      status: "succeeded",
      succeeded: true,
      latestCharge: {
        amount: "200.00",
        createTime: "2026-05-02T08:15:01.000Z",
        paid: true,
        refunded: true,
        status: "succeeded",
        failureCode: "card_declined",
      },
      lastPaymentError: { code: "card_declined", declineCode: "insufficient_funds" },
    },
  },
  createTime: "2024-03-01T10:20:30.123Z",
  invoiceTime: "2026-06-01T00:00:00.000Z",
  deleteTime: null,
  purgeTime: null,
};

const EMPTY_ACCOUNT_FIELDS = {
  displayName: null,
  billingAddress: null,
  taxId: null,
  stripeRef: null,
  createBy: null,
  creditBalance: null,
  billingThreshold: null,
  monthlySpend: null,
  monthlySpendLimit: null,
  hourlySpendLimit: null,
  hourlySpendRate: null,
  nextInvoiceTotal: null,
  creditBalanceRecharge: null,
  createTime: null,
  invoiceTime: null,
  deleteTime: null,
  purgeTime: null,
};

/** Give the owner key admin rights on an extra account seeded in its wire form. */
function seedOwned(account: Record<string, unknown> & { id: string }) {
  sim().accounts.set(account.id, account as never);
  sim().keys.get(K.owner)!.roles.set(account.id, "admin");
}

describe("Cudo read", () => {
  it("maps every field: exact decimals, ms timestamps, bare enums, nested recharge", async () => {
    const res = await read(A.main);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.account).toEqual(MAIN_ACCOUNT);
    expect(cudo().calls).toHaveLength(1);
    const [call] = cudo().calls;
    expect(call!.method).toBe("GET");
    expect(call!.path).toBe(`/v1/billing-accounts/${A.main}`);
    expect(call!.headers.authorization).toBe(`Bearer ${K.owner}`);
  });

  it("uses the server's demo key and the only billing account when no id is given", async () => {
    const res = await server.gql(CudoAccountDocument, {});
    expect(res.body.data?.account).toEqual(MAIN_ACCOUNT);
    // The listing carries the whole account: no GET by id after it.
    expect(cudo().calls.map(c => `${c.method} ${c.path}`)).toEqual(["GET /v1/billing-accounts"]);
    expect(cudo().calls[0]!.headers.authorization).toBe(`Bearer ${K.owner}`);
  });

  it("reads a sparse account: absent fields are null, enums UNSPECIFIED", async () => {
    const account = await readAccount(A.teamB, K.two);
    expect(account).toEqual({
      provider: "CUDO",
      id: A.teamB,
      state: "UNSPECIFIED",
      paymentTerms: "UNSPECIFIED",
      ...EMPTY_ACCOUNT_FIELDS,
      createTime: "2025-02-01T12:00:00.500Z",
    });
  });

  it("reads a deleted account with delete and purge times (microseconds cut)", async () => {
    const account = await readAccount(A.deleted, K.many);
    expect(account).toMatchObject({
      state: "DELETED",
      deleteTime: "2026-04-01T09:30:00.000Z",
      purgeTime: "2026-05-01T09:30:00.000Z",
      createTime: "2023-07-01T00:00:00.000Z",
    });
    expect((await readAccount(A.suspended, K.many))?.state).toBe("SUSPENDED_PAYMENT");
  });

  it("normalises odd but valid upstream values and keeps unknown enums safe", async () => {
    seedOwned({
      id: "ba-odd",
      state: "STATE_FROZEN_BY_FUTURE_FEATURE",
      paymentTerms: "PAYMENT_TERMS_INVOICE",
      creditBalance: { value: "+.5" },
      billingThreshold: { value: "2.5E-3" },
      monthlySpend: "-0.000",
      nextInvoiceTotal: { value: "-1.5e2" },
      createTime: "2026-01-01T01:00:00.123456+01:00",
      creditBalanceRecharge: { low: { value: "1" }, transaction: { id: "txn_1" } },
      billingAddress: { country: "SE" },
    });
    const account = await readAccount("ba-odd");
    expect(account).toMatchObject({
      state: "UNSPECIFIED",
      paymentTerms: "INVOICE",
      creditBalance: "0.5",
      billingThreshold: "0.0025",
      monthlySpend: "0.000",
      nextInvoiceTotal: "-150",
      createTime: "2026-01-01T00:00:00.123Z",
      creditBalanceRecharge: {
        autoRecharge: false,
        low: "1",
        high: null,
        transaction: expect.objectContaining({
          id: "txn_1",
          succeeded: false,
          latestCharge: null,
          lastPaymentError: null,
        }),
      },
      billingAddress: expect.objectContaining({ country: "SE", name: null, line1: null }),
    });
  });

  it("reports a malformed upstream value at its field only", async () => {
    seedOwned({
      id: "ba-broken",
      displayName: "Broken",
      creditBalance: { value: "12,50" },
      createTime: "yesterday",
    });
    const res = await read("ba-broken");
    const account = res.body.data?.account as Account | null;
    // Nullable fields fail alone: the rest of the account is still served.
    expect(account).toMatchObject({ displayName: "Broken", creditBalance: null, createTime: null });
    const paths = (res.body.errors ?? []).map(e => e.path?.join("."));
    expect(paths.sort()).toEqual(["account.createTime", "account.creditBalance"]);
    const codes = (res.body.errors ?? []).map(e => e.extensions?.code);
    expect(codes).toEqual(["UPSTREAM_ERROR", "UPSTREAM_ERROR"]);
  });

  it("reads money sent as JSON numbers from the numbers' own digits", async () => {
    const raw =
      '{"id":"ba-num","displayName":"Numbers","creditBalance":{"value":12.50},"monthlySpend":1234.567891,' +
      '"monthlySpendLimit":{"value":12345678901234567890.123456789},"billingThreshold":{"value":2.5e8}}';
    cudo().failNext({ status: 200, body: raw, match: "GET /v1/billing-accounts/ba-num" });
    const res = await read("ba-num");
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.account).toMatchObject({
      displayName: "Numbers",
      creditBalance: "12.50",
      monthlySpend: "1234.567891",
      monthlySpendLimit: "12345678901234567890.123456789",
      billingThreshold: "250000000",
    });
  });

  it("errors at a value it cannot read exactly instead of serving null", async () => {
    seedOwned({
      id: "ba-seconds",
      displayName: "Seconds",
      createTime: { seconds: "1700000000", nanos: 5 },
      creditBalance: { value: true },
      billingAddress: "Drottninggatan 1",
    });
    const res = await read("ba-seconds");
    expect(res.body.data?.account).toMatchObject({ displayName: "Seconds", createTime: null, creditBalance: null, billingAddress: null });
    const errors = (res.body.errors ?? []).sort((a, b) => String(a.path).localeCompare(String(b.path)));
    expect(errors.map(e => [e.path?.join("."), e.extensions?.code, e.extensions?.provider])).toEqual([
      ["account.billingAddress", "UPSTREAM_ERROR", "CUDO"],
      ["account.createTime", "UPSTREAM_ERROR", "CUDO"],
      ["account.creditBalance", "UPSTREAM_ERROR", "CUDO"],
    ]);
    expect(errors[1]!.message).toContain("createTime is an object, not an RFC 3339 timestamp string");
    expect(errors[2]!.message).toContain("creditBalance.value is a boolean");
  });

  it("refuses a 200 {} as no billing account (the id is not taken from the request)", async () => {
    cudo().failNext({ status: 200, body: {}, match: "GET /v1/billing-accounts/" });
    const res = await read(A.main);
    expect(res.body.data?.account).toBeNull();
    expect(firstError(res)?.extensions).toMatchObject({ code: "UPSTREAM_ERROR", provider: "CUDO", upstreamStatus: 200 });
    expect(firstError(res)?.message).toContain("no billing account id");
  });

  it("includes CUDO in `accounts` through its default account", async () => {
    const res = await server.gql(CudoAccountsDocument, {});
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.accounts[0]).toEqual({ provider: "CUDO", id: A.main });
    expect(res.body.data?.accounts[1]?.provider).toBe("DIFFIO");
  });

  it("serves a federation entity reference through the same loader", async () => {
    const query = `query ($r: [_Any!]!) {
      _entities(representations: $r) { ... on CudoBillingAccount { id displayName } }
    }`;
    const r = [
      { __typename: "CudoBillingAccount", id: A.manyOne },
      { __typename: "CudoBillingAccount", id: A.manyTwo },
      { __typename: "CudoBillingAccount", id: A.manyOne },
    ];
    const res = await server.gql(query, { r }, key(K.many));
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data).toEqual({
      _entities: [
        { id: A.manyOne, displayName: "Many 1" },
        { id: A.manyTwo, displayName: "Many 2" },
        { id: A.manyOne, displayName: "Many 1" },
      ],
    });
    expect(cudo().count("GET /v1/billing-accounts/")).toBe(2);
  });
});

describe("Cudo upstream calls per request", () => {
  it("makes two calls for two aliases with different ids", async () => {
    const ids = { a: A.manyOne, b: A.manyTwo };
    const res = await server.gql(CudoAccountPairDocument, ids, key(K.many));
    expect(res.body.data).toEqual({ a: { id: A.manyOne }, b: { displayName: "Many 2" } });
    expect(cudo().calls.map(c => c.path).sort()).toEqual([
      `/v1/billing-accounts/${A.manyOne}`,
      `/v1/billing-accounts/${A.manyTwo}`,
    ]);
  });

  it("makes one call for two aliases with the same id", async () => {
    const res = await server.gql(CudoAccountPairDocument, { a: A.main, b: A.main });
    expect(res.body.data).toEqual({ a: { id: A.main }, b: { displayName: "Demo Main Billing" } });
    expect(cudo().count()).toBe(1);
  });

  it("serves an id found by the default-account listing without a GET by id", async () => {
    const res = await server.gql(CudoDefaultAndByIdDocument, { id: A.main });
    expect(res.body.data).toEqual({
      byDefault: { id: A.main },
      byId: { displayName: "Demo Main Billing" },
    });
    expect(cudo().calls.map(c => `${c.method} ${c.path}`)).toEqual(["GET /v1/billing-accounts"]);
  });

  it("still fetches an id the listing does not contain", async () => {
    const res = await server.gql(CudoDefaultAndByIdDocument, { id: A.foreign });
    expect(res.body.data?.byDefault).toEqual({ id: A.main });
    expect(res.body.data?.byId).toBeNull();
    expect(firstError(res)?.path).toEqual(["byId"]);
    expect(firstError(res)?.extensions?.code).toBe("FORBIDDEN");
    expect(cudo().count()).toBe(2);
  });

  it("percent-encodes the id into one path segment", async () => {
    const res = await read("ba/../x y?z");
    expect(cudo().calls[0]!.path).toBe("/v1/billing-accounts/ba%2F..%2Fx%20y%3Fz");
    expect(firstError(res)?.extensions).toMatchObject({ code: "NOT_FOUND", upstreamStatus: 404 });
  });

  it.each([".", ".."])("refuses the id %j, which would change the path, without calling Cudo", async id => {
    const res = await read(id);
    expect(firstError(res)?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      fieldErrors: [{ field: "id", message: 'must not be "." or ".."' }],
    });
    const written = await update({ id, displayName: "Escaped" });
    expect(firstError(written)?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      fieldErrors: [{ field: "input.id", message: 'must not be "." or ".."' }],
    });
    const entity = await server.gql(
      "query ($r: [_Any!]!) { _entities(representations: $r) { ... on CudoBillingAccount { id } } }",
      { r: [{ __typename: "CudoBillingAccount", id }] },
    );
    expect(firstError(entity)?.extensions).toMatchObject({ code: "BAD_USER_INPUT", fieldErrors: [{ field: "id" }] });
    expect(cudo().count()).toBe(0);
  });

  it("keeps ids with dots inside one segment", async () => {
    await read("...");
    await read("a..b");
    expect(cudo().calls.map(c => c.path)).toEqual(["/v1/billing-accounts/...", "/v1/billing-accounts/a..b"]);
  });

  it("rejects a blank id without calling Cudo", async () => {
    const res = await read("  ");
    expect(firstError(res)?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      fieldErrors: [{ field: "id", message: "must not be blank" }],
    });
    expect(cudo().count()).toBe(0);
  });
});

describe("Cudo default billing account", () => {
  it("names 0 accounts and asks for an id when the credential sees none", async () => {
    const res = await read(undefined, K.none);
    expect(res.body.data?.account).toBeNull();
    const error = firstError(res)!;
    expect(error.extensions?.code).toBe("BAD_USER_INPUT");
    expect(error.message).toContain("can see 0 billing accounts");
    expect(error.message).toContain("pass `id`");
    expect(error.extensions?.fieldErrors).toEqual([{ field: "id", message: error.message }]);
    expect(cudo().count()).toBe(1);
  });

  it("names 2 accounts (with their ids) when the credential sees two", async () => {
    const res = await read(undefined, K.two);
    const error = firstError(res)!;
    expect(error.extensions?.code).toBe("BAD_USER_INPUT");
    expect(error.message).toContain("can see 2 billing accounts");
    expect(error.message).toContain(A.teamA);
    expect(error.message).toContain(A.teamB);
  });

  it("follows page tokens to the end of the list", async () => {
    const res = await read(undefined, K.many);
    expect(firstError(res)?.message).toContain("can see 5 billing accounts");
    const tokens = cudo().calls.map(c => c.query.get("pageToken"));
    expect(cudo().calls.every(c => c.path === "/v1/billing-accounts")).toBe(true);
    expect(tokens).toHaveLength(3);
    expect(tokens[0]).toBeNull();
    expect(tokens[1]).toEqual(expect.any(String));
    expect(tokens[2]).toEqual(expect.any(String));
    expect(tokens[1]).not.toBe(tokens[2]);
  });

  it("does not stop at an empty page that still carries a page token", async () => {
    const token = Buffer.from(JSON.stringify({ k: "key-demo-owner", o: 0 })).toString("base64url");
    cudo().failNext({
      status: 200,
      match: "GET /v1/billing-accounts",
      body: { billingAccounts: [], pageToken: token, pageSize: 2 },
    });
    const res = await read();
    expect(res.body.data?.account).toMatchObject({ id: A.main, displayName: "Demo Main Billing" });
    expect(cudo().calls.map(c => c.query.get("pageToken"))).toEqual([null, token]);
  });

  it("errors at the CUDO index of `accounts` only", async () => {
    const res = await server.gql(CudoAccountsDocument, {}, key(K.two));
    expect(res.body.data?.accounts[0]).toBeNull();
    expect(res.body.data?.accounts[1]?.provider).toBe("DIFFIO");
    expect(firstError(res)?.path).toEqual(["accounts", 0]);
    expect(firstError(res)?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("uses CUDO_BILLING_ACCOUNT_ID without listing", async () => {
    const configured = await startTestServer({
      CUDO_BILLING_ACCOUNT_ID: A.teamA,
      CUDO_API_KEY: K.two,
    });
    try {
      const res = await configured.gql(CudoAccountDocument, {});
      expect(res.body.data?.account).toMatchObject({
        id: A.teamA,
        displayName: "Team A",
        paymentTerms: "INVOICE",
        monthlySpend: "0",
      });
      const calls = configured.sims.cudo.control.calls;
      const lines = calls.map(c => `${c.method} ${c.path}`);
      expect(lines).toEqual([`GET /v1/billing-accounts/${A.teamA}`]);
      expect(calls[0]!.headers.authorization).toBe(`Bearer ${K.two}`);
    } finally {
      await configured.stop();
    }
  });
});

describe("Cudo errors", () => {
  const shapes: CudoErrorShape[] = ["aip193", "status"];

  it.each(shapes)("maps a foreign account to FORBIDDEN (%s body)", async shape => {
    sim().errorShape = shape;
    const res = await read(A.foreign);
    expect(res.body.data?.account).toBeNull();
    expect(firstError(res)?.extensions).toMatchObject({
      code: "FORBIDDEN",
      provider: "CUDO",
      upstreamStatus: 403,
      upstreamCode: "PERMISSION_DENIED",
      retryable: false,
    });
    expect(firstError(res)?.message).toContain("BILLING_ACCOUNT_ACCESS_DENIED");
    expect(firstError(res)?.message).toMatch(/^Cudo Compute refused access \(HTTP 403\)/);
  });

  it.each(shapes)("maps an unknown id to NOT_FOUND (%s body)", async shape => {
    sim().errorShape = shape;
    const res = await read("ba-does-not-exist");
    expect(firstError(res)?.extensions).toMatchObject({
      code: "NOT_FOUND",
      provider: "CUDO",
      upstreamStatus: 404,
      upstreamCode: "NOT_FOUND",
    });
  });

  it.each(shapes)("maps provider field violations to input paths (%s body)", async shape => {
    sim().errorShape = shape;
    // Over Cudo's (simulated) 100 significant digits: passes our checks, Cudo refuses it.
    const high = `1${"0".repeat(120)}`;
    const res = await update({
      id: A.main,
      creditBalanceRecharge: { autoRecharge: true, low: "1", high },
    });
    expect(firstError(res)?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      provider: "CUDO",
      upstreamStatus: 400,
      upstreamCode: "INVALID_ARGUMENT",
      fieldErrors: [
        { field: "input.creditBalanceRecharge.high", message: `"${high}" is out of range.` },
      ],
    });
    expect(patchCalls()).toHaveLength(1);
  });

  it("maps injected violations (snake_case proto paths, update mask, unknown paths)", async () => {
    const violations = [
      { field: "billing_account.billing_address.postal_code", description: "Invalid postal code." },
      { field: "billing_account.display_name", description: "Too long." },
      { field: "billing_account.credit_balance_recharge.auto_recharge", description: "Required." },
      { field: "billing_account.tax_id.value", description: "Invalid VAT number." },
      { field: "update_mask", description: '"creditBalanceRecharge" is not updatable.' },
      { field: "billing_account.stripe_ref", description: "Read-only." },
      { field: "billing_account.billing_address.street_number", description: "Unknown." },
    ];
    cudo().failNext({
      status: 400,
      match: "PATCH",
      body: cudoErrorBody("aip193", 400, "INVALID_ARGUMENT", "Invalid fields in request.", [
        { "@type": "type.googleapis.com/google.rpc.BadRequest", fieldViolations: violations },
      ]),
    });
    const res = await update({ id: A.main, displayName: "Renamed" });
    expect(firstError(res)?.extensions?.fieldErrors).toEqual([
      { field: "input.billingAddress.postalCode", message: "Invalid postal code." },
      { field: "input.displayName", message: "Too long." },
      { field: "input.creditBalanceRecharge.autoRecharge", message: "Required." },
      { field: "input.taxId.value", message: "Invalid VAT number." },
      { field: "input", message: '"creditBalanceRecharge" is not updatable.' },
      { field: "input", message: "billing_account.stripe_ref: Read-only." },
      {
        field: "input.billingAddress",
        message: "billing_account.billing_address.street_number: Unknown.",
      },
    ]);
  });

  it("maps a provider's refusal of the update mask to a field error on the input", async () => {
    cudo().failNext({
      status: 400,
      match: "PATCH",
      body: cudoErrorBody("status", 400, "INVALID_ARGUMENT", "Invalid fields in request.", [
        {
          "@type": "type.googleapis.com/google.rpc.BadRequest",
          fieldViolations: [{ field: "update_mask", description: '"taxId" is read-only.' }],
        },
      ]),
    });
    const res = await update({ id: A.main, taxId: { type: "eu_vat", value: "SE1" } });
    expect(firstError(res)?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      upstreamCode: "INVALID_ARGUMENT",
      fieldErrors: [{ field: "input", message: '"taxId" is read-only.' }],
    });
  });

  it("maps an unknown key to UNAUTHENTICATED", async () => {
    const res = await read(A.main, "cudo_not_a_key");
    expect(firstError(res)?.extensions).toMatchObject({
      code: "UNAUTHENTICATED",
      upstreamStatus: 401,
      upstreamCode: "UNAUTHENTICATED",
    });
  });

  it("maps a viewer's update to FORBIDDEN, a deleted account's to CONFLICT", async () => {
    const viewer = await update({ id: A.main, displayName: "Nope" }, K.viewer);
    const forbidden = { code: "FORBIDDEN", upstreamStatus: 403 };
    expect(firstError(viewer)?.extensions).toMatchObject(forbidden);
    expect(firstError(viewer)?.message).toContain("BILLING_ACCOUNT_ADMIN_REQUIRED");
    const deleted = await update({ id: A.deleted, displayName: "Nope" }, K.many);
    expect(firstError(deleted)?.extensions).toMatchObject({
      code: "CONFLICT",
      upstreamStatus: 409,
      upstreamCode: "FAILED_PRECONDITION",
    });
  });

  it("retries a 503 on a read", async () => {
    cudo().failNext({ status: 503, body: BAD_GATEWAY_BODY("aip193") });
    const account = await readAccount(A.main);
    expect(account?.id).toBe(A.main);
    expect(cudo().count()).toBe(2);
  });

  it("never retries the update, and derives the code name from a gRPC code", async () => {
    cudo().failNext({ status: 503, body: BAD_GATEWAY_BODY("status"), match: "PATCH" });
    const res = await update({ id: A.main, displayName: "Once" });
    expect(firstError(res)?.extensions).toMatchObject({
      code: "UPSTREAM_ERROR",
      upstreamStatus: 503,
      upstreamCode: "UNAVAILABLE",
      retryable: true,
    });
    expect(cudo().count()).toBe(1);
    expect(sim().accounts.get(A.main)!.displayName).toBe("Demo Main Billing");
  });

  it("takes retryAfterSeconds from RetryInfo (rounded up) over Retry-After", async () => {
    cudo().failNext({
      status: 429,
      match: "PATCH",
      headers: { "Retry-After": "7" },
      body: cudoErrorBody("aip193", 429, "RESOURCE_EXHAUSTED", "Too many requests.", [
        { "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay: "1.5s" },
      ]),
    });
    const res = await update({ id: A.main, displayName: "Later" });
    expect(firstError(res)?.extensions).toMatchObject({
      code: "RATE_LIMITED",
      upstreamStatus: 429,
      upstreamCode: "RESOURCE_EXHAUSTED",
      retryAfterSeconds: 2,
      retryable: true,
    });
    expect(cudo().count()).toBe(1);
  });

  it("falls back to Retry-After without RetryInfo, and keeps request ids", async () => {
    cudo().failNext({
      status: 429,
      match: "PATCH",
      headers: { "Retry-After": "42", "X-Request-Id": "req-cudo-1" },
      body: cudoErrorBody("status", 429, "RESOURCE_EXHAUSTED", "Slow down."),
    });
    const res = await update({ id: A.main, displayName: "Later" });
    expect(firstError(res)?.extensions).toMatchObject({
      code: "RATE_LIMITED",
      retryAfterSeconds: 42,
      upstreamRequestId: "req-cudo-1",
      upstreamCode: "RESOURCE_EXHAUSTED",
    });
  });

  it("answers RATE_LIMITED from the simulator's own limit with its RetryInfo delay", async () => {
    // The provider's clock stands still, so the delay it asks for is the whole window, however
    // long the two requests take.
    const clock = Date.now();
    sim().now = () => clock;
    try {
      sim().rateLimit = { limit: 1, windowMs: 60_000 };
      expect((await update({ id: A.main, displayName: "First" })).body.errors).toBeUndefined();
      const res = await update({ id: A.main, displayName: "Second" });
      const extensions = firstError(res)?.extensions ?? {};
      expect(extensions).toMatchObject({ code: "RATE_LIMITED", upstreamStatus: 429, retryAfterSeconds: 60 });
      expect(firstError(res)?.message).toContain("RATE_LIMIT_EXCEEDED");
      expect(cudo().count()).toBe(2);
    } finally {
      sim().now = Date.now;
    }
  });
});

describe("updateBillingAccount", () => {
  const lastPatch = () => {
    const calls = patchCalls();
    expect(calls).toHaveLength(1);
    return calls[0]!;
  };

  it("updates the display name alone and serves the result without a read", async () => {
    const res = await update({ id: A.main, displayName: "  Renamed Billing  " });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data?.updateBillingAccount).toEqual({
      ...MAIN_ACCOUNT,
      displayName: "Renamed Billing",
    });
    const call = lastPatch();
    expect(call.path).toBe(`/v1/billing-accounts/${A.main}`);
    expect(call.headers.authorization).toBe(`Bearer ${K.owner}`);
    expect(call.body).toEqual({
      updateMask: "displayName",
      billingAccount: { displayName: "Renamed Billing" },
    });
    expect(cudo().count()).toBe(1);
  });

  it("replaces the billing address alone, trimmed, country upper-cased", async () => {
    const res = await update({
      id: A.main,
      billingAddress: {
        name: " Acme GmbH ",
        line1: "Hauptstraße 5",
        line2: "   ",
        city: "Berlin",
        postalCode: "10115",
        country: "de",
      },
    });
    expect(res.body.errors).toBeUndefined();
    expect(lastPatch().body).toEqual({
      updateMask: "billingAddress",
      billingAccount: {
        billingAddress: {
          name: "Acme GmbH",
          line1: "Hauptstraße 5",
          city: "Berlin",
          postalCode: "10115",
          country: "DE",
        },
      },
    });
    expect(res.body.data?.updateBillingAccount.billingAddress).toEqual({
      name: "Acme GmbH",
      phone: null,
      line1: "Hauptstraße 5",
      line2: null,
      city: "Berlin",
      state: null,
      postalCode: "10115",
      country: "DE",
    });
    expect(res.body.data?.updateBillingAccount.displayName).toBe("Demo Main Billing");
  });

  it("replaces the tax id alone (mask `taxId`)", async () => {
    const res = await update({ id: A.main, taxId: { type: " gb_vat ", value: "GB123456789" } });
    expect(lastPatch().body).toEqual({
      updateMask: "taxId",
      billingAccount: { taxId: { type: "gb_vat", value: "GB123456789" } },
    });
    expect(res.body.data?.updateBillingAccount.taxId).toEqual({
      id: "txi_sim_000001",
      type: "gb_vat",
      value: "GB123456789",
    });
  });

  it("sets the recharge alone with exact Decimals, and reads them back", async () => {
    const res = await update({
      id: A.main,
      creditBalanceRecharge: { autoRecharge: false, low: "1234.567891", high: "2.5e8" },
    });
    expect(lastPatch().body).toEqual({
      updateMask: "creditBalanceRecharge",
      billingAccount: {
        creditBalanceRecharge: {
          autoRecharge: false,
          low: { value: "1234.567891" },
          high: { value: "250000000" },
        },
      },
    });
    const written = res.body.data?.updateBillingAccount.creditBalanceRecharge;
    expect(written).toMatchObject({ autoRecharge: false, low: "1234.567891", high: "250000000" });
    // The server-owned transaction history survives the update.
    expect(written?.transaction?.id).toBe("txn_demo_recharge_01");

    const again = await readAccount(A.main);
    expect(again?.creditBalanceRecharge).toMatchObject({
      autoRecharge: false,
      low: "1234.567891",
      high: "250000000",
    });
    expect(again?.creditBalance).toBe("-12.5");
  });

  it("keeps 29 significant digits and trailing zeros through write and read", async () => {
    const high = "12345678901234567890.123456789";
    await update({ id: A.main, creditBalanceRecharge: { autoRecharge: true, low: "0.10", high } });
    expect(lastPatch().body).toMatchObject({
      billingAccount: { creditBalanceRecharge: { low: { value: "0.10" }, high: { value: high } } },
    });
    expect((await readAccount(A.main))?.creditBalanceRecharge).toMatchObject({ low: "0.10", high });
  });

  it("updates every field at once with the mask in a stable order", async () => {
    const input: Input = {
      creditBalanceRecharge: { autoRecharge: true, low: "0", high: "0" },
      taxId: { type: "eu_vat", value: "DE123456789" },
      billingAddress: { name: "Team", country: "XK" },
      displayName: "All Fields",
      id: A.main,
    };
    const res = await update(input);
    expect(res.body.errors).toBeUndefined();
    expect(lastPatch().body).toEqual({
      updateMask: "displayName,billingAddress,taxId,creditBalanceRecharge",
      billingAccount: {
        displayName: "All Fields",
        billingAddress: { name: "Team", country: "XK" },
        taxId: { type: "eu_vat", value: "DE123456789" },
        creditBalanceRecharge: { autoRecharge: true, low: { value: "0" }, high: { value: "0" } },
      },
    });
    expect(res.body.data?.updateBillingAccount).toMatchObject({
      displayName: "All Fields",
      billingAddress: { name: "Team", country: "XK", city: null },
      taxId: { type: "eu_vat", value: "DE123456789" },
      creditBalanceRecharge: { autoRecharge: true, low: "0", high: "0" },
    });
  });

  it("clears the address and the tax id when they are given as null", async () => {
    const res = await update({ id: A.main, billingAddress: null, taxId: null });
    expect(lastPatch().body).toEqual({ updateMask: "billingAddress,taxId", billingAccount: {} });
    expect(res.body.data?.updateBillingAccount).toMatchObject({
      billingAddress: null,
      taxId: null,
      displayName: "Demo Main Billing",
    });
  });

  it("updates a suspended account of a multi-account key by id", async () => {
    const res = await update({ id: A.suspended, displayName: "Paid Up" }, K.many);
    expect(res.body.data?.updateBillingAccount).toMatchObject({
      id: A.suspended,
      displayName: "Paid Up",
      state: "SUSPENDED_PAYMENT",
      creditBalance: "-0.01",
    });
  });
});

describe("updateBillingAccount validation (nothing sent to Cudo)", () => {
  const cases: [string, Input, { field: string; message?: unknown }[]][] = [
    ["an input with only the id", { id: A.main }, [{ field: "input" }]],
    ["a blank display name", { id: A.main, displayName: "   " }, [{ field: "input.displayName" }]],
    [
      "a display name over 200 characters",
      { id: A.main, displayName: "n".repeat(201) },
      [{ field: "input.displayName" }],
    ],
    [
      "a null display name",
      { id: A.main, displayName: null },
      [{ field: "input.displayName", message: expect.stringContaining("cannot be cleared") }],
    ],
    [
      "low above high",
      { id: A.main, creditBalanceRecharge: { autoRecharge: true, low: "100.01", high: "100.001" } },
      [{ field: "input.creditBalanceRecharge.high", message: "must be at least low (100.01)" }],
    ],
    [
      "a negative low",
      { id: A.main, creditBalanceRecharge: { autoRecharge: true, low: "-0.01", high: "5" } },
      [{ field: "input.creditBalanceRecharge.low", message: "must be at least 0" }],
    ],
    [
      "a blank tax id type",
      { id: A.main, taxId: { type: " ", value: "SE1" } },
      [{ field: "input.taxId.type" }],
    ],
    [
      "a phone over 50 characters and a postal code over 20",
      { id: A.main, billingAddress: { phone: "1".repeat(51), postalCode: "9".repeat(21) } },
      [{ field: "input.billingAddress.phone" }, { field: "input.billingAddress.postalCode" }],
    ],
    ["a blank id", { id: " ", displayName: "x" }, [{ field: "input.id" }]],
  ];

  it.each(cases)("rejects %s", async (_name, input, fieldErrors) => {
    const res = await update(input);
    expect(res.body.data).toBeNull();
    expect(firstError(res)?.extensions).toMatchObject({ code: "BAD_USER_INPUT", fieldErrors });
    expect(firstError(res)?.extensions?.fieldErrors).toHaveLength(fieldErrors.length);
    expect(cudo().count()).toBe(0);
  });

  const badCountries = ["XX", "ZZ", "UK", "EU", "AA", "S1", "Sweden"];
  it.each(badCountries)("rejects the country %j", async country => {
    const res = await update({ id: A.main, billingAddress: { country } });
    expect(firstError(res)?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      fieldErrors: [
        { field: "input.billingAddress.country", message: expect.stringContaining("ISO 3166-1") },
      ],
    });
    expect(cudo().count()).toBe(0);
  });

  it("reports every invalid field at once", async () => {
    const res = await update({
      id: A.main,
      displayName: null,
      billingAddress: { country: "ZZ" },
      creditBalanceRecharge: { autoRecharge: true, low: "-1", high: "-2" },
    });
    const errors = firstError(res)?.extensions?.fieldErrors as { field: string }[];
    const fields = errors.map(e => e.field);
    expect(fields.sort()).toEqual([
      "input.billingAddress.country",
      "input.creditBalanceRecharge.high",
      "input.creditBalanceRecharge.low",
      "input.displayName",
    ]);
    expect(cudo().count()).toBe(0);
  });

  it("rejects a Decimal that is not a number string at the GraphQL layer", async () => {
    const res = await update({
      id: A.main,
      creditBalanceRecharge: { autoRecharge: true, low: "1,5", high: "2" },
    });
    expect(firstError(res)?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(cudo().count()).toBe(0);
  });
});

describe("Cudo live mode and credentials", () => {
  it("calls a Cudo at CUDO_BASE_URL with the caller's key, and none without a key", async () => {
    const upstream = await startCudoSimulator();
    const live = await startTestServer({ PROVIDERS_MODE: "live", CUDO_BASE_URL: upstream.url });
    try {
      const res = await live.gql(CudoAccountDocument, { id: A.main }, key(K.viewer));
      expect(res.body.data?.account).toEqual(MAIN_ACCOUNT);
      expect(upstream.control.calls).toHaveLength(1);
      expect(upstream.control.calls[0]!.headers.authorization).toBe(`Bearer ${K.viewer}`);

      const bare = await live.gql(CudoAccountDocument, { id: A.main });
      const unauthenticated = { code: "UNAUTHENTICATED", provider: "CUDO" };
      expect(firstError(bare)?.extensions).toMatchObject(unauthenticated);
      expect(firstError(bare)?.message).toContain("X-Cudo-Api-Key");
      expect(upstream.control.calls).toHaveLength(1);
      expect(live.logs.text).not.toContain(K.viewer);
    } finally {
      await live.stop();
      await upstream.close();
    }
  });

  it("never puts the credential in responses or logs, even when Cudo echoes it", async () => {
    const secret = "cudo_live_secret_5e4d3c2b1a";
    sim().keys.set(secret, { keyId: "key-secret", roles: new Map([[A.main, "admin"]]) });
    cudo().failNext({
      status: 401,
      body: cudoErrorBody("aip193", 401, "UNAUTHENTICATED", `API key ${secret} is not valid.`),
    });
    const failed = await read(A.main, secret);
    const ok = await read(undefined, secret);
    const updated = await update({ id: A.main, displayName: "Secretive" }, secret);
    expect(firstError(failed)?.message).toContain("[REDACTED]");
    expect(ok.body.data?.account).toMatchObject({ id: A.main });
    expect(updated.body.errors).toBeUndefined();
    expect(cudo().calls.every(c => c.headers.authorization === `Bearer ${secret}`)).toBe(true);
    for (const text of [JSON.stringify([failed.body, ok.body, updated.body]), server.logs.text]) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(K.owner);
    }
    expect(server.logs.lines.length).toBeGreaterThan(0);
  });
});
