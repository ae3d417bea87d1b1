import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, gql } from "@apollo/client";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import { map } from "rxjs";
import { type SimFault } from "../../src/simulators/sim-server.js";
import { ManualClock } from "../helpers/manual-clock.js";
import { metric } from "../helpers/metrics.js";
import { Provider } from "../helpers/providers.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { READ_CASES } from "./read-cache-cases.js";

// Stale if error (RFC 5861) over real HTTP: READ_CACHE_TTL_SECONDS=60, STALE_IF_ERROR_SECONDS=300
// on a clock the test moves, each outage made by the simulator the way its provider fails. The
// breaker, on the same clock, opens once 60 % of at least two calls failed and stays open for ten
// minutes, for the open-circuit case.
const clock = new ManualClock();
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer(
    {
      READ_CACHE_TTL_SECONDS: "60",
      STALE_IF_ERROR_SECONDS: "300",
      UPSTREAM_TIMEOUT_MS: "1000",
      BREAKER_VOLUME_THRESHOLD: "2",
      BREAKER_ERROR_PERCENT: "60",
      BREAKER_WINDOW_MS: "600000",
      BREAKER_RESET_TIMEOUT_MS: "600000",
    },
    { clock },
  );
});
afterAll(() => server.stop());
beforeEach(() => {
  // Past every entry's window, and past the breaker's window and open time: the next call is its
  // trial, which closes it.
  clock.advance(3_600_000);
  server.resetSims();
});

const hostup = READ_CASES.find(c => c.provider === Provider.HOSTUP)!;
const control = () => server.sims.hostup.control;
type Stale = { provider: string; path: string; ageSeconds: number };
const staleReads = (body: { extensions?: Record<string, unknown> }) => body.extensions?.staleReads as Stale[] | undefined;

/** Read once (kept), then move past the TTL by `pastTtlS` seconds. */
async function cachedThenExpired(pastTtlS: number) {
  const first = await server.gql(hostup.read, {}, hostup.key);
  expect(first.body.errors).toBeUndefined();
  clock.advance((60 + pastTtlS) * 1000);
  return first.body.data;
}

describe("a provider that is unavailable past the TTL", () => {
  it.each<[string, SimFault]>([
    ["503 on every attempt", { status: 503, body: { title: "Service Unavailable" }, times: 3 }],
    ["500 on every attempt", { status: 500, times: 3 }],
    ["429 with a Retry-After beyond the cap", { status: 429, headers: { "retry-after": "3600" }, body: { title: "Too Many Requests" } }],
    ["a reset connection on every attempt", { kind: "reset", times: 3 }],
  ])("%s: the last known answer, marked stale in extensions, with Cache-Control: no-store", async (_name, fault) => {
    const data = await cachedThenExpired(20);
    control().failNext(fault);
    const { status, headers, body } = await server.gql(hostup.read, {}, hostup.key);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual(data);
    expect(staleReads(body)).toEqual([{ provider: "HOSTUP", path: hostup.path, ageSeconds: 80 }]);
    expect(headers.get("cache-control")).toBe("no-store");
    // The failed call is listed as made; the answer as from the cache, stale.
    const calls = body.extensions?.upstreamCalls as Array<Record<string, unknown>>;
    expect(calls.filter(c => c.path === hostup.path).map(c => c.outcome)).toEqual([expect.stringMatching(/^(UPSTREAM_ERROR|RATE_LIMITED)$/), "stale"]);
  });

  it("a timeout: the last known answer, marked stale", async () => {
    const data = await cachedThenExpired(1);
    const { body } = await server.gql(hostup.read, {}, { ...hostup.key, "x-simulate-fault": "hostup=timeout" });
    expect(body.data).toEqual(data);
    expect(staleReads(body)).toEqual([{ provider: "HOSTUP", path: hostup.path, ageSeconds: 61 }]);
  });

  it("an open circuit: the last known answer without calling the provider", async () => {
    const data = await cachedThenExpired(5);
    // Two failed attempts open Hostup's circuit (two of its three calls failed); the read's third
    // attempt is refused by it.
    control().failNext({ status: 503, times: 2 });
    expect(staleReads((await server.gql(hostup.read, {}, hostup.key)).body)).toHaveLength(1);
    const calls = control().calls.length;
    const { body } = await server.gql(hostup.read, {}, hostup.key);
    expect(control().calls.length).toBe(calls);
    expect(body.data).toEqual(data);
    expect(staleReads(body)).toEqual([{ provider: "HOSTUP", path: hostup.path, ageSeconds: 65 }]);
    // After its reset time, the trial call succeeds: fresh data again.
    clock.advance(600_001);
    expect(staleReads((await server.gql(hostup.read, {}, hostup.key)).body)).toBeUndefined();
  });

  it("only the providers that failed are marked, in an answer that mixes them", async () => {
    const keys = Object.assign({}, ...READ_CASES.map(c => c.key)) as Record<string, string>;
    const query = "{ accounts(providers: [DIFFIO, HOSTUP]) { provider id } }";
    await server.gql(query, {}, keys);
    clock.advance(61_000);
    const { body } = await server.gql(query, {}, { ...keys, "x-simulate-fault": "hostup=unavailable" });
    expect(body.errors).toBeUndefined();
    // Hostup's two reads (its id from /me, the preferences), Diffio's answered fresh.
    expect(staleReads(body)?.map(s => `${s.provider} ${s.path}`).sort()).toEqual(["HOSTUP /api/v2/me", "HOSTUP /api/v2/me/preferences"]);
    expect(await metric(server.url, `account_graph_read_cache_reads_total{provider="HOSTUP",result="stale"}`)).toBeGreaterThan(0);
  });
});

