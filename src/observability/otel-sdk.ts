import { context, diag, DiagLogLevel, trace } from "@opentelemetry/api";
import { OTLPTraceExporter as JsonExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { OTLPTraceExporter as ProtobufExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { defaultResource, detectResources, envDetector, resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor, NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { type TracingConfig } from "../config.js";
import { startRequestSpan } from "./otel-spans.js";
import { type Tracing } from "./trace-context.js";

// Loaded by `tracing.ts` only when an OTLP endpoint is configured: nothing here is imported, let
// alone run, when tracing is off.

const SCOPE = "account-graph";
const NO_FIELDS: Record<string, string> = {};
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
    startRequest(method, route, headers) {
      return startRequestSpan(tracer, config.propagateToProviders, method, route, headers);
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

// The endpoint's origin only: a URL's user info or query could carry a collector credential.
function safeOrigin(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  } catch {
    return "(invalid URL)";
  }
}
