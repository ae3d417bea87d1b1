import { SIMULATED_RETRY_AFTER_SECONDS } from "../../../http/simulated-faults.js";
import { type SimCall, type SimFaultReplies, type SimReply } from "../../../simulators/sim-server.js";
import { newRequestId, problem, type HostupFieldError } from "./hostup.problem.js";

// A problem for `call` with its request id in the body and in `X-Request-Id`, as every answer has.
function reply(
  call: SimCall,
  [status, code, title, detail]: [number, string, string, string],
  extra: { headers?: Record<string, string>; errors?: HostupFieldError[] } = {},
): SimReply {
  const ctx = { call, requestId: newRequestId() };
  const answer = problem(ctx, status, code, title, detail, extra.errors);
  return { ...answer, headers: { ...answer.headers, ...extra.headers, "x-request-id": ctx.requestId } };
}

/**
 * Requested faults in Hostup's words (`providers/hostup.md`): RFC 7807 problems with their
 * documented codes; a 429 carries `Retry-After` and the `X-RateLimit-*` headers.
 */
export const hostupFaults: SimFaultReplies = {
  "rate-limited": (call, status) =>
    reply(call, [status, "rate_limited", "Rate limit exceeded", "Rate limit exceeded. Please try again later."], {
      headers: {
        "retry-after": String(SIMULATED_RETRY_AFTER_SECONDS),
        "x-ratelimit-limit": "60",
        "x-ratelimit-remaining": "0",
        // Documented as an ISO timestamp, not epoch seconds.
        "x-ratelimit-reset": new Date(Date.now() + SIMULATED_RETRY_AFTER_SECONDS * 1000).toISOString(),
      },
    }),
  unavailable: (call, status) =>
    reply(call, [status, "upstream_unavailable", "Service unavailable", "Account data could not be loaded. Please try again later."]),
  unauthenticated: (call, status) => reply(call, [status, "unauthorized", "Unauthorized", "The API key is invalid, expired or revoked."]),
  forbidden: (call, status) => reply(call, [status, "forbidden", "Forbidden", "The API key does not have the scope this request needs."]),
  "not-found": (call, status) => reply(call, [status, "not_found", "Not found", `No resource matches ${call.path}.`]),
  // A PATCH names the field it refuses with a JSON Pointer into the body.
  "invalid-input": (call, status) =>
    reply(call, [status, "invalid_request", "Validation failed", "The request body failed validation."], {
      errors:
        call.method === "PATCH"
          ? [{ pointer: "/localization/timezone", detail: "`timezone` must be a valid IANA time zone.", code: "invalid_request" }]
          : undefined,
    }),
};
