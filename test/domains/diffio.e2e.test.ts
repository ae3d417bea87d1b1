import { afterAll, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import { DIFFIO_DEMO_KEYS } from "../../src/providers/diffio/simulator/diffio.simulator.js";
import {
  DiffioAccountByIdDocument,
  DiffioAccountDocument,
  DiffioThreeAliasesDocument,
  UpdateBillingPolicyDocument,
  UpdateThenReadDocument,
} from "../__generated__/operations.js";
import { startTestServer, type TestServer } from "../helpers/server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());
beforeEach(() => server.resetSims());

const diffio = () => server.sims.diffio.control;
const key = (value: string) => ({ "X-Diffio-Api-Key": value });

describe("Diffio read", () => {
  it("maps the settings, upper-cases the currency and sends one POST with the server's demo key", async () => {
    const { status, body } = await server.gql(DiffioAccountDocument);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data?.account).toEqual({
      provider: "DIFFIO",
      id: "user_demo_1",
      userId: "user_demo_1",
      apiKeyId: "key_demo_admin",
      billingMode: "developerProgressive",
      billingStatus: "active",
      billingPolicy: { type: "CUSTOMER_STRIPE", reason: null, updatedAt: null, updatedByKeyId: null },
      currency: "USD",
      updatedAt: "2026-05-09T12:00:00.000Z",
    });
    expect(diffio().calls).toHaveLength(1);
    const [call] = diffio().calls;
    expect(call!.method).toBe("POST");
    expect(call!.path).toBe("/v1/account/settings/get");
    expect(call!.body).toEqual({});
    expect(call!.headers.authorization).toBe(`Bearer ${DIFFIO_DEMO_KEYS.admin}`);
    expect(call!.headers["content-type"]).toMatch(/^application\/json/);
  });

  it("uses the caller's header credential over the server-side key", async () => {
    const { body } = await server.gql(DiffioAccountDocument, {}, key(DIFFIO_DEMO_KEYS.otherAdmin));
    expect(body.data?.account?.id).toBe("user_demo_2");
    expect(diffio().calls[0]!.headers.authorization).toBe(`Bearer ${DIFFIO_DEMO_KEYS.otherAdmin}`);
  });

  it("reads a missing policy as CUSTOMER_STRIPE and applies Diffio's documented defaults", async () => {
    const { body } = await server.gql(DiffioAccountDocument, {}, key(DIFFIO_DEMO_KEYS.otherAdmin));
    const account = body.data!.account as { billingPolicy: { type: string }; billingMode: string; billingStatus: string; currency: string; updatedAt: string | null };
    expect(account.billingPolicy.type).toBe("CUSTOMER_STRIPE");
    expect(account.billingMode).toBe("free");
    expect(account.billingStatus).toBe("active");
    expect(account.currency).toBe("EUR");
    expect(account.updatedAt).toBeNull();
  });

  it("serves three aliases of the account from one upstream call", async () => {
    const { body } = await server.gql(DiffioThreeAliasesDocument);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      a: { id: "user_demo_1" },
      b: { currency: "USD" },
      c: { billingPolicy: { type: "CUSTOMER_STRIPE" } },
    });
    expect(diffio().count("/v1/account/settings/get")).toBe(1);
  });

  it("answers NOT_FOUND, not another account, for an id that is not the caller's", async () => {
    const { body } = await server.gql(DiffioAccountByIdDocument, { id: "user_someone_else" });
    expect(body.data?.account).toBeNull();
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "NOT_FOUND", provider: "DIFFIO" });
    const own = await server.gql(DiffioAccountByIdDocument, { id: "user_demo_1" });
    expect(own.body.data?.account?.id).toBe("user_demo_1");
  });

  it("retries a 500 on the read and succeeds", async () => {
    diffio().failNext({ status: 500, body: { error: "Failed to initialize account settings." } });
    const { body } = await server.gql(DiffioAccountDocument);
    expect(body.errors).toBeUndefined();
    expect(body.data?.account?.id).toBe("user_demo_1");
    expect(diffio().count("/v1/account/settings/get")).toBe(2);
  });

  it("gives UPSTREAM_ERROR (retryable) after the read's attempts are used up", async () => {
    diffio().failNext({ status: 503, body: { error: "Service unavailable." }, times: 3 });
    const { body } = await server.gql(DiffioAccountDocument);
    expect(body.data?.account).toBeNull();
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: "UPSTREAM_ERROR",
      provider: "DIFFIO",
      upstreamStatus: 503,
      retryable: true,
    });
    expect(diffio().count()).toBe(3);
  });

  it("retries a reset connection on the read", async () => {
    diffio().failNext({ kind: "reset" });
    const { body } = await server.gql(DiffioAccountDocument);
    expect(body.data?.account?.id).toBe("user_demo_1");
    expect(diffio().count()).toBe(2);
  });
});

