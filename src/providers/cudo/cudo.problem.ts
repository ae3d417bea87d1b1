import { type FieldError } from "../../errors/field-errors.js";
import { type UpstreamProblem } from "../../errors/upstream-error.js";
import { type RestCall } from "../../rest/rest-client.js";
import { type CudoErrorDetailDto, type CudoErrorDto } from "./cudo.dto.js";
import { toInputFieldError } from "./cudo.field-paths.js";

/** Canonical names of the gRPC status codes, by number (grpc-gateway's `Status.code`). */
const GRPC_NAMES = [
  "OK",
  "CANCELLED",
  "UNKNOWN",
  "INVALID_ARGUMENT",
  "DEADLINE_EXCEEDED",
  "NOT_FOUND",
  "ALREADY_EXISTS",
  "PERMISSION_DENIED",
  "RESOURCE_EXHAUSTED",
  "FAILED_PRECONDITION",
  "ABORTED",
  "OUT_OF_RANGE",
  "UNIMPLEMENTED",
  "INTERNAL",
  "UNAVAILABLE",
  "DATA_LOSS",
  "UNAUTHENTICATED",
];

// Cudo's documented HTTP mapping, read backwards, for a body whose `code` is an HTTP status but
// which has no `status` name (ambiguous statuses such as 409 get the most common name).
const HTTP_NAMES: Record<number, string> = {
  400: "INVALID_ARGUMENT",
  401: "UNAUTHENTICATED",
  403: "PERMISSION_DENIED",
  404: "NOT_FOUND",
  409: "ABORTED",
  429: "RESOURCE_EXHAUSTED",
  499: "CANCELLED",
  500: "INTERNAL",
  501: "UNIMPLEMENTED",
  503: "UNAVAILABLE",
  504: "DEADLINE_EXCEEDED",
};

const isType = (detail: CudoErrorDetailDto, name: string) =>
  typeof detail["@type"] === "string" && detail["@type"].endsWith(`/google.rpc.${name}`);

/** The canonical code name: `status` (AIP-193 shape), else derived from the numeric `code`. */
function canonicalName(dto: CudoErrorDto): string | undefined {
  if (typeof dto.status === "string" && dto.status) return dto.status;
  const { code } = dto;
  if (typeof code !== "number" || !Number.isInteger(code)) return undefined;
  // gRPC codes are 0-16 and HTTP statuses 100-599, so the two shapes cannot be confused.
  return GRPC_NAMES[code] ?? HTTP_NAMES[code];
}

/** Seconds from a proto3 JSON Duration (`"30s"`, `"1.5s"`), rounded up; undefined otherwise. */
export function durationSeconds(value: unknown): number | undefined {
  if (typeof value !== "string") return undefined;
  const match = /^\s*(\d+(?:\.\d+)?)s\s*$/.exec(value);
  return match ? Math.ceil(Number(match[1])) : undefined;
}

/**
 * Read a Cudo error body in either documented shape (`{code, status, message, details}` with the
 * HTTP status as `code`, or `{code, message, details}` with the gRPC code) into an
 * {@link UpstreamProblem}: message (plus the `ErrorInfo` reason), canonical code name,
 * `BadRequest` field violations as GraphQL input paths (updates only: reads have no input),
 * `RetryInfo` delay and `RequestInfo` id. Anything missing is left undefined, so the REST client
 * falls back to the `Retry-After` and `X-Request-Id` headers.
 */
export function parseCudoProblem(body: unknown, call: RestCall): UpstreamProblem {
  const dto = (body && typeof body === "object" ? body : {}) as CudoErrorDto & { error?: unknown };
  const details = Array.isArray(dto.details)
    ? dto.details.filter((d): d is CudoErrorDetailDto => !!d && typeof d === "object")
    : [];
  const reason = details.find(d => isType(d, "ErrorInfo"))?.reason;
  const retry = details.find(d => isType(d, "RetryInfo"));
  const requestId = details.find(d => isType(d, "RequestInfo"))?.requestId;
  const violations = details
    .filter(d => isType(d, "BadRequest"))
    .flatMap(d => (Array.isArray(d.fieldViolations) ? d.fieldViolations : []))
    .filter(v => v && typeof v.field === "string")
    .map(v => ({
      field: v.field!,
      description: typeof v.description === "string" ? v.description : "",
    }));

  // grpc-gateway v1 bodies carried the message in `error`.
  const base =
    typeof dto.message === "string" ? dto.message : typeof dto.error === "string" ? dto.error : "";
  const parts = [base.trim()];
  if (typeof reason === "string" && reason) parts.push(`(${reason})`);
  const fieldErrors: FieldError[] = [];
  if (call.method === "PATCH") {
    fieldErrors.push(...violations.map(v => toInputFieldError(v.field, v.description)));
  } else if (violations.length > 0) {
    // A read has no input to point at: say what Cudo refused in the message instead.
    parts.push(`[${violations.map(v => `${v.field}: ${v.description}`).join("; ")}]`);
  }
  const message = parts.filter(Boolean).join(" ");
  return {
    message: message || undefined,
    providerCode: canonicalName(dto),
    requestId: typeof requestId === "string" && requestId ? requestId : undefined,
    fieldErrors,
    retryAfterSeconds: durationSeconds(retry?.retryDelay),
  };
}
