import { afterAll, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import {
  DEPICTA_DEMO_KEYS,
  depictaErrorBody,
  startDepictaSimulator,
} from "../../src/providers/depicta/simulator/depicta.simulator.js";
import {
  DepictaAccountByIdDocument,
  DepictaAccountDocument,
  DepictaAliasesDocument,
  DepictaBalanceDocument,
  UpdateProfileNameDocument,
  UpdateProfileNameThenReadDocument,
} from "../__generated__/operations.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { barrier } from "../helpers/barrier.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());
beforeEach(() => server.resetSims());

const depicta = () => server.sims.depicta.control;
const users = () => server.sims.depicta.state.users;
const key = (value: string) => ({ "X-Depicta-Api-Key": value });
const PROFILE = "/v1/account/profile";
const MAIN_ID = "6eb15ef1-9de7-4971-b55e-babbe35b7544";
const SPARSE_ID = "d9cb508d-3921-4af0-b01c-b63542d63ed2";

const ENTITIES = `query ($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on DepictaAccount { id email } }
}`;

describe("Depicta read", () => {
  it("maps the whole profile with exact decimals and timestamps from one GET", async () => {
    const { status, body } = await server.gql(DepictaAccountDocument);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data?.account).toEqual({
      provider: "DEPICTA",
      id: MAIN_ID,
      name: "Ada Lovelace",
      email: "ada@example.com",
      emailVerified: true,
      balanceEur: "9.955000",
      heldEur: "0.000000",
      freeTrialPendingEur: null,
      creditLimitCents: 2500,
      creditLimitEur: "25.00",
      createdAt: "2025-03-14T09:26:53.589Z",
      creditsExpireAt: "2027-02-01T10:00:00.000Z",
      pendingCreditNotice: false,
      promptAnalysisOptIn: true,
      twoFactorEnabled: false,
      oauthProviders: ["google", "github"],
    });
    expect(depicta().calls).toHaveLength(1);
    const [call] = depicta().calls;
    expect(call!.method).toBe("GET");
    expect(call!.path).toBe(PROFILE);
    expect(call!.rawBody).toBe("");
    expect(call!.headers.authorization).toBe(`Bearer ${DEPICTA_DEMO_KEYS.main}`);
  });

  it("reads the sparse profile: null name, providers, expiry and free-trial amount", async () => {
    const { body } = await server.gql(DepictaAccountDocument, {}, key(DEPICTA_DEMO_KEYS.sparse));
    expect(body.errors).toBeUndefined();
    expect(body.data?.account).toMatchObject({
      id: SPARSE_ID,
      name: null,
      balanceEur: "0.000000",
      freeTrialPendingEur: null,
      creditLimitCents: 0,
      creditLimitEur: "0.00",
      creditsExpireAt: null,
      oauthProviders: null,
    });
    expect(depicta().calls[0]!.headers.authorization).toBe(`Bearer ${DEPICTA_DEMO_KEYS.sparse}`);
  });

  it("reads the free-trial amount of an unverified user and an empty provider list", async () => {
    const headers = key(DEPICTA_DEMO_KEYS.unverified);
    const { body } = await server.gql(DepictaAccountDocument, {}, headers);
    expect(body.data?.account).toMatchObject({
      emailVerified: false,
      freeTrialPendingEur: "1.000000",
      oauthProviders: [],
    });
  });

  it("keeps held amounts, notices and 2FA of a user mid-generation", async () => {
    const headers = key(DEPICTA_DEMO_KEYS.lowBalance);
    const { body } = await server.gql(DepictaAccountDocument, {}, headers);
    expect(body.data?.account).toMatchObject({
      balanceEur: "0.004000",
      heldEur: "0.120000",
      creditLimitEur: "5.00",
      pendingCreditNotice: true,
      twoFactorEnabled: true,
    });
  });

  it.each([
    [5, "0.05"],
    [-150, "-1.50"],
    [123456789, "1234567.89"],
    // Beyond GraphQL Int (2^31 − 1): SafeInt holds it.
    [3_000_000_000, "30000000.00"],
    [Number.MAX_SAFE_INTEGER, "90071992547409.91"],
  ])("converts %i credit-limit cents to exactly %s EUR", async (cents, eur) => {
    users().get(MAIN_ID)!.credit_limit_cents = cents;
    const { body } = await server.gql(DepictaAccountDocument);
    expect(body.data?.account).toMatchObject({ creditLimitCents: cents, creditLimitEur: eur });
  });

  it("keeps a balance no float could hold, digit for digit", async () => {
    users().get(MAIN_ID)!.balance_eur = "90071992547409931.000001";
    const { body } = await server.gql(DepictaBalanceDocument);
    expect(body.data?.account).toEqual({ balanceEur: "90071992547409931.000001" });
  });

  it("serves aliases, `accounts` and entity references from one call per request", async () => {
    const { body } = await server.gql(DepictaAliasesDocument);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      a: { id: MAIN_ID },
      b: { balanceEur: "9.955000" },
      all: [{ email: "ada@example.com" }],
    });
    expect(depicta().count(PROFILE)).toBe(1);

    const entities = await server.gql(ENTITIES, {
      representations: [
        { __typename: "DepictaAccount", id: MAIN_ID },
        { __typename: "DepictaAccount", id: MAIN_ID },
      ],
    });
    expect(entities.body.data).toEqual({
      _entities: [
        { id: MAIN_ID, email: "ada@example.com" },
        { id: MAIN_ID, email: "ada@example.com" },
      ],
    });
    expect(depicta().count(PROFILE)).toBe(2);
  });

  it("answers NOT_FOUND, never another account, for an id that is not the caller's", async () => {
    const { body } = await server.gql(DepictaAccountByIdDocument, { id: SPARSE_ID });
    expect(body.data?.account).toBeNull();
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "NOT_FOUND", provider: "DEPICTA" });
    expect(JSON.stringify(body)).not.toContain("sparse@example.com");

    const entity = await server.gql(ENTITIES, {
      representations: [{ __typename: "DepictaAccount", id: SPARSE_ID }],
    });
    expect(entity.body.data).toEqual({ _entities: [null] });
    expect(entity.body.errors?.[0]?.extensions).toMatchObject({ code: "NOT_FOUND" });

    const own = await server.gql(DepictaAccountByIdDocument, { id: MAIN_ID });
    expect(own.body.data?.account).toEqual({ id: MAIN_ID });
  });

  it("includes DEPICTA in `accounts`", async () => {
    const { body } = await server.gql(`{ accounts { provider id } }`);
    const items = body.data?.accounts as ({ provider: string; id: string } | null)[];
    expect(items).toContainEqual({ provider: "DEPICTA", id: MAIN_ID });
  });

  it("answers UPSTREAM_ERROR naming the missing keys of an incomplete profile", async () => {
    depicta().failNext({ status: 200, body: { user: { id: MAIN_ID, email: "ada@example.com" } } });
    const { body } = await server.gql(DepictaAccountDocument);
    expect(body.data?.account).toBeNull();
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: "UPSTREAM_ERROR",
      provider: "DEPICTA",
      upstreamStatus: 200,
    });
    expect(body.errors?.[0]?.message).toContain("user.balance_eur missing");
    expect(body.errors?.[0]?.message).toContain("user.created_at missing");
  });

  it("fails only the field whose optional value is malformed, not its siblings", async () => {
    const { suspended: _omit, ...wire } = users().get(MAIN_ID)!;
    depicta().failNext({ status: 200, body: { user: { ...wire, credits_expire_at: "soon" } } });
    const { body } = await server.gql(DepictaAccountDocument);
    expect(body.data?.account).toMatchObject({ id: MAIN_ID, creditsExpireAt: null });
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0]?.path).toEqual(["account", "creditsExpireAt"]);
    expect(body.errors?.[0]?.extensions?.code).toBe("UPSTREAM_ERROR");
  });

  it("answers UPSTREAM_ERROR when the body has no user at all", async () => {
    depicta().failNext({ status: 200, body: { profile: {} } });
    const { body } = await server.gql(DepictaAccountDocument);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "UPSTREAM_ERROR" });
    expect(body.errors?.[0]?.message).toContain("no user object");
  });
});