describe("answers that are never masked by stale data", () => {
  it.each([
    ["unauthenticated", "UNAUTHENTICATED"],
    ["forbidden", "FORBIDDEN"],
    ["not-found", "NOT_FOUND"],
    ["invalid-input", "BAD_USER_INPUT"],
  ])("a provider's %s answer (a revoked key, a removed account) fails the read", async (fault, code) => {
    await cachedThenExpired(10);
    const { headers, body } = await server.gql(hostup.read, {}, { ...hostup.key, "x-simulate-fault": `hostup=${fault}` });
    expect(body.data?.account).toBeNull();
    expect(body.errors?.[0]?.extensions?.code).toBe(code);
    expect(staleReads(body)).toBeUndefined();
    expect(headers.get("cache-control")).toBeNull();
  });

  it("an outage past the stale window is an error", async () => {
    await cachedThenExpired(301);
    const { body } = await server.gql(hostup.read, {}, { ...hostup.key, "x-simulate-fault": "hostup=unavailable" });
    expect(body.data?.account).toBeNull();
    expect(body.errors?.[0]?.extensions?.code).toBe("UPSTREAM_ERROR");
    expect(staleReads(body)).toBeUndefined();
  });

  it("a provider's must-revalidate: no stale answer, whatever STALE_IF_ERROR_SECONDS says", async () => {
    control().answerHeaders = { "cache-control": "max-age=60, must-revalidate" };
    await cachedThenExpired(1);
    control().answerHeaders = {};
    const { body } = await server.gql(hostup.read, {}, { ...hostup.key, "x-simulate-fault": "hostup=unavailable" });
    expect(body.errors?.[0]?.extensions?.code).toBe("UPSTREAM_ERROR");
  });
});

describe("Apollo Client", () => {
  it("reads the stale marker from the result's extensions", async () => {
    await cachedThenExpired(30);
    const seen: unknown[] = [];
    const marker = new ApolloLink((operation, forward) => forward(operation).pipe(map(result => (seen.push(result.extensions?.staleReads), result))));
    const client = new ApolloClient({
      cache: new InMemoryCache(),
      link: ApolloLink.from([marker, new HttpLink({ uri: `${server.url}/graphql`, fetch, headers: { ...hostup.key, "x-simulate-fault": "hostup=unavailable" } })]),
    });
    const result = await client.query({ query: gql(hostup.read), fetchPolicy: "network-only" });
    expect(result.error).toBeUndefined();
    expect(seen).toEqual([[{ provider: "HOSTUP", path: hostup.path, ageSeconds: 90 }]]);
  });
});