describe("Diffio values of the wrong type", () => {
  it("errors at the field with UPSTREAM_ERROR instead of serving null or failing as internal", async () => {
    const account = {
      userId: "user_demo_1",
      currency: "usd",
      billingPolicy: { type: "internalDiffio", reason: ["a", "list"], updatedAt: { seconds: 1700000000 } },
    };
    diffio().failNext({ status: 200, body: { apiKeyId: "key_demo_admin", account }, match: "settings/get" });
    const { body } = await server.gql(DiffioAccountDocument);
    expect(body.data?.account).toMatchObject({
      currency: "USD",
      billingPolicy: { type: "INTERNAL_DIFFIO", reason: null, updatedAt: null },
    });
    const errors = (body.errors ?? []).map(e => [e.path?.join("."), e.extensions?.code, e.extensions?.provider]);
    expect(errors.sort()).toEqual([
      ["account.billingPolicy.reason", "UPSTREAM_ERROR", "DIFFIO"],
      ["account.billingPolicy.updatedAt", "UPSTREAM_ERROR", "DIFFIO"],
    ]);
  });
});

describe("Diffio errors", () => {
  const cases: [string, string, Record<string, unknown>][] = [
    ["an unknown key (401)", "diffio_live_not_a_key", { code: "UNAUTHENTICATED", upstreamStatus: 401, upstreamCode: undefined }],
    ["a revoked key (403)", DIFFIO_DEMO_KEYS.revoked, { code: "FORBIDDEN", upstreamStatus: 403 }],
    ["a key without account:read (403)", DIFFIO_DEMO_KEYS.noScope, { code: "FORBIDDEN", upstreamStatus: 403 }],
  ];
  it.each(cases)("maps %s", async (_name, apiKey, expected) => {
    const { body } = await server.gql(DiffioAccountDocument, {}, key(apiKey));
    expect(body.data?.account).toBeNull();
    const extensions = body.errors?.[0]?.extensions ?? {};
    expect(extensions).toMatchObject({ provider: "DIFFIO", retryable: false, code: expected.code, upstreamStatus: expected.upstreamStatus });
    expect(body.errors?.[0]?.message).toMatch(/^Diffio /);
    expect(JSON.stringify(body)).not.toContain(apiKey);
  });

  it("maps the scoped-key refusal of an update (403) and keeps Diffio's message", async () => {
    const { body } = await server.gql(
      UpdateBillingPolicyDocument,
      { input: { type: "INTERNAL_DIFFIO" } },
      key(DIFFIO_DEMO_KEYS.scopedWriter),
    );
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", upstreamStatus: 403 });
    expect(body.errors?.[0]?.message).toContain("Privileged admin API key required");
  });

  it("maps a 400 to BAD_USER_INPUT with a field path into the input", async () => {
    diffio().failNext({ status: 400, body: { error: "billingPolicy.type is not supported." }, match: "update" });
    const { body } = await server.gql(UpdateBillingPolicyDocument, { input: { type: "CUSTOMER_STRIPE" } });
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      upstreamStatus: 400,
      fieldErrors: [{ field: "input.type", message: "billingPolicy.type is not supported." }],
    });
  });

  it("maps 402 with Diffio's code to PAYMENT_REQUIRED", async () => {
    diffio().failNext({ status: 402, body: { error: "Payment failed.", code: "paymentFailed" } });
    const { body } = await server.gql(DiffioAccountDocument);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "PAYMENT_REQUIRED", upstreamCode: "paymentFailed" });
  });

  it("maps 429 to RATE_LIMITED with retryAfterSeconds when Retry-After is beyond the retry cap", async () => {
    diffio().failNext({ status: 429, body: { error: "Rate limit exceeded.", code: "rateLimited" }, headers: { "retry-after": "120" } });
    const { body } = await server.gql(DiffioAccountDocument);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "RATE_LIMITED", retryAfterSeconds: 120, retryable: true });
    expect(diffio().count()).toBe(1);
  });

  it("caps an absurd Retry-After at an hour", async () => {
    diffio().failNext({ status: 429, body: { error: "Rate limit exceeded." }, headers: { "retry-after": "999999999999" } });
    const { body } = await server.gql(DiffioAccountDocument);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "RATE_LIMITED", retryAfterSeconds: 3600 });
    expect(diffio().count()).toBe(1);
  });

  it("waits out a short Retry-After on a read and succeeds", async () => {
    diffio().failNext({ status: 429, body: { error: "Rate limit exceeded." }, headers: { "retry-after": "1" } });
    const started = Date.now();
    const { body } = await server.gql(DiffioAccountDocument);
    expect(body.data?.account?.id).toBe("user_demo_1");
    expect(diffio().count()).toBe(2);
    // A lower bound only: a loaded machine makes the wait longer, never shorter.
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it("does not retry a 500 on the update", async () => {
    diffio().failNext({ status: 500, body: { error: "Failed to update account settings." }, match: "update" });
    const { body } = await server.gql(UpdateBillingPolicyDocument, { input: { type: "INTERNAL_DIFFIO" } });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "UPSTREAM_ERROR", upstreamStatus: 500, retryable: true });
    expect(diffio().count("/v1/account/settings/update")).toBe(1);
    expect(server.sims.diffio.state.accounts.get("user_demo_1")!.billingPolicy?.type).toBe("customerStripe");
  });

  it("gives UNAUTHENTICATED without any upstream call when no credential exists", async () => {
    const bare = await startTestServer({ PROVIDERS_MODE: "live", DIFFIO_BASE_URL: server.sims.diffio.url });
    try {
      const { body } = await bare.gql(DiffioAccountDocument);
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: "UNAUTHENTICATED", provider: "DIFFIO" });
      expect(body.errors?.[0]?.message).toContain("X-Diffio-Api-Key");
      expect(diffio().count()).toBe(0);
    } finally {
      await bare.stop();
    }
  });
});