describe("updateProfileName", () => {
  it("sends the trimmed name; every field of the answer needs no second call", async () => {
    const { body } = await server.gql(UpdateProfileNameDocument, {
      input: { name: "  Grace Hopper \n" },
    });
    expect(body.errors).toBeUndefined();
    expect(body.data?.updateProfileName).toMatchObject({
      id: MAIN_ID,
      name: "Grace Hopper",
      email: "ada@example.com",
      balanceEur: "9.955000",
      creditLimitEur: "25.00",
      createdAt: "2025-03-14T09:26:53.589Z",
      oauthProviders: ["google", "github"],
    });
    expect(depicta().calls).toHaveLength(1);
    const [call] = depicta().calls;
    expect(call!.method).toBe("PATCH");
    expect(call!.path).toBe(PROFILE);
    expect(call!.body).toEqual({ name: "Grace Hopper" });
    expect(call!.headers["content-type"]).toMatch(/^application\/json/);
    expect(users().get(MAIN_ID)!.name).toBe("Grace Hopper");
  });

  it("answers a small selection from the PATCH alone", async () => {
    const input = { name: "Ada" };
    const { body } = await server.gql(UpdateProfileNameThenReadDocument, { input });
    expect(body.data?.updateProfileName).toEqual({ id: MAIN_ID, name: "Ada" });
    expect(depicta().count()).toBe(1);
    expect(depicta().count("GET")).toBe(0);
  });

  it("clears the name with null", async () => {
    const { body } = await server.gql(UpdateProfileNameDocument, { input: { name: null } });
    expect(body.errors).toBeUndefined();
    expect(body.data?.updateProfileName.name).toBeNull();
    expect(depicta().calls[0]!.body).toEqual({ name: null });
    expect(users().get(MAIN_ID)!.name).toBeNull();
  });

  it("accepts exactly 100 characters after trimming", async () => {
    const name = "é".repeat(100);
    const input = { name: `  ${name}  ` };
    const { body } = await server.gql(UpdateProfileNameDocument, { input });
    expect(body.errors).toBeUndefined();
    expect(depicta().calls[0]!.body).toEqual({ name });
  });

  it.each([
    ["101 characters after trimming", `  ${"x".repeat(101)}  `],
    ["a blank name", "   "],
    ["an empty name", ""],
  ])("rejects %s with zero upstream calls", async (_case, name) => {
    const { body } = await server.gql(UpdateProfileNameDocument, { input: { name } });
    expect(body.data).toBeNull();
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      fieldErrors: [{ field: "input.name", message: expect.stringContaining("1 to 100") }],
    });
    expect(depicta().count()).toBe(0);
    expect(users().get(MAIN_ID)!.name).toBe("Ada Lovelace");
  });

  it("rejects a left-out name (rather than clearing it) with zero upstream calls", async () => {
    const { body } = await server.gql(UpdateProfileNameDocument, { input: {} });
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      fieldErrors: [{ field: "input.name" }],
    });
    expect(depicta().count()).toBe(0);
  });

  it("maps Depicta's 400 naming a field to BAD_USER_INPUT at input.name", async () => {
    const problem = depictaErrorBody("bad_request", "name contains unsupported characters.", {
      field: "name",
    });
    depicta().failNext({ status: 400, body: problem, match: "PATCH" });
    const { body } = await server.gql(UpdateProfileNameDocument, { input: { name: "Ada" } });
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      provider: "DEPICTA",
      upstreamStatus: 400,
      upstreamCode: "bad_request",
      upstreamRequestId: problem.request_id,
      fieldErrors: [{ field: "input.name", message: "name contains unsupported characters." }],
    });
  });

  it("is refused for an unverified email (403 auth_email_not_verified)", async () => {
    const { body } = await server.gql(
      UpdateProfileNameDocument,
      { input: { name: "New" } },
      key(DEPICTA_DEMO_KEYS.unverified),
    );
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: "FORBIDDEN",
      provider: "DEPICTA",
      upstreamStatus: 403,
      upstreamCode: "auth_email_not_verified",
      retryable: false,
    });
    expect(body.errors?.[0]?.message).toContain("Verify your email address");
    expect(depicta().count()).toBe(1);
    expect(users().get("ee77b943-38a4-491b-8cfe-018bb82a37bf")!.name).toBe("Trial User");
  });

  it("is never retried: a 429 reaches the caller with retryAfterSeconds", async () => {
    depicta().failNext({
      status: 429,
      body: depictaErrorBody("rate_limited", "too many concurrent requests (max 10)"),
      headers: { "retry-after": "1" },
    });
    const { body } = await server.gql(UpdateProfileNameDocument, { input: { name: "Ada" } });
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: "RATE_LIMITED",
      upstreamCode: "rate_limited",
      retryAfterSeconds: 1,
      retryable: true,
    });
    expect(depicta().count()).toBe(1);
  });

  it("is never retried: a 500 is UPSTREAM_ERROR after one call", async () => {
    depicta().failNext({ status: 500, body: depictaErrorBody("internal_error", "Server error.") });
    const { body } = await server.gql(UpdateProfileNameDocument, { input: { name: "Ada" } });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "UPSTREAM_ERROR", retryable: true });
    expect(depicta().count()).toBe(1);
  });
});

