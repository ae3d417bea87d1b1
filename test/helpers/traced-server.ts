import { randomBytes, randomUUID } from "node:crypto";
import { CREDENTIAL_HEADERS, Provider, DEFAULT_DEMO_KEYS, liveEnvFor, startTestSimulators, type TestSims } from "./providers.js";
import { type OtlpReceiver, type ReceivedSpan } from "./otlp-receiver.js";
import { startBuilt, type BuiltServer } from "./process.js";
import { until } from "./until.js";

/**
 * The built server (`node build/index.js`) exporting spans to `receiver`, calling simulators this
 * test process runs (so tests can inject faults and read what the providers received). The SDK
 * exports every 50 ms so tests wait for spans by polling, not by sleeping.
 */
export interface TracedServer {
  url: string;
  built: BuiltServer;
  sims: TestSims;
  /** POST an operation with the demo keys in the credential headers (plus `headers`). */
  gql(query: string, headers?: Record<string, string>): Promise<{ status: number; body: Record<string, unknown>; requestId: string }>;
  /** Wait for the SERVER span of the request with this `x-request-id` (found through its log line). */
  requestSpan(requestId: string): Promise<ReceivedSpan>;
  /** The CLIENT spans whose parent is `span`. */
  children(span: ReceivedSpan): ReceivedSpan[];
  stop(): Promise<void>;
}

/** Start a traced server; `env` adds to (or overrides) the tracing variables. */
export async function startTracedServer(receiver: OtlpReceiver, env: Record<string, string> = {}): Promise<TracedServer> {
  const sims = await startTestSimulators();
  const built = startBuilt({
    NODE_ENV: "development",
    LOG_LEVEL: "info",
    ...liveEnvFor(sims),
    OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
    OTEL_EXPORTER_OTLP_PROTOCOL: "http/json",
    OTEL_BSP_SCHEDULE_DELAY: "50",
    ...env,
  });
  const url = await built.ready();
  const keyHeaders: Record<string, string> = {};
  for (const provider of Object.values(Provider)) keyHeaders[CREDENTIAL_HEADERS[provider]] = DEFAULT_DEMO_KEYS[provider];

  const requestLine = (requestId: string) =>
    built.lines().find(line => line.msg === "graphql request" && line.requestId === requestId);
  return {
    url,
    built,
    sims,
    async gql(query, headers = {}) {
      const requestId = headers["x-request-id"] ?? randomUUID();
      const response = await fetch(`${url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", ...keyHeaders, "x-request-id": requestId, ...headers },
        body: JSON.stringify({ query }),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown>, requestId };
    },
    async requestSpan(requestId) {
      // The log line names the span (trace_id, span_id); the span arrives with the next export.
      await until(() => requestLine(requestId) !== undefined, `the log line of request ${requestId}`);
      const line = requestLine(requestId)!;
      const find = () => receiver.spans.find(s => s.traceId === line.trace_id && s.spanId === line.span_id);
      await until(() => find() !== undefined, `the request span of ${requestId}`);
      return find()!;
    },
    children: span => receiver.spans.filter(s => s.traceId === span.traceId && s.parentSpanId === span.spanId),
    async stop() {
      await built.stop();
      await sims.close();
    },
  };
}

/** A fresh W3C `traceparent` (sampled) and its ids. */
export function newTraceparent(): { header: string; traceId: string; parentId: string } {
  const traceId = randomBytes(16).toString("hex");
  const parentId = randomBytes(8).toString("hex");
  return { header: `00-${traceId}-${parentId}-01`, traceId, parentId };
}