describe("updateBillingPolicy", () => {
  it("sends the mapped policy with the trimmed reason and returns the updated account", async () => {
    const { body } = await server.gql(UpdateBillingPolicyDocument, {
      input: { type: "INTERNAL_DIFFIO", reason: "  internal test account  " },
    });
    expect(body.errors).toBeUndefined();
    const result = body.data!.updateBillingPolicy;
    expect(result.billingPolicy).toMatchObject({ type: "INTERNAL_DIFFIO", reason: "internal test account", updatedByKeyId: "key_demo_admin" });
    expect(result.billingPolicy.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(result.apiKeyId).toBeNull();
    const call = diffio().calls.find(c => c.path === "/v1/account/settings/update")!;
    expect(call.body).toEqual({ billingPolicy: { type: "internalDiffio", reason: "internal test account" } });
  });

  it("leaves a blank reason out of the request", async () => {
    await server.gql(UpdateBillingPolicyDocument, { input: { type: "CUSTOMER_STRIPE", reason: "   " } });
    expect(diffio().calls[0]!.body).toEqual({ billingPolicy: { type: "customerStripe" } });
  });

  it("serves a selection on the returned account without a second call", async () => {
    const { body } = await server.gql(UpdateThenReadDocument, { input: { type: "INTERNAL_DIFFIO" } });
    expect(body.data?.updateBillingPolicy).toEqual({ id: "user_demo_1", currency: "USD" });
    expect(diffio().count()).toBe(1);
  });

  it("rejects a reason over 500 characters (after trimming) with zero upstream calls", async () => {
    const { body } = await server.gql(UpdateBillingPolicyDocument, {
      input: { type: "INTERNAL_DIFFIO", reason: `  ${"x".repeat(501)}  ` },
    });
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      fieldErrors: [{ field: "input.reason", message: expect.stringContaining("500") }],
    });
    expect(diffio().count()).toBe(0);
  });

  it("accepts exactly 500 characters after trimming", async () => {
    const { body } = await server.gql(UpdateBillingPolicyDocument, {
      input: { type: "INTERNAL_DIFFIO", reason: ` ${"y".repeat(500)} ` },
    });
    expect(body.errors).toBeUndefined();
    expect(diffio().count()).toBe(1);
  });

  it("rejects an unknown policy type at the GraphQL layer with zero upstream calls", async () => {
    const { status, body } = await server.gql(UpdateBillingPolicyDocument, { input: { type: "FREE_FOR_ALL" } } as never);
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(diffio().count()).toBe(0);
  });
});

