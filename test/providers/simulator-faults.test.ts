import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { SIMULATED_FAULTS, type SimulatedFault } from "../../src/http/simulated-faults.js";
import { startTestSimulators, type TestSims } from "../helpers/providers.js";

// Each simulator asked for a fault directly, as account-graph asks it on a provider's call.
let sims: TestSims;
beforeAll(async () => {
  sims = await startTestSimulators();
});
afterAll(() => sims.close());

async function ask(url: string, fault: string, init: RequestInit = {}) {
  const response = await fetch(url, { ...init, headers: { ...(init.headers as Record<string, string>), "x-simulate-fault": fault } });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}

const STATUS: Record<Exclude<SimulatedFault, "timeout">, number> = {
  "rate-limited": 429,
  unavailable: 503,
  unauthenticated: 401,
  forbidden: 403,
  "not-found": 404,
  "invalid-input": 400,
};
const ANSWERED = Object.keys(STATUS) as (keyof typeof STATUS)[];

describe("each simulator answers a requested fault in its provider's documented form", () => {
  it.each(ANSWERED)("Diffio %s: {error[, code]}", async fault => {
    const { status, body, headers } = await ask(`${sims.diffio.url}/v1/account/settings/get`, fault, { method: "POST", body: "{}" });
    expect(status).toBe(STATUS[fault]);
    expect(typeof body.error).toBe("string");
    expect(headers.get("retry-after")).toBe(fault === "rate-limited" ? "30" : null);
  });

  it.each(ANSWERED)("Hostup %s: an RFC 7807 problem with its request id", async fault => {
    const { status, body, headers } = await ask(`${sims.hostup.url}/api/v2/me/preferences`, fault);
    expect(status).toBe(STATUS[fault]);
    expect(headers.get("content-type")).toBe("application/problem+json");
    expect(body).toMatchObject({ status, type: `https://developer.hostup.se/errors/${body.code}`, instance: "/api/v2/me/preferences" });
    expect(headers.get("x-request-id")).toBe(body.requestId);
    if (fault === "rate-limited") {
      expect(body.code).toBe("rate_limited");
      expect(headers.get("retry-after")).toBe("30");
      expect(headers.get("x-ratelimit-remaining")).toBe("0");
      expect(new Date(headers.get("x-ratelimit-reset")!).toISOString()).toBe(headers.get("x-ratelimit-reset"));
    }
  });

  it.each(ANSWERED)("Cudo %s: a google.rpc status in the AIP-193 shape", async fault => {
    const { status, body, headers } = await ask(`${sims.cudo.url}/v1/billing-accounts/ba-demo-main`, fault);
    expect(status).toBe(STATUS[fault]);
    expect(body).toMatchObject({ code: status, status: expect.stringMatching(/^[A-Z_]+$/), message: expect.any(String) });
    if (fault === "rate-limited") {
      expect(body.status).toBe("RESOURCE_EXHAUSTED");
      expect(body.details).toContainEqual({ "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay: "30s" });
      expect(headers.get("retry-after")).toBe("30");
    }
  });

  it("Cudo in the OpenAPI Status shape when the simulator is set to it", async () => {
    sims.cudo.state.errorShape = "status";
    const { body } = await ask(`${sims.cudo.url}/v1/billing-accounts`, "unauthenticated");
    sims.cudo.state.errorShape = "aip193";
    expect(body).toMatchObject({ code: 16, message: "API key is not valid." });
    expect(body).not.toHaveProperty("status");
  });

  it.each(ANSWERED)("Depicta %s: {error, message, details, request_id}", async fault => {
    const { status, body, headers } = await ask(`${sims.depicta.url}/v1/account/profile`, fault);
    expect(status).toBe(STATUS[fault]);
    expect(Object.keys(body).sort()).toEqual(["details", "error", "message", "request_id"]);
    expect(body).toMatchObject({ error: expect.any(String), message: expect.any(String), request_id: expect.any(String) });
    expect(headers.get("x-request-id")).toBe(body.request_id);
    if (fault === "rate-limited") expect([body.error, headers.get("retry-after")]).toEqual(["rate_limited", "30"]);
  });

  it("does not answer a timeout until the caller gives up", async () => {
    const gaveUp = await fetch(`${sims.depicta.url}/v1/account/profile`, {
      headers: { "x-simulate-fault": "timeout" },
      signal: AbortSignal.timeout(200),
    }).then(
      () => "answered",
      (error: Error) => error.name,
    );
    expect(gaveUp).toBe("TimeoutError");
    // The caller's own requests still work: the held answer took nothing else with it.
    expect((await fetch(`${sims.depicta.url}/health`)).status).toBe(200);
  });

  it("answers 400 for a fault it does not know", async () => {
    const { status, body } = await ask(`${sims.diffio.url}/v1/account/settings/get`, "slow", { method: "POST", body: "{}" });
    expect([status, body]).toEqual([400, { error: 'No such fault: "slow".' }]);
    expect(Object.keys(SIMULATED_FAULTS)).not.toContain("slow");
  });
});
