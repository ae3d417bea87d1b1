import { afterAll, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";

import {
  DEPICTA_DEMO_KEYS,
  DEPICTA_MAX_CONCURRENT,
  depictaErrorBody,
  startDepictaSimulator,
  type RunningDepictaSim,
} from "../../src/providers/depicta/simulator/depicta.simulator.js";
import { barrier } from "../helpers/barrier.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SIX_DECIMALS = /^\d+\.\d{6}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const PROFILE = "/v1/account/profile";

let sim: RunningDepictaSim;

beforeAll(async () => {
  sim = await startDepictaSimulator();
});

afterAll(async () => {
  await sim.close();
});

beforeEach(() => {
  sim.control.reset();
  sim.state.seed();
});

interface Answer {
  status: number;
  headers: Headers;
  body: any;
}

async function call(
  method: string,
  path: string,
  options: { key?: string; body?: unknown; rawBody?: string } = {},
): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (options.key !== undefined) headers.authorization = `Bearer ${options.key}`;
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(`${sim.url}${path}`, { method, headers, body });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

const getProfile = (key: string) => call("GET", PROFILE, { key });
const patchProfile = (key: string, body: unknown) => call("PATCH", PROFILE, { key, body });

function expectError(answer: Answer, status: number, error: string) {
  expect(answer.status).toBe(status);
  expect(answer.headers.get("content-type")).toMatch(/^application\/json/);
  expect(answer.body).toMatchObject({
    error,
    message: expect.any(String),
    request_id: expect.stringMatching(UUID),
  });
  expect(Object.keys(answer.body).sort()).toEqual(["details", "error", "message", "request_id"]);
  expect(answer.headers.get("x-request-id")).toBe(answer.body.request_id);
}

describe("Depicta simulator: demo keys", () => {
  it("uses the documented key format for every demo key", () => {
    const keys = Object.values(DEPICTA_DEMO_KEYS);
    expect(keys.length).toBeGreaterThanOrEqual(4);
    for (const key of keys) expect(key).toMatch(/^dpct_[A-Za-z0-9]{43}$/);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe("Depicta simulator: GET /v1/account/profile", () => {
  it("returns the full profile of the main user", async () => {
    const res = await getProfile(DEPICTA_DEMO_KEYS.main);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.headers.get("x-request-id")).toMatch(UUID);
    expect(Object.keys(res.body)).toEqual(["user"]);
    const user = res.body.user;
    expect(user).toEqual({
      id: expect.stringMatching(UUID),
      email: expect.stringContaining("@"),
      email_verified: true,
      name: "Ada Lovelace",
      created_at: expect.stringMatching(ISO),
      balance_eur: "9.955000",
      held_eur: "0.000000",
      credit_limit_cents: 2500,
      credits_expire_at: expect.stringMatching(ISO),
      pending_credit_notice: false,
      prompt_analysis_opt_in: true,
      providers: ["google", "github"],
      two_factor_enabled: false,
    });
    expect(user).not.toHaveProperty("free_trial_pending_eur");
  });

  it("returns null fields and omits free_trial_pending_eur for the sparse user", async () => {
    const res = await getProfile(DEPICTA_DEMO_KEYS.sparse);
    expect(res.status).toBe(200);
    const user = res.body.user;
    expect(user.name).toBeNull();
    expect(user.providers).toBeNull();
    expect(user.credits_expire_at).toBeNull();
    expect("free_trial_pending_eur" in user).toBe(false);
    expect(user.balance_eur).toMatch(SIX_DECIMALS);
    expect(user.held_eur).toBe("0.000000");
    expect(Number.isInteger(user.credit_limit_cents)).toBe(true);
  });

  it("shows free_trial_pending_eur only for the unverified free-trial user", async () => {
    const res = await getProfile(DEPICTA_DEMO_KEYS.unverified);
    expect(res.status).toBe(200);
    expect(res.body.user.email_verified).toBe(false);
    expect(res.body.user.free_trial_pending_eur).toMatch(SIX_DECIMALS);
  });

  it("shows a non-zero hold for the low-balance user", async () => {
    const res = await getProfile(DEPICTA_DEMO_KEYS.lowBalance);
    expect(res.status).toBe(200);
    expect(res.body.user.held_eur).toBe("0.120000");
    expect(Number(res.body.user.balance_eur)).toBeLessThan(0.01);
    expect(res.body.user.two_factor_enabled).toBe(true);
    expect(res.body.user.pending_credit_notice).toBe(true);
  });

  it("gives every answer its own request id", async () => {
    const a = await getProfile(DEPICTA_DEMO_KEYS.main);
    const b = await getProfile(DEPICTA_DEMO_KEYS.main);
    expect(a.headers.get("x-request-id")).not.toBe(b.headers.get("x-request-id"));
    const c = await getProfile("dpct_nope");
    const d = await getProfile("dpct_nope");
    expect(c.body.request_id).not.toBe(d.body.request_id);
  });
});

describe("Depicta simulator: PATCH /v1/account/profile", () => {
  const key = DEPICTA_DEMO_KEYS.main;
  const mainUser = () => sim.state.userForKey(key)!;

  it("renames with the trimmed name and returns the updated profile", async () => {
    const res = await patchProfile(key, { name: "  Grace Hopper \n" });
    expect(res.status).toBe(200);
    expect(res.body.user.name).toBe("Grace Hopper");
    expect(res.body.user.balance_eur).toBe("9.955000");
    expect(mainUser().name).toBe("Grace Hopper");
    expect((await getProfile(key)).body.user.name).toBe("Grace Hopper");
  });

  it("clears the name with null", async () => {
    const res = await patchProfile(key, { name: null });
    expect(res.status).toBe(200);
    expect(res.body.user.name).toBeNull();
    expect((await getProfile(key)).body.user.name).toBeNull();
  });

  it("sets a name on the sparse user", async () => {
    const res = await patchProfile(DEPICTA_DEMO_KEYS.sparse, { name: "Now Named" });
    expect(res.status).toBe(200);
    expect(res.body.user.name).toBe("Now Named");
    expect(res.body.user.providers).toBeNull();
  });

  it("accepts exactly 100 characters after trimming, counting code points", async () => {
    const hundred = "é".repeat(50) + "😀".repeat(50);
    const res = await patchProfile(key, { name: `   ${hundred}   ` });
    expect(res.status).toBe(200);
    expect(res.body.user.name).toBe(hundred);
  });

  it.each([
    ["too long", { name: "x".repeat(101) }, { field: "name", max_length: 100 }],
    ["blank", { name: "   \t " }, { field: "name" }],
    ["empty", { name: "" }, { field: "name" }],
    ["a number", { name: 42 }, { field: "name" }],
    ["a boolean", { name: true }, { field: "name" }],
    ["an object", { name: { first: "Ada" } }, { field: "name" }],
    ["an array", { name: ["Ada"] }, { field: "name" }],
    ["missing", { display_name: "Ada" }, { field: "name" }],
  ])("rejects a name that is %s with 400 and leaves the profile alone", async (_, body, want) => {
    const res = await patchProfile(key, body);
    expectError(res, 400, "bad_request");
    expect(res.body.details).toEqual(want);
    expect(mainUser().name).toBe("Ada Lovelace");
    expect((await getProfile(key)).body.user.name).toBe("Ada Lovelace");
  });

  it.each([
    ["invalid JSON", "{name:"],
    ["a JSON array", "[]"],
    ["a JSON string", '"Ada"'],
    ["JSON null", "null"],
  ])("rejects a body that is %s with 400", async (_, rawBody) => {
    const res = await call("PATCH", PROFILE, { key, rawBody });
    expectError(res, 400, "bad_request");
    expect(mainUser().name).toBe("Ada Lovelace");
  });

  it("rejects an empty body as a missing name", async () => {
    const res = await call("PATCH", PROFILE, { key });
    expectError(res, 400, "bad_request");
    expect(res.body.details).toEqual({ field: "name" });
  });

  it("refuses a user whose email is not verified with 403 auth_email_not_verified", async () => {
    const unverified = DEPICTA_DEMO_KEYS.unverified;
    const res = await patchProfile(unverified, { name: "New Name" });
    expectError(res, 403, "auth_email_not_verified");
    expect(sim.state.userForKey(unverified)!.name).toBe("Trial User");
  });
});

describe("Depicta simulator: auth, routes and methods", () => {
  it("answers 403 account_suspended to every profile call of a suspended account", async () => {
    const key = DEPICTA_DEMO_KEYS.suspended;
    expectError(await getProfile(key), 403, "account_suspended");
    expectError(await patchProfile(key, { name: "X" }), 403, "account_suspended");
    expect(sim.state.userForKey(key)!.name).toBe("Suspended User");
  });

  it.each([
    ["no Authorization header", undefined],
    ["a key without the dpct_ prefix", "sk_" + "a".repeat(43)],
    ["a malformed dpct_ key", "dpct_short"],
    ["a well-formed unknown key", "dpct_" + "Z".repeat(43)],
  ])("answers 401 auth_invalid for %s", async (_, key) => {
    expectError(await call("GET", PROFILE, { key }), 401, "auth_invalid");
    expectError(await call("PATCH", PROFILE, { key, body: { name: "X" } }), 401, "auth_invalid");
  });

  it("accepts a lower-case bearer scheme", async () => {
    const res = await fetch(`${sim.url}${PROFILE}`, {
      headers: { authorization: `bearer ${DEPICTA_DEMO_KEYS.main}` },
    });
    expect(res.status).toBe(200);
  });

  it("answers 404 not_found for an unknown route", async () => {
    const key = DEPICTA_DEMO_KEYS.main;
    expectError(await call("GET", "/v1/account/nope", { key }), 404, "not_found");
    expectError(await call("GET", "/v1/account/profile/", { key }), 404, "not_found");
    expectError(await call("GET", "/v1/account/nope"), 404, "not_found");
  });

  it("answers 405 method_not_allowed with an Allow header for other methods", async () => {
    for (const method of ["POST", "PUT", "DELETE"]) {
      const res = await call(method, PROFILE, { key: DEPICTA_DEMO_KEYS.main, body: { name: "X" } });
      expectError(res, 405, "method_not_allowed");
      expect(res.headers.get("allow")).toBe("GET, PATCH");
    }
    expect(sim.state.userForKey(DEPICTA_DEMO_KEYS.main)!.name).toBe("Ada Lovelace");
  });

  it("serves /health without a key", async () => {
    const res = await call("GET", "/health");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: "ok" });
  });
});

describe("Depicta simulator: concurrency limit", () => {
  /**
   * Send `count` profile reads per key at once and hold every admitted one at a barrier until all
   * of them are accounted for: held there, or already answered (refused calls never reach the
   * hold, so their answer is their arrival). The admitted calls are then in flight together
   * however slow the machine, and a wrong limit cannot hang the test: it shows in the counts.
   */
  async function overlapping(counts: Array<[key: string, count: number]>): Promise<Answer[][]> {
    const total = counts.reduce((n, [, count]) => n + count, 0);
    const everyone = barrier(total);
    sim.control.hold = everyone.arrive;
    const arrive = (answer: Answer) => {
      void everyone.arrive();
      return answer;
    };
    return Promise.all(
      counts.map(([key, count]) =>
        Promise.all(Array.from({ length: count }, () => getProfile(key).then(arrive))),
      ),
    );
  }

  it("lets 10 requests per key through and answers the rest 429 with Retry-After", async () => {
    const key = DEPICTA_DEMO_KEYS.main;
    const other = DEPICTA_DEMO_KEYS.sparse;
    const [burst, [otherRes]] = await overlapping([
      [key, 15],
      [other, 1],
    ]);

    const ok = burst!.filter(r => r.status === 200);
    const limited = burst!.filter(r => r.status === 429);
    expect(ok).toHaveLength(DEPICTA_MAX_CONCURRENT);
    expect(limited).toHaveLength(5);
    for (const res of limited) {
      expectError(res, 429, "rate_limited");
      expect(res.body.message).toBe("too many concurrent requests (max 10)");
      expect(res.headers.get("retry-after")).toBe("1");
    }
    // The other key's call was held with the first key's ten, and not refused.
    expect(otherRes!.status).toBe(200);

    // The over-limit arrival is counted before it is turned away, so the peak is max + 1.
    expect(sim.control.maxInFlightByKey.get(key)).toBe(DEPICTA_MAX_CONCURRENT + 1);
    expect(sim.control.maxInFlightByKey.get(other)).toBe(1);
    // A key leaves the in-flight map with its last request.
    expect(sim.control.inFlightByKey.has(key)).toBe(false);

    sim.control.hold = undefined;
    expect((await getProfile(key)).status).toBe(200);
  });

  it("does not limit 10 concurrent requests", async () => {
    const [burst] = await overlapping([[DEPICTA_DEMO_KEYS.main, DEPICTA_MAX_CONCURRENT]]);
    expect(burst!.map(r => r.status)).toEqual(Array(DEPICTA_MAX_CONCURRENT).fill(200));
    expect(sim.control.maxInFlightByKey.get(DEPICTA_DEMO_KEYS.main)).toBe(DEPICTA_MAX_CONCURRENT);
  });
});

describe("Depicta simulator: injected faults", () => {
  it("builds error bodies with a fresh UUID request id and null details by default", () => {
    const a = depictaErrorBody("internal_error", "boom");
    const b = depictaErrorBody("bad_request", "bad", { field: "name" });
    expect(a).toEqual({
      error: "internal_error",
      message: "boom",
      details: null,
      request_id: expect.stringMatching(UUID),
    });
    expect(b.details).toEqual({ field: "name" });
    expect(a.request_id).not.toBe(b.request_id);
  });

  it.each([
    [402, "credit_insufficient", {}],
    [429, "rate_limited", { "Retry-After": "3" }],
    [500, "internal_error", {}],
  ])("answers an injected %i %s once, then recovers", async (status, error, headers) => {
    const body = depictaErrorBody(error, `injected ${error}`);
    sim.control.failNext({ status, body, headers, match: "GET /v1/account/profile" });
    const res = await getProfile(DEPICTA_DEMO_KEYS.main);
    expect(res.status).toBe(status);
    expect(res.body).toEqual(body);
    if (status === 429) expect(res.headers.get("retry-after")).toBe("3");
    expect((await getProfile(DEPICTA_DEMO_KEYS.main)).status).toBe(200);
  });

  it("applies a PATCH-scoped fault only to PATCH, leaving state unchanged", async () => {
    sim.control.failNext({
      status: 500,
      body: depictaErrorBody("internal_error", "injected"),
      match: "PATCH /v1/account/profile",
    });
    expect((await getProfile(DEPICTA_DEMO_KEYS.main)).status).toBe(200);
    const res = await patchProfile(DEPICTA_DEMO_KEYS.main, { name: "Never Saved" });
    expect(res.status).toBe(500);
    expect(res.body.error).toBe("internal_error");
    expect(sim.state.userForKey(DEPICTA_DEMO_KEYS.main)!.name).toBe("Ada Lovelace");
    expect(sim.control.count("PATCH")).toBe(1);
  });
});
