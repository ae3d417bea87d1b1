import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { startOtlpReceiver, type OtlpReceiver } from "../helpers/otlp-receiver.js";
import { startBuilt } from "../helpers/process.js";
import { newTraceparent, startTracedServer, type TracedServer } from "../helpers/traced-server.js";
import { until } from "../helpers/until.js";

// The settings around export: the default protocol, propagation to providers, off by default.

describe("with OTEL_PROPAGATE_TO_PROVIDERS=true and the default protocol", () => {
  let receiver: OtlpReceiver;
  let server: TracedServer;
  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    server = await startTracedServer(receiver, { OTEL_EXPORTER_OTLP_PROTOCOL: "", OTEL_PROPAGATE_TO_PROVIDERS: "true" });
  });
  afterAll(async () => {
    await server?.stop();
    await receiver?.close();
  });

  it("sends the attempt's trace context to the provider, in the caller's trace", async () => {
    const caller = newTraceparent();
    server.sims.diffio.control.reset();
    const answer = await server.gql(`query Sent { account(provider: DIFFIO) { id } }`, { traceparent: caller.header });
    expect(answer.status).toBe(200);
    const [call] = server.sims.diffio.control.calls;
    const sent = /^00-([0-9a-f]{32})-([0-9a-f]{16})-01$/.exec(String(call!.headers.traceparent));
    expect(sent?.[1]).toBe(caller.traceId);
    // The parent the provider sees is our attempt span, not the caller's span.
    expect(sent?.[2]).not.toBe(caller.parentId);
  });

  it("exports OTLP/HTTP protobuf to <endpoint>/v1/traces", async () => {
    await server.gql(`query Proto { account(provider: DIFFIO) { id } }`);
    await until(() => receiver.contentTypes.length > 0, "an export");
    expect(receiver.contentTypes).toContain("application/x-protobuf");
    expect(server.built.lines().some(l => String(l.msg).startsWith("tracing: OTLP http/protobuf"))).toBe(true);
  });
});

describe("with OTEL_TRACES_SAMPLER=parentbased_traceidratio and ratio 0", () => {
  it("exports no new trace, and follows a caller that sampled", async () => {
    const receiver = await startOtlpReceiver();
    const server = await startTracedServer(receiver, {
      OTEL_TRACES_SAMPLER: "parentbased_traceidratio",
      OTEL_TRACES_SAMPLER_ARG: "0",
    });
    try {
      const unsampled = await server.gql(`query Dropped { account(provider: DIFFIO) { id } }`);
      const caller = newTraceparent();
      const sampled = await server.gql(`query Kept { account(provider: DIFFIO) { id } }`, { traceparent: caller.header });
      const kept = await server.requestSpan(sampled.requestId);
      expect(kept.traceId).toBe(caller.traceId);
      // The unsampled request ended before the sampled one started: its spans would be here by now.
      const line = server.built.lines().find(l => l.requestId === unsampled.requestId)!;
      expect(receiver.spans.filter(s => s.traceId === line.trace_id)).toEqual([]);
      expect(receiver.spans.every(s => s.traceId === caller.traceId)).toBe(true);
    } finally {
      await server.stop();
      await receiver.close();
    }
  });
});

describe("a collector that refuses the export", () => {
  it("is one warning in the log, not silence and not a line per batch", async () => {
    const receiver = await startOtlpReceiver();
    receiver.refuseWith = 400;
    const server = await startTracedServer(receiver);
    try {
      const warnings = () => server.built.lines().filter(l => l.level === 40 && String(l.msg).startsWith("tracing: "));
      // Requests until at least two exports were refused and the warning is out.
      await until(async () => {
        await server.gql(`query Lost { account(provider: DIFFIO) { id } }`);
        return receiver.contentTypes.length >= 2 && warnings().length > 0;
      }, "two refused exports and the warning");
      expect(warnings()).toHaveLength(1);
    } finally {
      await server.stop();
      await receiver.close();
    }
  });
});

describe("without an OTLP endpoint", () => {
  it("starts without tracing: no tracing line, no trace ids in the log", async () => {
    const built = startBuilt({ NODE_ENV: "development", LOG_LEVEL: "info" });
    try {
      const url = await built.ready();
      const response = await fetch(`${url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-request-id": "untraced-1", traceparent: newTraceparent().header },
        body: JSON.stringify({ query: "query Off { account(provider: DIFFIO) { id } }" }),
      });
      expect(response.status).toBe(200);
      await until(() => built.lines().some(l => l.requestId === "untraced-1"), "the request's log line");
      const line = built.lines().find(l => l.requestId === "untraced-1")!;
      expect(line.trace_id).toBeUndefined();
      expect(line.span_id).toBeUndefined();
      expect(built.lines().some(l => String(l.msg).startsWith("tracing:"))).toBe(false);
    } finally {
      built.child.kill("SIGTERM");
      await built.exited();
    }
  });
});
