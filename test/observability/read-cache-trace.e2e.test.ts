import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { startOtlpReceiver, type OtlpReceiver } from "../helpers/otlp-receiver.js";
import { startTracedServer, type TracedServer } from "../helpers/traced-server.js";
import { until } from "../helpers/until.js";

// A read the read cache answers sends nothing: it is an event on the request span, not a CLIENT
// span. The built server with a one-second TTL, so a stale answer needs only a short wait.

let receiver: OtlpReceiver;
let server: TracedServer;

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  server = await startTracedServer(receiver, { READ_CACHE_TTL_SECONDS: "1", STALE_IF_ERROR_SECONDS: "600" });
});

afterAll(async () => {
  await server?.stop();
  await receiver?.close();
});

const READ = "query Profile { account(provider: DEPICTA) { id } }";

describe("read cache spans", () => {
  it("a cache hit is an event on the request span, with no CLIENT span", async () => {
    const first = await server.gql(READ);
    const second = await server.gql(READ);
    expect(second.body).toMatchObject({ data: first.body.data });
    const fromCall = await server.requestSpan(first.requestId);
    await until(() => server.children(fromCall).length === 1, "the first request's CLIENT span");
    const span = await server.requestSpan(second.requestId);
    // Children end before their parent, so they are exported with it or before it.
    expect(server.children(span)).toEqual([]);
    expect(span.events).toEqual([
      {
        name: "read cache hit",
        attributes: {
          "account_graph.provider": "DEPICTA",
          "http.request.method": "GET",
          "url.template": "/v1/account/profile",
          "account_graph.read_cache.age_s": expect.any(Number),
        },
      },
    ]);
  });

  it("a stale answer is an event beside the CLIENT spans of the attempts that failed", async () => {
    await server.gql(READ);
    const t0 = Date.now();
    await until(() => Date.now() - t0 > 1100, "the one-second TTL to pass");
    server.sims.depicta.control.failNext({ status: 503, body: { error: "unavailable" }, times: 3 });
    const stale = await server.gql(READ);
    expect(stale.body.extensions).toMatchObject({ staleReads: [{ provider: "DEPICTA", path: "/v1/account/profile" }] });
    const span = await server.requestSpan(stale.requestId);
    expect(span.events.map(e => e.name)).toEqual(["read cache stale answer"]);
    expect(server.children(span).length).toBeGreaterThan(0);
    expect(server.children(span).every(child => child.status.code === 2)).toBe(true);
  });
});
