import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { CUDO_DEMO_ACCOUNTS } from "../../src/providers/cudo/simulator/cudo.sim-state.js";
import { startOtlpReceiver, type OtlpReceiver } from "../helpers/otlp-receiver.js";
import { newTraceparent, startTracedServer, type TracedServer } from "../helpers/traced-server.js";
import { until } from "../helpers/until.js";

// The built server exporting OTLP/JSON to a receiver on loopback; the providers are simulators in
// this process, so faults are injected and what the providers received is read here.

const SERVER = 2;
const CLIENT = 3;
const ERROR = 2;

let receiver: OtlpReceiver;
let server: TracedServer;

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  server = await startTracedServer(receiver, {
    OTEL_SERVICE_NAME: "account-graph-under-test",
    OTEL_RESOURCE_ATTRIBUTES: "deployment.environment.name=test,team=billing",
  });
});

afterAll(async () => {
  await server?.stop();
  await receiver?.close();
});

describe("request spans", () => {
  it("continue the caller's traceparent: one SERVER span named after the operation, a CLIENT span per upstream call under it", async () => {
    const caller = newTraceparent();
    const answer = await server.gql(
      `query AccountDetails { diffio: account(provider: DIFFIO) { id } hostup: account(provider: HOSTUP) { id } }`,
      { traceparent: caller.header, tracestate: "vendor=opaque" },
    );
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();

    const span = await server.requestSpan(answer.requestId);
    expect(span).toMatchObject({
      traceId: caller.traceId,
      parentSpanId: caller.parentId,
      name: "query AccountDetails",
      kind: SERVER,
    });
    expect(span.attributes).toMatchObject({
      "graphql.operation.name": "AccountDetails",
      "graphql.operation.type": "query",
      "http.request.method": "POST",
      "http.response.status_code": 200,
    });
    expect(span.status.code).not.toBe(ERROR);

    const made = (answer.body.extensions as { upstreamCalls: Array<{ fromLoader: boolean }> }).upstreamCalls.filter(
      c => !c.fromLoader,
    ).length;
    await until(() => server.children(span).length >= made, "every upstream span");
    const calls = server.children(span);
    expect(calls).toHaveLength(made);
    expect(new Set(calls.map(c => c.kind))).toEqual(new Set([CLIENT]));
    expect([...new Set(calls.map(c => c.attributes["account_graph.provider"]))].sort()).toEqual(["DIFFIO", "HOSTUP"]);
    const diffio = calls.find(c => c.attributes["account_graph.provider"] === "DIFFIO")!;
    expect(diffio.name).toBe("POST /v1/account/settings/get");
    expect(diffio.attributes).toMatchObject({
      "http.request.method": "POST",
      "url.template": "/v1/account/settings/get",
      "http.response.status_code": 200,
      "account_graph.attempt": 1,
    });
    expect(diffio.attributes["http.request.resend_count"]).toBeUndefined();
  });

  it("start a new trace without traceparent; the request's log line carries its trace_id and span_id; the resource comes from OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES", async () => {
    const answer = await server.gql(`query Mine { account(provider: DEPICTA) { id } }`);
    expect(answer.status).toBe(200);
    const span = await server.requestSpan(answer.requestId);
    expect(span.parentSpanId).toBe("");
    expect(span.name).toBe("query Mine");
    expect(span.resource).toMatchObject({
      "service.name": "account-graph-under-test",
      "deployment.environment.name": "test",
      team: "billing",
    });
    expect(span.resource["service.version"]).toEqual(expect.stringMatching(/^\d+\.\d+\.\d+/));
    const line = server.built.lines().find(l => l.requestId === answer.requestId)!;
    expect([line.trace_id, line.span_id]).toEqual([span.traceId, span.spanId]);
    // The ready line and other lines outside a request carry no ids.
    const ready = server.built.lines().find(l => String(l.msg).includes("ready at"))!;
    expect(ready.trace_id).toBeUndefined();
    expect(server.built.lines().some(l => String(l.msg).startsWith("tracing: OTLP http/json to http://127.0.0.1:"))).toBe(true);
  });

  it("put trace_id and span_id on every log line of the request, the REST client's warning included", async () => {
    // A connection reset on every attempt: the client logs the technical reason at warn.
    server.sims.diffio.control.failNext({ kind: "reset", times: 3, match: "settings/get" });
    const answer = await server.gql(`query Reset { account(provider: DIFFIO) { id } }`);
    expect((answer.body.errors as Array<{ extensions: { code: string } }>)[0]!.extensions.code).toBe("UPSTREAM_ERROR");
    const span = await server.requestSpan(answer.requestId);
    const ofTrace = server.built.lines().filter(l => l.trace_id === span.traceId);
    expect(ofTrace.map(l => l.msg)).toEqual(expect.arrayContaining(["upstream call failed", "graphql request"]));
    for (const line of ofTrace) expect(line.span_id).toBe(span.spanId);
    await until(() => server.children(span).length >= 3, "three attempts");
    expect(server.children(span).map(c => c.attributes["error.type"]).sort()).toEqual(["UPSTREAM_ERROR", "network", "network"]);
  });

  it("are the same for an operation's first sighting and its repeat from the document cache", async () => {
    const query = `query Repeated { account(provider: DIFFIO) { id } }`;
    const documentHits = async () => {
      const text = await (await fetch(`${server.url}/metrics`)).text();
      return Number(/account_graph_cache_hits_total\{cache="document"\} (\d+)/.exec(text)?.[1] ?? 0);
    };
    const before = await documentHits();
    const first = await server.gql(query);
    const second = await server.gql(query);
    expect(await documentHits()).toBe(before + 1);

    const spans = [await server.requestSpan(first.requestId), await server.requestSpan(second.requestId)];
    for (const span of spans) {
      expect(span.name).toBe("query Repeated");
      expect(span.attributes).toMatchObject({ "graphql.operation.name": "Repeated", "graphql.operation.type": "query" });
      await until(() => server.children(span).length === 1, "the upstream span");
      expect(server.children(span)[0]!.name).toBe("POST /v1/account/settings/get");
    }
  });

  it("add no span for fields a loader served", async () => {
    const answer = await server.gql(
      `query Twice { a: account(provider: HOSTUP) { id } b: account(provider: HOSTUP) { provider } }`,
    );
    const calls = (answer.body.extensions as { upstreamCalls: Array<{ fromLoader: boolean }> }).upstreamCalls;
    expect(calls.some(c => c.fromLoader)).toBe(true);
    const made = calls.filter(c => !c.fromLoader).length;
    const span = await server.requestSpan(answer.requestId);
    await until(() => server.children(span).length >= made, "the upstream spans");
    expect(server.children(span)).toHaveLength(made);
  });

  it("name a Cudo call by its path template, never its id", async () => {
    const answer = await server.gql(`query Cudo { account(provider: CUDO, id: "${CUDO_DEMO_ACCOUNTS.main}") { id } }`);
    expect(answer.body.errors).toBeUndefined();
    const span = await server.requestSpan(answer.requestId);
    await until(() => server.children(span).length >= 1, "the Cudo span");
    const [call] = server.children(span);
    expect(call!.name).toBe("GET /v1/billing-accounts/{id}");
    expect(JSON.stringify(call!.attributes)).not.toContain(CUDO_DEMO_ACCOUNTS.main);
  });
});

