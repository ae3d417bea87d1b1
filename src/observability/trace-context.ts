import { type IncomingHttpHeaders } from "node:http";

/**
 * The tracing seams the request path calls. Only types live here: code on the hot path imports
 * this file, never the OpenTelemetry SDK, and checks `if (trace)` — when tracing is off every
 * one of these is `undefined` and costs a property read.
 */

/** What a request span learns once GraphQL knows the operation. */
export interface OperationInfo {
  /** `query`, `mutation`; undefined when the document did not parse or name a known operation. */
  type: string | undefined;
  name: string | undefined;
  /** Contract error codes of the answer (first one also becomes the span's error). */
  errorCodes: string[] | undefined;
}

/** One upstream call as the REST client sees it: no host, no query string, no headers. */
export interface UpstreamCallInfo {
  provider: string;
  method: string;
  /** The path as sent without its query string (ids are the caller's, never credentials). */
  path: string;
}

/**
 * One CLIENT span: one HTTP attempt at a provider. A read retried after a 503 is two spans, the
 * second with `http.request.resend_count` 1 (OpenTelemetry's HTTP conventions). End it once, with
 * one of `ok`, `retrying` or `failed`; later calls are ignored.
 */
export interface AttemptSpan {
  /** Time spent waiting for a concurrency slot (a provider's `maxConcurrencyPerCredential`), as an event. */
  budgetWaited(waitMs: number, outcome: "acquired" | "timeout" | "unavailable"): void;
  /** The provider's circuit was open: no request went out (an event; the span fails). */
  circuitOpen(retryAfterSeconds: number): void;
  /** Add `traceparent`/`tracestate` to the outgoing headers when propagation to providers is on. */
  inject(headers: Record<string, string>): void;
  ok(status: number): void;
  /** This attempt failed and another follows after `delayMs`. */
  retrying(status: number | undefined, reason: string, delayMs: number): void;
  /** The call ends here with the contract error `code`. */
  failed(status: number | undefined, code: string): void;
}

/** The SERVER span of one GraphQL request. Create one per request with {@link Tracing.startRequest}. */
export interface RequestTrace {
  /** Log fields joining this request's log lines to its trace. */
  readonly logFields: { trace_id: string; span_id: string };
  /** Start the span of the next attempt of `call` (`attempt` counts from 1). */
  attempt(call: UpstreamCallInfo, attempt: number): AttemptSpan;
  /**
   * A read the read cache answered (`fresh`, or `stale` because the provider was unavailable): an
   * event on this span, since no request went out.
   */
  cachedRead(call: UpstreamCallInfo, outcome: "fresh" | "stale", ageSeconds: number): void;
  /** Name the span after its operation (`query AccountDetails`) and record its outcome. */
  operation(info: OperationInfo): void;
  /** Run `fn` with this span as the active context (log lines written inside carry its ids). */
  run<T>(fn: () => T): T;
  /** End the span with the HTTP status sent. */
  end(status: number): void;
}

/** Tracing as the server uses it; built by `startTracing` (`tracing.ts`) only when enabled. */
export interface Tracing {
  /**
   * A request span continuing the caller's `traceparent`/`tracestate`, or a new trace; `route` is
   * the endpoint's path (`url.path` and `http.route`).
   */
  startRequest(method: string, route: string, headers: IncomingHttpHeaders): RequestTrace;
  /** For the logger's mixin: the active span's ids, or nothing outside a traced request. */
  logFields(): Record<string, string>;
  /** One line for the start-up log: where spans go, the sampler, provider propagation. */
  describe(): string;
  /** Where the SDK's own problems go (a failed export), at most one line per 30 s. */
  useLogger(logger: { warn(fields: object, message: string): void }): void;
  /** Export what is buffered and stop (on shutdown), waiting at most a few seconds for the collector. */
  shutdown(): Promise<void>;
}
