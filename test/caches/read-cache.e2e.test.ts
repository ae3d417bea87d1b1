import { afterAll, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import { CUDO_DEMO_ACCOUNTS, CUDO_DEMO_KEYS } from "../../src/providers/cudo/simulator/cudo.simulator.js";
import { createUndiciTransport, type Transport, type TransportRequest } from "../../src/rest/transport.js";
import { type SimControl } from "../../src/simulators/sim-server.js";
import { barrier } from "../helpers/barrier.js";
import { ManualClock } from "../helpers/manual-clock.js";
import { metric } from "../helpers/metrics.js";
import { CREDENTIAL_HEADERS, Provider } from "../helpers/providers.js";
import { startTestServer, type TestServer } from "../helpers/server.js";
import { until } from "../helpers/until.js";
import { READ_CASES, type ReadCase } from "./read-cache-cases.js";

// The read cache in one process (memory), over real HTTP against the simulators, on a clock the
// test moves: READ_CACHE_TTL_SECONDS=60, STALE_IF_ERROR_SECONDS=300, CACHE_MAX_AGE_SECONDS=10.
const clock = new ManualClock();
// The real transport, with a gate a test may set: an answer that has arrived waits there before the
// server sees it (the provider answered before a write; the server learns of it after).
const real = createUndiciTransport({ maxResponseBytes: 1 << 20 });
let gate: ((request: TransportRequest) => Promise<void>) | undefined;
const transport: Transport = {
  async send(request) {
    const response = await real.send(request);
    await gate?.(request);
    return response;
  },
  close: () => real.close(),
};
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ READ_CACHE_TTL_SECONDS: "60", STALE_IF_ERROR_SECONDS: "300" }, { clock, transport });
});
afterAll(() => server.stop());
// Each test starts from an empty cache: time moves past every entry's window, and the data reseeds.
beforeEach(() => {
  clock.advance(3_600_000);
  server.resetSims();
});

const sim = (provider: Provider): SimControl => server.sims.running[provider]!.control;
type Entry = { provider: string; path: string; outcome?: string; fromCache?: boolean; ageSeconds?: number };
const entries = (body: { extensions?: Record<string, unknown> }) => (body.extensions?.upstreamCalls ?? []) as Entry[];

async function read(c: ReadCase, key = c.key) {
  const response = await server.gql(c.read, {}, key);
  expect(response.body.errors).toBeUndefined();
  return response;
}

describe("a repeated read within the TTL", () => {
  it.each(READ_CASES.map(c => [c.provider, c] as const))("%s: is answered from the cache, without a provider call", async (_p, c) => {
    const first = await read(c);
    expect(sim(c.provider).count(c.call)).toBe(1);
    clock.advance(30_000);
    const second = await read(c);
    expect(sim(c.provider).count(c.call)).toBe(1);
    expect(second.body.data).toEqual(first.body.data);
    // The inspector says where the data came from and how old it is; no call is listed.
    const cached = entries(second.body).filter(e => e.path === c.path);
    expect(cached).toEqual([{ provider: c.provider, method: expect.any(String), path: c.path, outcome: "fresh", ageSeconds: 30, fromLoader: false, fromCache: true }]);
  });

  it("is asked of the provider again once the TTL has passed", async () => {
    const [c] = READ_CASES;
    await read(c!);
    clock.advance(60_001);
    const again = await read(c!);
    expect(sim(c!.provider).count(c!.call)).toBe(2);
    expect(entries(again.body).find(e => e.path === c!.path)).toMatchObject({ outcome: "ok", fromLoader: false });
  });

  it("sends Cache-Control: max-age of what is left of the data's freshness, at most CACHE_MAX_AGE_SECONDS", async () => {
    const c = READ_CASES[3]!;
    expect((await read(c)).headers.get("cache-control")).toBe("max-age=10, private");
    clock.advance(53_500);
    expect((await read(c)).headers.get("cache-control")).toBe("max-age=6, private");
    clock.advance(6_000);
    expect((await read(c)).headers.get("cache-control")).toBe("max-age=0, private");
    expect(sim(c.provider).count(c.call)).toBe(1);
  });

  it("counts hits and misses per provider in /metrics, and cache hits are not provider calls", async () => {
    const c = READ_CASES[1]!;
    const series = (result: string) => `account_graph_read_cache_reads_total{provider="${c.provider}",result="${result}"}`;
    const calls = `account_graph_upstream_calls_total{provider="${c.provider}",status="200",outcome="ok"}`;
    const before = { hit: await metric(server.url, series("hit")), miss: await metric(server.url, series("miss")), calls: (await metric(server.url, calls)) ?? 0 };
    await read(c);
    await read(c);
    await read(c);
    expect(await metric(server.url, series("miss"))).toBe(before.miss! + 1);
    expect(await metric(server.url, series("hit"))).toBe(before.hit! + 2);
    expect(await metric(server.url, calls)).toBe(before.calls + 1);
    expect(await metric(server.url, "account_graph_read_cache_bytes")).toBeGreaterThan(0);
  });

  it("logs cache hits apart from provider calls on the request's log line", async () => {
    const c = READ_CASES[0]!;
    await read(c);
    const { headers } = await read(c);
    const id = headers.get("x-request-id");
    await until(() => server.logs.lines.some(l => l.includes(`"requestId":"${id}"`)), "the second request's log line");
    const line = JSON.parse(server.logs.lines.find(l => l.includes(`"requestId":"${id}"`))!) as Record<string, unknown>;
    expect(line).toMatchObject({ upstreamCalls: 0, cachedReads: 1 });
  });
});