describe("upstream failures", () => {
  it("a 503 retried once, then a 401: two attempt spans, the last failing UNAUTHENTICATED, the request span in error", async () => {
    const { control } = server.sims.diffio;
    control.failNext({ status: 503, match: "settings/get", body: { error: "try later", code: "unavailable" } });
    control.failNext({ status: 401, match: "settings/get", body: { error: "bad key", code: "invalid_api_key" } });
    const answer = await server.gql(`query Failing { account(provider: DIFFIO) { id } }`);
    const errors = answer.body.errors as Array<{ extensions: { code: string } }>;
    expect(errors.map(e => e.extensions.code)).toEqual(["UNAUTHENTICATED"]);

    const span = await server.requestSpan(answer.requestId);
    expect(span.status.code).toBe(ERROR);
    expect(span.attributes).toMatchObject({ "error.type": "UNAUTHENTICATED", "account_graph.error_codes": ["UNAUTHENTICATED"] });
    await until(() => server.children(span).length >= 2, "both attempts");
    const [first, second] = server.children(span).sort(
      (a, b) => Number(a.attributes["account_graph.attempt"]) - Number(b.attributes["account_graph.attempt"]),
    );
    expect(first!.attributes).toMatchObject({ "account_graph.attempt": 1, "http.response.status_code": 503, "error.type": "503" });
    expect(first!.status.code).toBe(ERROR);
    expect(first!.events.map(e => e.name)).toEqual(["retry scheduled"]);
    expect(second!.attributes).toMatchObject({
      "account_graph.attempt": 2,
      "http.request.resend_count": 1,
      "http.response.status_code": 401,
      "error.type": "UNAUTHENTICATED",
      "account_graph.error.code": "UNAUTHENTICATED",
    });
    expect(second!.status).toMatchObject({ code: ERROR, message: "UNAUTHENTICATED" });
  });

  it("Depicta's concurrency budget is an event on its attempt span", async () => {
    const answer = await server.gql(`query Budget { account(provider: DEPICTA) { id } }`);
    const span = await server.requestSpan(answer.requestId);
    await until(() => server.children(span).length >= 1, "the Depicta span");
    const [call] = server.children(span);
    const budget = call!.events.find(e => e.name === "concurrency budget");
    expect(budget?.attributes).toMatchObject({ "account_graph.budget.outcome": "acquired" });
    expect(typeof budget?.attributes["account_graph.budget.wait_ms"]).toBe("number");
  });

  it("trace context is not sent to the providers by default", async () => {
    server.sims.hostup.control.reset();
    const caller = newTraceparent();
    await server.gql(`query Quiet { account(provider: HOSTUP) { id } }`, { traceparent: caller.header });
    expect(server.sims.hostup.control.calls.length).toBeGreaterThan(0);
    for (const call of server.sims.hostup.control.calls) {
      expect(call.headers.traceparent).toBeUndefined();
      expect(call.headers.tracestate).toBeUndefined();
    }
  });

  // Last in this file: it leaves Hostup's circuit open for its reset time.
  it("a breaker fast-fail is an event on an attempt span that sent nothing", async () => {
    const { control } = server.sims.hostup;
    control.reset();
    control.failNext({ status: 500, times: 1000, match: "/api/v2/" });
    // Failing reads open the circuit (half of 20 calls in 10 s); then a call fails without a request.
    let fastFailed: { requestId: string } | undefined;
    for (let i = 0; i < 40 && !fastFailed; i++) {
      const answer = await server.gql(`query Breaker { account(provider: HOSTUP) { id } }`);
      const errors = (answer.body.errors ?? []) as Array<{ message: string }>;
      if (errors.some(e => e.message.includes("calls are paused"))) fastFailed = answer;
    }
    expect(fastFailed).toBeDefined();
    const span = await server.requestSpan(fastFailed!.requestId);
    await until(() => server.children(span).length >= 1, "an attempt span");
    const openSpan = server.children(span).find(c => c.events.some(e => e.name === "circuit open"));
    expect(openSpan).toBeDefined();
    expect(openSpan!.status.code).toBe(ERROR);
    expect(openSpan!.attributes["http.response.status_code"]).toBeUndefined();
    control.reset();
  });
});