describe("Depicta errors", () => {
  it.each([
    ["an unknown key", "dpct_UnknownKeyAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"],
    ["a malformed key", "not-a-depicta-key"],
  ])("maps %s (401 auth_invalid) to UNAUTHENTICATED", async (_case, apiKey) => {
    const { body } = await server.gql(DepictaAccountDocument, {}, key(apiKey));
    expect(body.data?.account).toBeNull();
    const extensions = body.errors?.[0]?.extensions;
    expect(extensions).toMatchObject({
      code: "UNAUTHENTICATED",
      provider: "DEPICTA",
      upstreamStatus: 401,
      upstreamCode: "auth_invalid",
      retryable: false,
    });
    expect(extensions?.upstreamRequestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.errors?.[0]?.message).toMatch(/^Depicta rejected the credential \(HTTP 401\)/);
    expect(JSON.stringify(body)).not.toContain(apiKey);
    expect(depicta().count()).toBe(1);
  });

  it("maps 402 credit_insufficient to PAYMENT_REQUIRED with Depicta's request id", async () => {
    const problem = depictaErrorBody(
      "credit_insufficient",
      "Your balance is too low for this generation. Top up at https://depicta.ai/dashboard/billing",
    );
    depicta().failNext({ status: 402, body: problem });
    const { body } = await server.gql(DepictaAccountDocument);
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: "PAYMENT_REQUIRED",
      upstreamStatus: 402,
      upstreamCode: "credit_insufficient",
      upstreamRequestId: problem.request_id,
    });
    expect(body.errors?.[0]?.message).toContain("Your balance is too low");
  });

  it("maps 403 account_suspended to FORBIDDEN", async () => {
    const { body } = await server.gql(DepictaAccountDocument, {}, key(DEPICTA_DEMO_KEYS.suspended));
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: "FORBIDDEN",
      upstreamStatus: 403,
      upstreamCode: "account_suspended",
    });
    expect(depicta().count()).toBe(1);
  });

  it("maps 429 beyond the retry cap to RATE_LIMITED with retryAfterSeconds", async () => {
    depicta().failNext({
      status: 429,
      body: depictaErrorBody("rate_limited", "too many concurrent requests (max 10)"),
      headers: { "retry-after": "120" },
    });
    const { body } = await server.gql(DepictaAccountDocument);
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: "RATE_LIMITED",
      upstreamStatus: 429,
      upstreamCode: "rate_limited",
      retryAfterSeconds: 120,
      retryable: true,
    });
    expect(depicta().count()).toBe(1);
  });

  it("retries a 500 on the read and succeeds", async () => {
    depicta().failNext({ status: 500, body: depictaErrorBody("internal_error", "Server error.") });
    const { body } = await server.gql(DepictaAccountDocument);
    expect(body.errors).toBeUndefined();
    expect(depicta().count(PROFILE)).toBe(2);
  });

  it("gives UPSTREAM_ERROR (retryable) once the read's attempts are used up", async () => {
    depicta().failNext({
      status: 500,
      body: depictaErrorBody("internal_error", "Server error."),
      times: 3,
    });
    const { body } = await server.gql(DepictaAccountDocument);
    expect(body.data?.account).toBeNull();
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: "UPSTREAM_ERROR",
      provider: "DEPICTA",
      upstreamStatus: 500,
      upstreamCode: "internal_error",
      retryable: true,
    });
    expect(depicta().count()).toBe(3);
  });
});

