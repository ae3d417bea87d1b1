import { type IncomingHttpHeaders } from "node:http";
import {
  context,
  diag,
  DiagLogLevel,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Context as OtelContext,
  type Span,
  type Tracer,
} from "@opentelemetry/api";
import { OTLPTraceExporter as JsonExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { OTLPTraceExporter as ProtobufExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { defaultResource, detectResources, envDetector, resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor, NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { type TracingConfig } from "../config.js";
import {
  type AttemptSpan,
  type OperationInfo,
  type RequestTrace,
  type Tracing,
  type UpstreamCallInfo,
} from "./trace-context.js";

// Loaded by `tracing.ts` only when an OTLP endpoint is configured: nothing here is imported, let
// alone run, when tracing is off.

const SCOPE = "account-graph";
// The name OpenTelemetry's GraphQL conventions give a span whose operation is not known.
const UNKNOWN_OPERATION = "GraphQL Operation";
const NO_FIELDS: Record<string, string> = {};
const MAX_NAME = 128;
const KNOWN_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"]);
// A collector that does not answer must not hold the shutdown (the pod's grace period is 30 s).
const SHUTDOWN_MS = 3000;
// The SDK's own problems (an export that failed) reach the log at most this often.
const PROBLEM_LOG_INTERVAL_MS = 30_000;

/**
 * Start the OpenTelemetry SDK: a Node tracer provider (AsyncLocalStorage context, W3C trace
 * context and baggage propagators) registered globally, exporting OTLP over HTTP in batches. The
 * SDK reads the endpoint, `OTEL_EXPORTER_OTLP_HEADERS`, the sampler and `OTEL_BSP_*` from the
 * environment itself; the resource is `service.name=account-graph` and `service.version`,
 * overridden by `OTEL_SERVICE_NAME` and `OTEL_RESOURCE_ATTRIBUTES`.
 */
export function startOtel(config: TracingConfig, serviceVersion: string): Tracing {
  const exporter = config.protocol === "http/json" ? new JsonExporter() : new ProtobufExporter();
  const resource = defaultResource()
    .merge(resourceFromAttributes({ "service.name": SCOPE, "service.version": serviceVersion }))
    .merge(detectResources({ detectors: [envDetector] }));
  const provider = new NodeTracerProvider({ resource, spanProcessors: [new BatchSpanProcessor(exporter)] });
  provider.register();
  const tracer = trace.getTracer(SCOPE, serviceVersion);

  return {
    startRequest(method, headers) {
      return startRequestSpan(tracer, config, method, headers);
    },
    logFields(): Record<string, string> {
      const span = trace.getSpan(context.active());
      if (!span) return NO_FIELDS;
      const { traceId, spanId } = span.spanContext();
      return { trace_id: traceId, span_id: spanId };
    },
    describe() {
      return `tracing: OTLP ${config.protocol} to ${safeOrigin(config.endpoint)}, sampler ${config.sampler}, trace context ${config.propagateToProviders ? "sent" : "not sent"} to providers (OTEL_PROPAGATE_TO_PROVIDERS)`;
    },
    useLogger(logger) {
      let last = -Infinity;
      let suppressed = 0;
      const report = (...args: unknown[]) => {
        const now = Date.now();
        if (now - last < PROBLEM_LOG_INTERVAL_MS) {
          suppressed += 1;
          return;
        }
        last = now;
        // The SDK's messages name the collector and the failure, never the export headers.
        const message = args.map(a => (a instanceof Error ? a.message : String(a))).join(" ").slice(0, 300);
        logger.warn({ suppressed }, `tracing: ${message}`);
        suppressed = 0;
      };
      diag.setLogger(
        { error: report, warn: report, info: () => undefined, debug: () => undefined, verbose: () => undefined },
        { logLevel: DiagLogLevel.WARN, suppressOverrideMessage: true },
      );
    },
    async shutdown() {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<void>(resolve => {
        timer = setTimeout(resolve, SHUTDOWN_MS);
        timer.unref();
      });
      await Promise.race([provider.shutdown(), late]);
      clearTimeout(timer);
    },
  };
}

function startRequestSpan(
  tracer: Tracer,
  config: TracingConfig,
  method: string,
  headers: IncomingHttpHeaders,
): RequestTrace {
  // Only the W3C headers are read (the global propagator: traceparent, tracestate, baggage).
  const parent = propagation.extract(ROOT_CONTEXT, headers);
  const span = tracer.startSpan(
    UNKNOWN_OPERATION,
    {
      kind: SpanKind.SERVER,
      attributes: {
        // HTTP conventions: a method outside the known set is `_OTHER` (the client's text stays out).
        "http.request.method": KNOWN_METHODS.has(method) ? method : "_OTHER",
        "url.path": "/graphql",
        "http.route": "/graphql",
      },
    },
    parent,
  );
  const active = trace.setSpan(parent, span);
  const { traceId, spanId } = span.spanContext();
  let failedWith: string | undefined;
  return {
    logFields: { trace_id: traceId, span_id: spanId },
    attempt(call, attempt) {
      return startAttemptSpan(tracer, active, config.propagateToProviders, call, attempt);
    },
    operation(info: OperationInfo) {
      // The name is the caller's text: bounded, so a span name cannot grow without limit.
      if (info.name && info.name.length > MAX_NAME) info = { ...info, name: info.name.slice(0, MAX_NAME) };
      if (info.type) {
        span.updateName(info.name ? `${info.type} ${info.name}` : info.type);
        span.setAttribute("graphql.operation.type", info.type);
      }
      if (info.name) span.setAttribute("graphql.operation.name", info.name);
      if (info.errorCodes) {
        failedWith = info.errorCodes[0];
        span.setAttribute("account_graph.error_codes", info.errorCodes);
      }
    },
    run: fn => context.with(active, fn),
    end(status) {
      span.setAttribute("http.response.status_code", status);
      if (failedWith) {
        span.setAttribute("error.type", failedWith);
        span.setStatus({ code: SpanStatusCode.ERROR, message: failedWith });
      } else if (status >= 500) {
        span.setAttribute("error.type", String(status));
        span.setStatus({ code: SpanStatusCode.ERROR });
      }
      span.end();
    },
  };
}

function startAttemptSpan(
  tracer: Tracer,
  parent: OtelContext,
  propagate: boolean,
  call: UpstreamCallInfo,
  attempt: number,
): AttemptSpan {
  // HTTP client conventions: "{method} {url.template}", the template being the path without ids
  // when the client named one (`rest-client.ts` passes the route).
  const span: Span = tracer.startSpan(
    `${call.method} ${call.path}`,
    {
      kind: SpanKind.CLIENT,
      attributes: {
        "account_graph.provider": call.provider,
        "http.request.method": call.method,
        "url.template": call.path,
        "account_graph.attempt": attempt,
        ...(attempt > 1 ? { "http.request.resend_count": attempt - 1 } : {}),
      },
    },
    parent,
  );
  let ended = false;
  const finish = (status: number | undefined) => {
    if (ended) return false;
    ended = true;
    if (status !== undefined) span.setAttribute("http.response.status_code", status);
    return true;
  };
  return {
    budgetWaited(waitMs, outcome) {
      span.addEvent("concurrency budget", {
        "account_graph.budget.wait_ms": Math.round(waitMs * 10) / 10,
        "account_graph.budget.outcome": outcome,
      });
    },
    circuitOpen(retryAfterSeconds) {
      span.addEvent("circuit open", { "account_graph.circuit.retry_after_s": retryAfterSeconds });
    },
    inject(headers) {
      if (propagate) propagation.inject(trace.setSpan(parent, span), headers);
    },
    ok(status) {
      if (!finish(status)) return;
      span.end();
    },
    retrying(status, reason, delayMs) {
      if (!finish(status)) return;
      span.setAttribute("error.type", reason);
      span.addEvent("retry scheduled", { "account_graph.retry.delay_ms": delayMs });
      span.setStatus({ code: SpanStatusCode.ERROR, message: reason });
      span.end();
    },
    failed(status, code) {
      if (!finish(status)) return;
      span.setAttribute("error.type", code);
      span.setAttribute("account_graph.error.code", code);
      span.setStatus({ code: SpanStatusCode.ERROR, message: code });
      span.end();
    },
  };
}

// The endpoint's origin only: a URL's user info or query could carry a collector credential.
function safeOrigin(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  } catch {
    return "(invalid URL)";
  }
}