describe("Diffio timeouts", () => {
  it("answers UPSTREAM_TIMEOUT when Diffio hangs past UPSTREAM_TIMEOUT_MS", async () => {
    const slow = await startTestServer({ UPSTREAM_TIMEOUT_MS: "300" });
    try {
      slow.sims.diffio.control.failNext({ kind: "hang", times: 5 });
      // The simulator never answers: only the deadline can end this request, and its code says so.
      const { body } = await slow.gql(DiffioAccountDocument);
      expect(body.errors?.[0]?.extensions).toMatchObject({ code: "UPSTREAM_TIMEOUT", provider: "DIFFIO", retryable: true });
    } finally {
      await slow.stop();
    }
  });
});

describe("Diffio live mode", () => {
  it("works against a Diffio at any base URL with the caller's key", async () => {
    const { startDiffioSimulator } = await import("../../src/providers/diffio/simulator/diffio.simulator.js");
    const upstream = await startDiffioSimulator();
    const live = await startTestServer({ PROVIDERS_MODE: "live", DIFFIO_BASE_URL: `${upstream.url}/` });
    try {
      const { body } = await live.gql(DiffioAccountDocument, {}, key(DIFFIO_DEMO_KEYS.reader));
      expect(body.data?.account?.id).toBe("user_demo_1");
      expect(upstream.control.calls[0]!.path).toBe("/v1/account/settings/get");
      expect(upstream.control.calls[0]!.headers.authorization).toBe(`Bearer ${DIFFIO_DEMO_KEYS.reader}`);
    } finally {
      await live.stop();
      await upstream.close();
    }
  });
});

describe("Diffio secrets", () => {
  it("never puts the credential in responses or logs, even when the upstream echoes it", async () => {
    const secret = "diffio_live_secret_9f8e7d6c5b4a";
    server.sims.diffio.state.keys.set(secret, { keyId: "key_s", userId: "user_demo_1", role: "admin", scopes: ["account:read", "account:write"], status: "active" });
    diffio().failNext({ status: 401, body: { error: `Invalid API key ${secret}.` } });
    const failed = await server.gql(DiffioAccountDocument, {}, key(secret));
    const ok = await server.gql(DiffioAccountDocument, {}, key(secret));
    const updated = await server.gql(UpdateBillingPolicyDocument, { input: { type: "INTERNAL_DIFFIO" } }, key(secret));
    expect(failed.body.errors?.[0]?.message).toContain("[REDACTED]");
    expect(ok.body.data?.account?.id).toBe("user_demo_1");
    expect(updated.body.errors).toBeUndefined();
    for (const text of [JSON.stringify(failed.body), JSON.stringify(ok.body), JSON.stringify(updated.body), server.logs.text]) {
      expect(text).not.toContain(secret);
    }
    expect(server.logs.lines.length).toBeGreaterThan(0);
  });
});