describe("Depicta concurrency", () => {
  it("keeps at most 10 calls in flight per key over 30 requests, none refused", async () => {
    // Held until ten are in flight together: a limiter that let fewer through would never get there.
    depicta().hold = barrier(10).arrive;
    const answers = await Promise.all(
      Array.from({ length: 30 }, () => server.gql(DepictaBalanceDocument)),
    );
    for (const { body } of answers) {
      expect(body.errors).toBeUndefined();
      expect(body.data?.account).toEqual({ balanceEur: "9.955000" });
    }
    expect(depicta().maxInFlightByKey.get(DEPICTA_DEMO_KEYS.main)).toBe(10);
    // No 429 and so no retry: exactly one call per GraphQL request.
    expect(depicta().count()).toBe(30);
  });

  it("limits each key on its own", async () => {
    // Held until eleven are in flight together, which only a budget per credential allows.
    depicta().hold = barrier(11).arrive;
    const keys = [DEPICTA_DEMO_KEYS.main, DEPICTA_DEMO_KEYS.lowBalance];
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        server.gql(DepictaBalanceDocument, {}, key(keys[i % 2]!)),
      ),
    );
    expect(answers.every(a => a.body.errors === undefined)).toBe(true);
    for (const apiKey of keys) {
      expect(depicta().maxInFlightByKey.get(apiKey)).toBeLessThanOrEqual(10);
    }
    expect(depicta().maxInFlight).toBeGreaterThanOrEqual(11);
  });
});

