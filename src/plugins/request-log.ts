import { type Logger } from "pino";
import { ErrorCode } from "../errors/codes.js";
import { fixedLine } from "../observability/fixed-line.js";
import { operationLabel, type Metrics } from "../observability/metrics.js";
import { type FinishedRequest, type RequestTiming } from "./finished-request.js";

const MAX_LOGGED_NAME = 128;

/**
 * Writes one request's log line and metrics; see {@link requestLogger}. `codes` are the answer's
 * {@link answerErrorCodes}, which the response finisher works out once for the span and the line.
 */
export type LogRequest = (request: FinishedRequest, timing: RequestTiming, codes: string[] | undefined) => void;

/**
 * One log line and the request metrics per GraphQL request: request id, operation name, duration,
 * upstream call count, reads answered by the read cache and error codes (never variables or
 * headers). A repeated operation is one `document` cache hit when Apollo's document cache served
 * it (`parsed` false with a document); `apq` counts a text found by its hash in the persisted-query
 * store.
 */
export function requestLogger(metrics: Metrics, logger: Logger, knownOperations: readonly string[] = []): LogRequest {
  const seen = new Set<string>();
  const known = new Set(knownOperations);
  // The line's fields are fixed and carry no credential, so it skips the redaction pass the
  // process logger runs over every line, and its JSON is built here in one template.
  const line = fixedLine(logger, "info", "graphql request");
  return (request, { startedAt, parsed }, codes) => {
    const { contextValue, operationName, document } = request;
    if (request.metrics.persistedQueryHit) metrics.cacheHits.inc({ cache: "apq" });
    if (document && !parsed) metrics.cacheHits.inc({ cache: "document" });
    const durationMs = Math.round((performance.now() - startedAt) * 10) / 10;
    const operation = operationLabel(operationName, seen, known);
    metrics.requests.inc({ operation, outcome: codes?.[0] ?? "ok" });
    metrics.requestDuration.observe({ operation }, durationMs / 1000);
    const { calls, cachedReads } = contextValue.upstream;
    // A name is one token of any length: the line keeps a bounded prefix.
    const name = operationName ? JSON.stringify(operationName.slice(0, MAX_LOGGED_NAME)) : "null";
    let fields = `,"requestId":${JSON.stringify(contextValue.requestId)},"operationName":${name},"durationMs":${durationMs},"upstreamCalls":${calls.length}`;
    // Reads the read cache answered are not provider calls: counted apart, only when there are some.
    if (cachedReads.length > 0) fields += `,"cachedReads":${cachedReads.length}`;
    if (codes) fields += `,"errorCodes":${JSON.stringify(codes)}`;
    line(fields);
  };
}

/** The distinct `extensions.code`s of a finished request's errors, in order; undefined when none. */
export function answerErrorCodes(request: FinishedRequest): string[] | undefined {
  const { errors, response } = request;
  const body = response.body.kind === "single" ? response.body.singleResult : undefined;
  // Most answers have no errors: nothing is allocated for them.
  if (!errors?.length && !body?.errors?.length) return undefined;
  let codes: string[] | undefined;
  for (const error of [...(errors ?? []), ...(body?.errors ?? [])]) {
    const code = String((error.extensions as { code?: unknown } | undefined)?.code ?? ErrorCode.INTERNAL_SERVER_ERROR);
    if (!codes) codes = [code];
    else if (!codes.includes(code)) codes.push(code);
  }
  return codes;
}
