import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { until } from "../helpers/until.js";

// Short, so the call left hanging below ends (as a timeout) while the test watches.
const UPSTREAM_TIMEOUT_MS = 1500;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ UPSTREAM_TIMEOUT_MS: String(UPSTREAM_TIMEOUT_MS) });
});
afterAll(() => server.stop());

async function metric(pattern: RegExp): Promise<number> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  const match = pattern.exec(text);
  return match ? Number(match[1]) : 0;
}

describe("extensions.upstreamCalls", () => {
  it("lists a call still in flight when an error ends the request first", async () => {
    server.resetSims();
    const hostup = server.sims.hostup.control;
    // `{ id }` reads the preferences and /api/v2/me side by side. The preferences fail at once;
    // /me never answers, so GraphQL sends its answer while that call is still running.
    hostup.failNext({
      match: "/preferences",
      status: 401,
      body: { type: "about:blank", title: "Unauthorized", status: 401, detail: "The API key is invalid, expired or revoked." },
    });
    hostup.failNext({ match: "GET /api/v2/me", kind: "hang" });
    const timeoutsBefore = await metric(/account_graph_upstream_calls_total\{provider="HOSTUP",status="none",outcome="UPSTREAM_TIMEOUT"\} (\d+)/);

    const { body } = await server.gql("{ account(provider: HOSTUP) { id } }", {}, { "x-request-id": "inspector-in-flight" });

    expect(body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(hostup.count()).toBe(2);
    const calls = body.extensions?.upstreamCalls as Array<Record<string, unknown>>;
    expect(calls).toHaveLength(2);
    expect(calls).toContainEqual(
      expect.objectContaining({ provider: "HOSTUP", method: "GET", path: "/api/v2/me/preferences", status: 401, attempts: 1, outcome: "UNAUTHENTICATED", fromLoader: false }),
    );
    const running = calls.find(call => call.path === "/api/v2/me");
    expect(running).toMatchObject({ provider: "HOSTUP", method: "GET", status: null, attempts: 1, outcome: "in-flight", fromLoader: false });
    expect(running?.durationMs).toEqual(expect.any(Number));
    expect(running?.durationMs as number).toBeGreaterThanOrEqual(0);
    const line = server.logs.lines.map(l => JSON.parse(l) as Record<string, unknown>).find(l => l.requestId === "inspector-in-flight");
    expect(line).toMatchObject({ msg: "graphql request", upstreamCalls: 2, errorCodes: ["UNAUTHENTICATED"] });

    // The unfinished call goes on after the answer and is counted once, when it ends.
    const timeouts = () => metric(/account_graph_upstream_calls_total\{provider="HOSTUP",status="none",outcome="UPSTREAM_TIMEOUT"\} (\d+)/);
    await until(async () => (await timeouts()) !== timeoutsBefore, "the unfinished call to time out");
    expect(await timeouts()).toBe(timeoutsBefore + 1);
  });

  it("lists finished calls in the order they started, with their own durations", async () => {
    server.resetSims();
    server.sims.hostup.control.latencyMs = 30;
    const { body } = await server.gql("{ account(provider: HOSTUP) { id } }");
    expect(body.errors).toBeUndefined();
    const all = body.extensions?.upstreamCalls as Array<Record<string, unknown>>;
    // The `id` field's own load of /me is served by the call the account started: a loader hit.
    expect(all.filter(call => call.fromLoader)).toEqual([{ provider: "HOSTUP", method: "GET", path: "/api/v2/me", fromLoader: true }]);
    const calls = all.filter(call => !call.fromLoader);
    expect(calls.map(call => call.path)).toEqual(["/api/v2/me/preferences", "/api/v2/me"]);
    for (const call of calls) {
      expect(call).toMatchObject({ status: 200, attempts: 1, outcome: "ok" });
      expect(call.durationMs as number).toBeGreaterThanOrEqual(25);
    }
  });
});