describe("Depicta live mode", () => {
  it("calls a Depicta at any base URL with the caller's key, and none without a key", async () => {
    const upstream = await startDepictaSimulator();
    const live = await startTestServer({ PROVIDERS_MODE: "live", DEPICTA_BASE_URL: upstream.url });
    try {
      const { body } = await live.gql(DepictaAccountDocument, {}, key(DEPICTA_DEMO_KEYS.sparse));
      expect(body.errors).toBeUndefined();
      expect(body.data?.account).toMatchObject({ id: SPARSE_ID, email: "sparse@example.com" });
      expect(upstream.control.calls).toHaveLength(1);
      expect(upstream.control.calls[0]!.path).toBe(PROFILE);
      expect(upstream.control.calls[0]!.headers.authorization).toBe(
        `Bearer ${DEPICTA_DEMO_KEYS.sparse}`,
      );

      const bare = await live.gql(DepictaAccountDocument);
      expect(bare.body.errors?.[0]?.extensions).toMatchObject({
        code: "UNAUTHENTICATED",
        provider: "DEPICTA",
      });
      expect(bare.body.errors?.[0]?.message).toContain("X-Depicta-Api-Key");
      expect(upstream.control.calls).toHaveLength(1);
      expect(live.logs.text).not.toContain(DEPICTA_DEMO_KEYS.sparse);
    } finally {
      await live.stop();
      await upstream.close();
    }
  });
});

describe("Depicta secrets", () => {
  it("never puts the credential in responses or logs, even when Depicta echoes it", async () => {
    const secret = "dpct_SecretKey9f8e7d6c5b4a3210ZYXWVUTSRQPONMLKJI";
    server.sims.depicta.state.keys.set(secret, MAIN_ID);
    depicta().failNext({
      status: 401,
      body: depictaErrorBody("auth_invalid", `Invalid API key ${secret}.`),
    });
    const failed = await server.gql(DepictaAccountDocument, {}, key(secret));
    const ok = await server.gql(DepictaAccountDocument, {}, key(secret));
    const input = { name: "Ada" };
    const renamed = await server.gql(UpdateProfileNameDocument, { input }, key(secret));
    expect(failed.body.errors?.[0]?.message).toContain("[REDACTED]");
    expect(ok.body.data?.account).toMatchObject({ id: MAIN_ID });
    expect(renamed.body.errors).toBeUndefined();
    expect(depicta().calls.every(c => c.headers.authorization === `Bearer ${secret}`)).toBe(true);
    for (const text of [
      JSON.stringify(failed.body),
      JSON.stringify(ok.body),
      JSON.stringify(renamed.body),
      server.logs.text,
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(server.logs.lines.length).toBeGreaterThan(0);
  });

  it("redacts the caller's key, and runs of it, when Depicta echoes it in data", async () => {
    const secret = "dpct_EchoKey1a2B3c4D5e6F7g8H9i0J1k2L3m4N5o6P7q8R";
    server.sims.depicta.state.keys.set(secret, MAIN_ID);
    const query = "{ account(provider: DEPICTA) { ... on DepictaAccount { name email } } }";
    for (const [name, expected] of [
      [secret, "[REDACTED]"],
      [`partial ${secret.slice(0, 9)}...`, "partial [REDACTED]..."],
      [`ends ...${secret.slice(-10)}`, "ends ...[REDACTED]"],
      // Someone else's key, by its documented shape.
      ["dpct_SomeoneElse0123456789abcdefABCDEF0123456789ab", "[REDACTED]"],
      ["Ada Lovelace", "Ada Lovelace"],
    ]) {
      users().get(MAIN_ID)!.name = name;
      const { body } = await server.gql(query, {}, key(secret));
      expect(body.errors).toBeUndefined();
      expect((body.data?.account as { name: string }).name).toBe(expected);
    }
    // The same document again (from Apollo's document cache) redacts alike.
    users().get(MAIN_ID)!.name = secret;
    const again = await server.gql(query, {}, key(secret));
    expect(JSON.stringify(again.body)).not.toContain(secret.slice(0, 9));
  });
});
