import { type IncomingHttpHeaders } from "node:http";
import {
  context,
  defaultTextMapGetter,
  defaultTextMapSetter,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Context as OtelContext,
  type Span,
  type Tracer,
} from "@opentelemetry/api";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { type AttemptSpan, type OperationInfo, type RequestTrace, type UpstreamCallInfo } from "./trace-context.js";

// The spans account-graph makes, on the OpenTelemetry API (loaded with the SDK, only when tracing
// is on): one SERVER span per GraphQL request, one CLIENT span per upstream attempt.

// The name OpenTelemetry's GraphQL conventions give a span whose operation is not known.
const UNKNOWN_OPERATION = "GraphQL Operation";
const MAX_NAME = 128;
const KNOWN_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"]);
// Only W3C trace context (`traceparent`, `tracestate`) is read from callers and sent to providers,
// never through the global propagator, which also carries `baggage`: a caller's user, tenant or
// session data must not reach third parties.
const TRACE_CONTEXT = new W3CTraceContextPropagator();

/**
 * The SERVER span of one request, continuing the W3C trace context in `headers` (the global
 * propagator) or starting a trace. Attempts become its children; `propagate` decides whether they
 * inject their context into the provider request.
 */
export function startRequestSpan(
  tracer: Tracer,
  propagateToProviders: boolean,
  method: string,
  route: string,
  headers: IncomingHttpHeaders,
): RequestTrace {
  const parent = TRACE_CONTEXT.extract(ROOT_CONTEXT, headers, defaultTextMapGetter);
  const span = tracer.startSpan(
    UNKNOWN_OPERATION,
    {
      kind: SpanKind.SERVER,
      attributes: {
        // HTTP conventions: a method outside the known set is `_OTHER` (the client's text stays out).
        "http.request.method": KNOWN_METHODS.has(method) ? method : "_OTHER",
        "url.path": route,
        "http.route": route,
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
      return startAttemptSpan(tracer, active, propagateToProviders, call, attempt);
    },
    cachedRead(call, outcome, ageSeconds) {
      span.addEvent(outcome === "fresh" ? "read cache hit" : "read cache stale answer", {
        "account_graph.provider": call.provider,
        "http.request.method": call.method,
        "url.template": call.path,
        "account_graph.read_cache.age_s": ageSeconds,
      });
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
      if (propagate) TRACE_CONTEXT.inject(trace.setSpan(parent, span), headers, defaultTextMapSetter);
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