describe("whose answer it is", () => {
  it.each(READ_CASES.map(c => [c.provider, c] as const))("%s: a second credential is never answered from the first one's entry", async (_p, c) => {
    await read(c);
    const theirs = await read(c, c.otherKey);
    expect(sim(c.provider).count(c.call)).toBe(2);
    // The provider's second call carried the second credential.
    expect(sim(c.provider).calls.at(-1)!.headers.authorization).toBe(`Bearer ${Object.values(c.otherKey)[0]}`);
    expect(entries(theirs.body).find(e => e.path === c.path)).toMatchObject({ outcome: "ok" });
  });

  it("CUDO: a key that cannot see the account gets Cudo's refusal, not the owner's cached account", async () => {
    const c = READ_CASES[2]!;
    await read(c);
    const refused = await server.gql(c.read, {}, { [CREDENTIAL_HEADERS.CUDO]: CUDO_DEMO_KEYS.none });
    expect(refused.body.data?.account).toBeNull();
    expect(refused.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(sim(c.provider).count(c.call)).toBe(2);
    // Nor is the refusal kept: the owner still reads from the cache, the other key asks again.
    await read(c);
    await server.gql(c.read, {}, { [CREDENTIAL_HEADERS.CUDO]: CUDO_DEMO_KEYS.none });
    expect(sim(c.provider).count(c.call)).toBe(3);
  });
});

describe("read your writes", () => {
  it.each(READ_CASES.map(c => [c.provider, c] as const))("%s: a read right after a mutation shows the write", async (_p, c) => {
    const before = await read(c);
    await read(c);
    expect(sim(c.provider).count(c.call)).toBe(1);
    const value = c.written(7);
    expect(c.field(before.body.data!)).not.toBe(value);
    const written = await server.gql(c.write(value), {}, c.key);
    expect(written.body.errors).toBeUndefined();
    const after = await read(c);
    expect(c.field(after.body.data!)).toBe(value);
    // ...and is kept again: the next read is a hit with the new value.
    const next = await read(c);
    expect(c.field(next.body.data!)).toBe(value);
    expect(sim(c.provider).count(c.call)).toBe(2);
  });

  it("CUDO: an update also refreshes the list an account without id is found in", async () => {
    const owner = { [CREDENTIAL_HEADERS.CUDO]: CUDO_DEMO_KEYS.owner };
    const listed = "{ account(provider: CUDO) { id ... on CudoBillingAccount { displayName } } }";
    await server.gql(listed, {}, owner);
    await server.gql(listed, {}, owner);
    expect(sim(Provider.CUDO).count("GET /v1/billing-accounts")).toBe(1);
    await server.gql(`mutation { updateBillingAccount(input: { id: "${CUDO_DEMO_ACCOUNTS.main}", displayName: "Listed anew" }) { id } }`, {}, owner);
    const after = await server.gql(listed, {}, owner);
    expect(after.body.data).toEqual({ account: { id: CUDO_DEMO_ACCOUNTS.main, displayName: "Listed anew" } });
  });

  it("a read under way while the write happens cannot put the old answer back", async () => {
    const c = READ_CASES[3]!;
    // The provider answers the read before the write; the answer reaches the server after it.
    const arrived = barrier(2);
    let release!: () => void;
    const released = new Promise<void>(resolve => (release = resolve));
    gate = async request => {
      if (request.method !== "GET") return;
      gate = undefined;
      await arrived.arrive();
      await released;
    };
    const slowRead = server.gql(c.read, {}, c.key);
    await arrived.arrive();
    const written = await server.gql(c.write("Written meanwhile"), {}, c.key);
    expect(written.body.errors).toBeUndefined();
    release();
    // It answers what the provider said when it read (before the write)...
    expect(c.field((await slowRead).body.data!)).toBe("Ada Lovelace");
    // ...but that answer was not kept: the next read asks the provider and shows the write.
    const after = await read(c);
    expect(c.field(after.body.data!)).toBe("Written meanwhile");
    expect(sim(c.provider).count(c.call)).toBe(2);
  });
});

describe("the provider's own Cache-Control", () => {
  it("no-store: never kept, and the response says no-store too", async () => {
    const c = READ_CASES[1]!;
    sim(c.provider).answerHeaders = { "cache-control": "no-store" };
    const first = await read(c);
    const second = await read(c);
    expect(sim(c.provider).count(c.call)).toBe(2);
    expect(first.headers.get("cache-control")).toBe("no-store");
    expect(entries(second.body).find(e => e.path === c.path)).toMatchObject({ outcome: "ok" });
  });

  it("a max-age below the TTL wins: kept that long, and the response's max-age is no more", async () => {
    const c = READ_CASES[0]!;
    sim(c.provider).answerHeaders = { "cache-control": "private, max-age=4" };
    expect((await read(c)).headers.get("cache-control")).toBe("max-age=4, private");
    clock.advance(3_000);
    expect((await read(c)).headers.get("cache-control")).toBe("max-age=1, private");
    expect(sim(c.provider).count(c.call)).toBe(1);
    clock.advance(1_500);
    await read(c);
    expect(sim(c.provider).count(c.call)).toBe(2);
  });
});
