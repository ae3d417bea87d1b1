import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { startOtlpReceiver, type OtlpReceiver } from "../helpers/otlp-receiver.js";
import { newTraceparent, startTracedServer, type TracedServer } from "../helpers/traced-server.js";

// What a caller's trace headers may and may not do with tracing on: only `traceparent` and
// `tracestate` go on to the providers (third parties), never the caller's `baggage`; a caller the
// server refuses makes no span, whatever trace it names. A token holder's sampled flag is followed
// with the parent-based samplers (a gateway's traces stay whole): that much a caller may force.

const TOKEN = "trust-boundary-token";
const BAGGAGE = "user.id=alice,tenant=acme,session=s3ss10n-s3cr3t";
const ALL = "{ accounts { id } }";

let receiver: OtlpReceiver;
let server: TracedServer;
beforeAll(async () => {
  receiver = await startOtlpReceiver();
  server = await startTracedServer(receiver, {
    API_TOKENS: TOKEN,
    OTEL_PROPAGATE_TO_PROVIDERS: "true",
    // Keeps no new trace: every span exported below follows a caller's sampled flag.
    OTEL_TRACES_SAMPLER: "parentbased_traceidratio",
    OTEL_TRACES_SAMPLER_ARG: "0",
  });
});
afterAll(async () => {
  await server?.stop();
  await receiver?.close();
});

const sims = () => [server.sims.diffio, server.sims.hostup, server.sims.cudo, server.sims.depicta];

describe("trace context sent to providers (OTEL_PROPAGATE_TO_PROVIDERS=true)", () => {
  it("carries traceparent and tracestate to all four providers, and never the caller's baggage", async () => {
    for (const sim of sims()) sim.control.reset();
    const caller = newTraceparent();
    const answer = await server.gql(ALL, {
      authorization: `Bearer ${TOKEN}`,
      traceparent: caller.header,
      tracestate: "vendor=opaque",
      baggage: BAGGAGE,
    });
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    for (const sim of sims()) {
      expect(sim.control.calls.length).toBeGreaterThan(0);
      for (const call of sim.control.calls) {
        expect(String(call.headers.traceparent)).toMatch(new RegExp(`^00-${caller.traceId}-[0-9a-f]{16}-01$`));
        expect(call.headers.tracestate).toBe("vendor=opaque");
        expect(call.headers.baggage).toBeUndefined();
        expect(JSON.stringify(call.headers)).not.toContain("s3ss10n");
      }
    }
  });
});

describe("spans of refused callers", () => {
  it("makes none for a caller without a valid token, and follows a token holder's sampled flag", async () => {
    const refused = newTraceparent();
    for (const authorization of [undefined, "Bearer not-the-token"]) {
      const answer = await server.gql(ALL, { traceparent: refused.header, ...(authorization ? { authorization } : {}) });
      expect(answer.status).toBe(401);
    }
    const allowed = newTraceparent();
    const answer = await server.gql(ALL, { authorization: `Bearer ${TOKEN}`, traceparent: allowed.header });
    expect(answer.status).toBe(200);
    // The allowed request came after the refused ones: its span is exported no earlier than theirs.
    const span = await server.requestSpan(answer.requestId);
    expect(span.traceId).toBe(allowed.traceId);
    expect(receiver.spans.filter(s => s.traceId === refused.traceId)).toEqual([]);
  });
});
