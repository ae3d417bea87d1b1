import { afterAll, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import {
  CUDO_DEMO_ACCOUNTS as A,
  CUDO_DEMO_KEYS as K,
  cudoErrorBody,
  startCudoSimulator,
  type RunningCudoSim,
} from "../../src/providers/cudo/simulator/cudo.simulator.js";

type Body = Record<string, any>;

let sim: RunningCudoSim;

beforeAll(async () => {
  sim = await startCudoSimulator();
});

afterAll(async () => {
  await sim.close();
});

beforeEach(() => {
  sim.state.seed();
  sim.control.reset();
});

async function send(method: string, path: string, key?: string, body?: unknown, scheme = "Bearer") {
  const headers: Record<string, string> = {};
  if (key !== undefined) headers.authorization = `${scheme} ${key}`;
  if (body !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(`${sim.url}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Body };
}

const get = (id: string, key: string = K.owner) => send("GET", `/v1/billing-accounts/${id}`, key);
const list = (query = "", key: string = K.owner) =>
  send("GET", `/v1/billing-accounts${query}`, key);
const patch = (id: string, body: unknown, key: string = K.owner) =>
  send("PATCH", `/v1/billing-accounts/${id}`, key, body);

/** Follows page tokens to the end; returns every page body. */
async function allPages(key: string, pageSize?: number) {
  const pages: Body[] = [];
  let token = "";
  do {
    const params = new URLSearchParams();
    if (token) params.set("pageToken", token);
    if (pageSize !== undefined) params.set("pageSize", String(pageSize));
    const res = await list(`?${params}`, key);
    expect(res.status).toBe(200);
    pages.push(res.body);
    token = res.body.pageToken;
  } while (token !== "" && pages.length < 20);
  return pages;
}

type FieldViolation = { field: string; description: string };
const violations = (body: Body) => body.details[0].fieldViolations as FieldViolation[];
const violationFields = (body: Body) => violations(body).map(v => v.field);
const rename = (displayName: string) => ({
  updateMask: "displayName",
  billingAccount: { displayName },
});
const recharge = (low: unknown, high: unknown, autoRecharge: unknown = true) => ({
  updateMask: "creditBalanceRecharge",
  billingAccount: { creditBalanceRecharge: { low, high, autoRecharge } },
});

// The BillingAccount fields of Cudo's newest spec (providers/cudo.md), by their wire shape.
const DECIMALS = ["hourlySpendRate", "billingThreshold", "monthlySpendLimit", "hourlySpendLimit", "nextInvoiceTotal", "creditBalance"];
const TIMESTAMPS = ["createTime", "invoiceTime"];
const STRINGS = ["id", "displayName", "createBy", "stripeRef", "monthlySpend"];
const DOCUMENTED = [...STRINGS, ...DECIMALS, ...TIMESTAMPS, "taxId", "creditBalanceRecharge", "billingAddress", "state", "paymentTerms"];
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;
const DECIMAL_TEXT = /^-?\d+(\.\d+)?(e-?\d+)?$/;

/** The main account as the simulator serves it now (each test starts from the seed). */
const main = async () => (await get(A.main)).body;

const RECHARGE = { low: { value: "20" }, high: { value: "100" }, autoRecharge: false };

function hasNullOrEmpty(value: unknown): boolean {
  if (value === null || value === "" || value === false) return true;
  if (typeof value !== "object") return false;
  const entries = Object.values(value as object);
  return (!Array.isArray(value) && entries.length === 0) || entries.some(hasNullOrEmpty);
}

describe("Cudo simulator: reads", () => {
  it("serves the main account with every documented field, exactly as seeded", async () => {
    const res = await get(A.main);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    // Every documented field (live accounts have no delete or purge time), in its wire shape.
    expect(Object.keys(res.body).sort()).toEqual([...DOCUMENTED].sort());
    for (const field of STRINGS) expect(typeof res.body[field]).toBe("string");
    expect(res.body.monthlySpend).toMatch(DECIMAL_TEXT);
    for (const field of DECIMALS) expect(res.body[field]).toEqual({ value: expect.stringMatching(DECIMAL_TEXT) });
    for (const field of TIMESTAMPS) expect(res.body[field]).toMatch(RFC3339);
    expect(res.body.state).toBe("STATE_ACTIVE");
    expect(Object.keys(res.body.billingAddress).sort()).toEqual(
      ["city", "country", "line1", "line2", "name", "phone", "postalCode", "state"],
    );
    expect(Object.keys(res.body.creditBalanceRecharge).sort()).toEqual(["autoRecharge", "high", "low", "transaction"]);
    // Served as stored: the seed's own values, such as the exponent and precision it keeps.
    expect(res.body).toEqual(JSON.parse(JSON.stringify(sim.state.accounts.get(A.main))));
    expect(res.body.billingThreshold).toEqual({ value: "2.5e8" });
  });

  it("accepts the lowercase `bearer` scheme of the older docs", async () => {
    const res = await send("GET", `/v1/billing-accounts/${A.main}`, K.owner, undefined, "bearer");
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(A.main);
  });

  it("omits empty fields on sparse accounts (proto3 JSON, no nulls)", async () => {
    const teamB = await get(A.teamB, K.two);
    expect(teamB.body).toEqual({ id: A.teamB, createTime: "2025-02-01T12:00:00.5Z" });
    const teamA = await get(A.teamA, K.two);
    expect(Object.keys(teamA.body).sort()).toEqual(
      ["createTime", "displayName", "id", "monthlySpend", "paymentTerms", "state"],
    );
    expect(hasNullOrEmpty(teamA.body)).toBe(false);
  });

  it("omits a STATE_UNSPECIFIED enum and cleared fields", async () => {
    sim.state.accounts.get(A.teamA)!.state = "STATE_UNSPECIFIED";
    sim.state.accounts.get(A.teamA)!.billingAddress = { city: "", country: "" };
    const res = await get(A.teamA, K.two);
    expect(res.body).not.toHaveProperty("state");
    expect(res.body).not.toHaveProperty("billingAddress");
  });

  it("shows a deleted account with its delete and purge times", async () => {
    const res = await get(A.deleted, K.many);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      state: "STATE_DELETED",
      deleteTime: "2026-04-01T09:30:00.000123Z",
      purgeTime: "2026-05-01T09:30:00.000123Z",
    });
  });

  it("lets a viewer read but not update", async () => {
    expect((await get(A.main, K.viewer)).status).toBe(200);
    const res = await patch(A.main, rename("x"), K.viewer);
    expect(res.status).toBe(403);
    expect(res.body.status).toBe("PERMISSION_DENIED");
    expect((await get(A.main)).body.displayName).toBe("Demo Main Billing");
  });
});

describe("Cudo simulator: listing and pagination", () => {
  it("lists nothing for a key without accounts", async () => {
    const res = await list("", K.none);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ billingAccounts: [], pageToken: "", pageSize: 2 });
  });

  it("lists the owner's single account, identical to the GET body, on one page", async () => {
    const res = await list("", K.owner);
    expect(res.body.billingAccounts).toEqual([await main()]);
    expect(res.body.pageToken).toBe("");
  });

  it("lists two accounts on one default page", async () => {
    const res = await list("", K.two);
    expect(res.body.billingAccounts.map((a: Body) => a.id)).toEqual([A.teamA, A.teamB]);
    expect(res.body.pageToken).toBe("");
    expect(res.body.pageSize).toBe(2);
  });

  it("pages through many accounts by following next-page tokens", async () => {
    const pages = await allPages(K.many);
    expect(pages.map(p => p.billingAccounts.length)).toEqual([2, 2, 1]);
    expect(pages.flatMap(p => p.billingAccounts.map((a: Body) => a.id))).toEqual([
      A.manyOne,
      A.manyTwo,
      A.manyThree,
      A.suspended,
      A.deleted,
    ]);
    expect(pages[0]!.pageToken).not.toBe("");
    expect(pages[2]!.pageToken).toBe("");
    expect(sim.control.count("GET /v1/billing-accounts")).toBe(3);
  });

  it("honours pageSize, clamps it to the maximum and echoes the effective size", async () => {
    const pages = await allPages(K.many, 4);
    expect(pages.map(p => p.billingAccounts.length)).toEqual([4, 1]);
    const big = await list("?pageSize=5000", K.many);
    expect(big.body.pageSize).toBe(100);
    expect(big.body.billingAccounts).toHaveLength(5);
    expect(big.body.pageToken).toBe("");
  });

  it.each([
    ["?pageToken=not-a-token", "page_token"],
    ["?pageSize=-1", "page_size"],
    ["?pageSize=two", "page_size"],
  ])("rejects %s with a BadRequest on %s", async (query, field) => {
    const res = await list(query, K.many);
    expect(res.status).toBe(400);
    expect(res.body.status).toBe("INVALID_ARGUMENT");
    expect(violationFields(res.body)).toEqual([field]);
  });

  it("rejects a page token issued to another key", async () => {
    const token = (await list("?pageSize=1", K.two)).body.pageToken as string;
    expect(token).not.toBe("");
    expect((await list(`?pageToken=${token}`, K.two)).status).toBe(200);
    const res = await list(`?pageToken=${token}`, K.many);
    expect(res.status).toBe(400);
    expect(violationFields(res.body)).toEqual(["page_token"]);
  });
});

describe("Cudo simulator: updates", () => {
  it("updates displayName alone and ignores unmasked fields in the body", async () => {
    const before = await main();
    const res = await patch(A.main, {
      updateMask: "displayName",
      billingAccount: {
        displayName: "Renamed",
        creditBalance: { value: "999" },
        state: "STATE_SUSPENDED_ABUSE",
        billingAddress: { city: "Oslo" },
      },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ...before, displayName: "Renamed" });
    expect((await get(A.main)).body).toEqual({ ...before, displayName: "Renamed" });
  });

  it("replaces the whole billingAddress, clearing fields not sent", async () => {
    const address = { name: "New AB", line1: "Storgatan 2", city: "Oslo", country: "no" };
    const before = await main();
    const res = await patch(A.main, {
      updateMask: "billingAddress",
      billingAccount: { billingAddress: address, displayName: "ignored" },
    });
    expect(res.status).toBe(200);
    expect(res.body.billingAddress).toEqual({ ...address, country: "NO" });
    expect(res.body.displayName).toBe(before.displayName);
  });

  it("updates one billingAddress sub-field through a nested path", async () => {
    const before = await main();
    const res = await patch(A.main, {
      updateMask: "billingAddress.city,billingAddress.line2",
      billingAccount: { billingAddress: { city: "Uppsala", name: "ignored" } },
    });
    expect(res.status).toBe(200);
    const { line2: _cleared, ...rest } = before.billingAddress;
    expect(res.body.billingAddress).toEqual({ ...rest, city: "Uppsala" });
  });

  it("replaces taxId, issuing a new read-only id and ignoring a sent one", async () => {
    const res = await patch(A.main, {
      updateMask: "taxId",
      billingAccount: { taxId: { id: "forged", type: "no_vat", value: "NO123456789MVA" } },
    });
    expect(res.status).toBe(200);
    expect(res.body.taxId).toMatchObject({ type: "no_vat", value: "NO123456789MVA" });
    expect(res.body.taxId.id).toMatch(/^txi_sim_/);
    const value = await patch(A.main, {
      updateMask: "taxId.value",
      billingAccount: { taxId: { value: "SE1" } },
    });
    expect(value.body.taxId).toMatchObject({ type: "no_vat", value: "SE1" });
  });

  it("updates creditBalanceRecharge, keeping the server-owned transaction", async () => {
    const before = await main();
    const res = await patch(A.main, {
      updateMask: "creditBalanceRecharge",
      billingAccount: { creditBalanceRecharge: { ...RECHARGE, autoRecharge: true } },
    });
    expect(res.status).toBe(200);
    expect(res.body.creditBalanceRecharge).toEqual({
      low: { value: "20" },
      high: { value: "100" },
      autoRecharge: true,
      transaction: before.creditBalanceRecharge.transaction,
    });
  });

  it("omits autoRecharge once it is set to false (proto3 zero value)", async () => {
    const res = await patch(A.teamA, recharge({ value: "20" }, { value: "100" }, false), K.two);
    expect(res.status).toBe(200);
    expect(res.body.creditBalanceRecharge).toEqual({
      low: { value: "20" },
      high: { value: "100" },
    });
  });

  it("applies all four updatable fields together and nothing else", async () => {
    const body = {
      displayName: "All Four",
      billingAddress: { city: "Bergen", country: "NO" },
      taxId: { type: "no_vat", value: "NO987" },
      creditBalanceRecharge: { ...RECHARGE, autoRecharge: true },
      stripeRef: "cus_forged",
      paymentTerms: "PAYMENT_TERMS_INVOICE",
    };
    const before = await main();
    const res = await patch(A.main, {
      updateMask: "displayName,billingAddress,taxId,creditBalanceRecharge",
      billingAccount: body,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      displayName: "All Four",
      billingAddress: { city: "Bergen", country: "NO" },
      taxId: { type: "no_vat", value: "NO987" },
      creditBalanceRecharge: { low: { value: "20" }, high: { value: "100" }, autoRecharge: true },
      stripeRef: before.stripeRef,
      paymentTerms: before.paymentTerms,
      creditBalance: before.creditBalance,
    });
    expect(res.body.billingAddress).not.toHaveProperty("line1");
    expect((await get(A.main)).body).toEqual(res.body);
  });

  it.each([
    ["creditBalance", "read-only"],
    ["monthlySpend", "read-only"],
    ["taxId.id", "read-only"],
    ["state", "cannot be updated"],
    ["stripeRef", "cannot be updated"],
    ["foo", "not an updatable field"],
    ["invoiceName", "not an updatable field"],
    ["display_name", "lowerCamelCase"],
    ["creditBalanceRecharge.low", "as a whole"],
  ])("rejects the mask path %s (%s) and changes nothing", async (path, reason) => {
    const before = await main();
    const res = await patch(A.main, {
      updateMask: `displayName,${path}`,
      billingAccount: { displayName: "Should Not Apply" },
    });
    expect(res.status).toBe(400);
    expect(res.body.status).toBe("INVALID_ARGUMENT");
    expect(violations(res.body)).toEqual([
      { field: "update_mask", description: expect.stringContaining(path) },
    ]);
    expect(violations(res.body)[0]!.description).toContain(reason);
    expect(await main()).toEqual(before);
  });

  it("reports every bad mask path at once", async () => {
    const res = await patch(A.main, { updateMask: "creditBalance,state,foo", billingAccount: {} });
    expect(res.status).toBe(400);
    expect(violationFields(res.body)).toEqual(["update_mask", "update_mask", "update_mask"]);
  });

  it.each([
    ["a missing", { billingAccount: { displayName: "x" } }],
    ["an empty", { updateMask: "", billingAccount: { displayName: "x" } }],
    ["a non-string", { updateMask: ["displayName"], billingAccount: { displayName: "x" } }],
    ["a blank-path", { updateMask: "displayName,", billingAccount: { displayName: "x" } }],
  ])("rejects %s updateMask on update_mask", async (_label, body) => {
    const res = await patch(A.main, body);
    expect(res.status).toBe(400);
    expect(violationFields(res.body)).toEqual(["update_mask"]);
    expect((await get(A.main)).body.displayName).toBe("Demo Main Billing");
  });

  it.each([
    ["+2.5", "2.5"],
    [".5", "0.5"],
    ["2.5E8", "2.5e8"],
    ["2.5e0", "2.5"],
    ["-3E+00", "-3"],
    ["1234.567891", "1234.567891"],
    ["-12.5", "-12.5"],
    ["2.5e8", "2.5e8"],
    ["100.000", "100.000"],
    ["0.000001", "0.000001"],
    ["12345678901234567890.123456789", "12345678901234567890.123456789"],
  ])("stores the decimal %s as %s", async (input, stored) => {
    const res = await patch(A.main, recharge({ value: input }, { value: "1e30" }));
    expect(res.status).toBe(200);
    expect(res.body.creditBalanceRecharge.low).toEqual({ value: stored });
    expect(res.body.creditBalanceRecharge.high).toEqual({ value: "1e30" });
  });

  it.each([
    [{ value: "abc" }],
    [{ value: "1,5" }],
    [{ value: "1.2.3" }],
    [{ value: "" }],
    [{ value: " 1" }],
    [{ value: "e5" }],
    [{ value: "." }],
    [{ value: "0x10" }],
    [{ value: "1e" }],
    [{ value: "1e99999" }],
    [{ value: 5 }],
    ["5"],
    [5],
    [undefined],
  ])("rejects the invalid decimal %p on the snake_case proto path", async low => {
    const before = await main();
    const res = await patch(A.main, recharge(low, { value: "10" }));
    expect(res.status).toBe(400);
    expect(violationFields(res.body)).toEqual(["billing_account.credit_balance_recharge.low"]);
    expect(await main()).toEqual(before);
  });

  it("rejects low > high by exact comparison, not floats", async () => {
    const attempt = (low: string, high: string) =>
      patch(A.main, recharge({ value: low }, { value: high }));
    const over = await attempt("0.30000000000000000001", "0.3");
    expect(over.status).toBe(400);
    expect(violationFields(over.body)).toEqual(["billing_account.credit_balance_recharge.high"]);
    expect((await attempt("3e2", "299.9999999999999999")).status).toBe(400);
    const equal = await attempt("2.50", "2.5");
    expect(equal.status).toBe(200);
    expect(equal.body.creditBalanceRecharge.low).toEqual({ value: "2.50" });
  });

  it("requires autoRecharge, low and high when creditBalanceRecharge is sent", async () => {
    const res = await patch(A.main, {
      updateMask: "creditBalanceRecharge",
      billingAccount: { creditBalanceRecharge: { high: { value: "5" } } },
    });
    expect(res.status).toBe(400);
    expect(violationFields(res.body).sort()).toEqual([
      "billing_account.credit_balance_recharge.auto_recharge",
      "billing_account.credit_balance_recharge.low",
    ]);
  });

  it.each([
    ["a blank displayName", "displayName", { displayName: "   " }, "display_name"],
    ["a masked but absent displayName", "displayName", {}, "display_name"],
    ["a non-string displayName", "displayName", { displayName: 42 }, "display_name"],
    [
      "a 3-letter country",
      "billingAddress",
      { billingAddress: { country: "SWE" } },
      "billing_address.country",
    ],
    [
      "a non-string city",
      "billingAddress.city",
      { billingAddress: { city: 7 } },
      "billing_address.city",
    ],
    ["a non-object address", "billingAddress", { billingAddress: "Oslo" }, "billing_address"],
    ["a taxId value without type", "taxId", { taxId: { value: "SE1" } }, "tax_id.type"],
  ])("rejects %s", async (_label, updateMask, billingAccount, field) => {
    const before = await main();
    const res = await patch(A.main, { updateMask, billingAccount });
    expect(res.status).toBe(400);
    expect(violationFields(res.body)).toEqual([`billing_account.${field}`]);
    expect(await main()).toEqual(before);
  });

  it("refuses to update a deleted account with 409 FAILED_PRECONDITION", async () => {
    const res = await patch(A.deleted, rename("Back"), K.many);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 409, status: "FAILED_PRECONDITION" });
  });

  it("updates a suspended account", async () => {
    const res = await patch(A.suspended, rename("Paid"), K.many);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ displayName: "Paid", state: "STATE_SUSPENDED_PAYMENT" });
  });

  it("answers 400 for a body that is not JSON", async () => {
    const res = await send("PATCH", `/v1/billing-accounts/${A.main}`, K.owner, "{not json");
    expect(res.status).toBe(400);
    expect(res.body.status).toBe("INVALID_ARGUMENT");
  });
});

describe("Cudo simulator: auth, routing and error shapes", () => {
  it("answers 401 UNAUTHENTICATED without a key, with an unknown key or scheme", async () => {
    for (const res of [
      await send("GET", "/v1/billing-accounts"),
      await list("", "cudo_not_a_real_key"),
      await send("GET", "/v1/billing-accounts", K.owner, undefined, "Basic"),
    ]) {
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ code: 401, status: "UNAUTHENTICATED" });
      expect(res.body.details[0]).toMatchObject({
        "@type": "type.googleapis.com/google.rpc.ErrorInfo",
        domain: "compute.cudo.dev",
      });
    }
  });

  it("answers 403 PERMISSION_DENIED on an account the key does not own", async () => {
    const foreign = await get(A.foreign, K.owner);
    expect(foreign.status).toBe(403);
    expect(foreign.body).toMatchObject({ code: 403, status: "PERMISSION_DENIED" });
    expect(foreign.body.details[0].metadata).toEqual({ billingAccountId: A.foreign });
    expect((await get(A.main, K.none)).status).toBe(403);
    const write = await patch(A.teamA, rename("x"));
    expect(write.status).toBe(403);
    expect((await get(A.teamA, K.two)).body.displayName).toBe("Team A");
  });

  it("answers 404 NOT_FOUND for an unknown id and an unknown route", async () => {
    const unknown = await get("ba-does-not-exist");
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 404, status: "NOT_FOUND" });
    const route = await send("GET", "/v1/projects", K.owner);
    expect(route.status).toBe(404);
    expect(route.body.status).toBe("NOT_FOUND");
  });

  it("answers 501 UNIMPLEMENTED for a known path with another method", async () => {
    const res = await send("DELETE", `/v1/billing-accounts/${A.main}`, K.owner);
    expect(res.status).toBe(501);
    expect(res.body).toMatchObject({ code: 501, status: "UNIMPLEMENTED" });
    expect((await get(A.main)).status).toBe(200);
  });

  it("switches to grpc-gateway's Status shape with gRPC numeric codes", async () => {
    sim.state.errorShape = "status";
    const cases: [Promise<{ status: number; body: Body }>, number, number][] = [
      [list("?pageSize=-1"), 400, 3],
      [list("", "bad-key"), 401, 16],
      [get(A.foreign), 403, 7],
      [get("ba-nope"), 404, 5],
      [patch(A.deleted, rename("x"), K.many), 409, 9],
    ];
    for (const [pending, http, grpc] of cases) {
      const res = await pending;
      expect(res.status).toBe(http);
      expect(res.body.code).toBe(grpc);
      expect(res.body).not.toHaveProperty("status");
      expect(typeof res.body.message).toBe("string");
      expect(Array.isArray(res.body.details)).toBe(true);
    }
  });

  it("builds injected fault bodies in either shape with cudoErrorBody", async () => {
    expect(cudoErrorBody("aip193", 500, "INTERNAL", "boom")).toEqual({
      code: 500,
      status: "INTERNAL",
      message: "boom",
      details: [],
    });
    const body = cudoErrorBody("status", 500, "INTERNAL", "boom");
    sim.control.failNext({ status: 500, body, match: "GET" });
    const res = await get(A.main);
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ code: 13, message: "boom", details: [] });
    expect((await get(A.main)).status).toBe(200);
  });

  it("rate-limits per key when asked: 429 with RetryInfo and Retry-After", async () => {
    sim.state.rateLimit = { limit: 2, windowMs: 30_000 };
    expect((await get(A.main)).status).toBe(200);
    expect((await list()).status).toBe(200);
    const limited = await get(A.main);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("30");
    expect(limited.body).toMatchObject({ code: 429, status: "RESOURCE_EXHAUSTED" });
    expect(limited.body.details).toContainEqual({
      "@type": "type.googleapis.com/google.rpc.RetryInfo",
      retryDelay: "30s",
    });
    expect((await list("", K.two)).status).toBe(200);

    sim.state.errorShape = "status";
    expect((await get(A.main)).body.code).toBe(8);
    sim.state.rateLimit = undefined;
    expect((await get(A.main)).status).toBe(200);
  });

  it("starts a new window once the old one has passed", async () => {
    let clock = Date.parse("2026-12-01T12:00:00Z");
    sim.state.now = () => clock;
    try {
      sim.state.rateLimit = { limit: 1, windowMs: 50 };
      expect((await get(A.main)).status).toBe(200);
      clock += 49;
      expect((await get(A.main)).status).toBe(429);
      clock += 1;
      expect((await get(A.main)).status).toBe(200);
    } finally {
      sim.state.now = Date.now;
    }
  });
});
