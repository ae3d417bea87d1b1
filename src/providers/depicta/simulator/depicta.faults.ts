import { SIMULATED_RETRY_AFTER_SECONDS } from "../../../http/simulated-faults.js";
import { type SimFaultReplies } from "../../../simulators/sim-server.js";
import { depictaErrorReply as reply } from "./depicta.error-body.js";

/**
 * Requested faults in Depicta's words (`providers/depicta.md`): `{error, message, details,
 * request_id}` with its documented codes; its 429 is about `maxConcurrent` requests in flight.
 * 503 has no documented code; `service_unavailable` is ours [I].
 */
export const depictaFaults = (maxConcurrent: number): SimFaultReplies => ({
  "rate-limited": (_call, status) =>
    reply(status, "rate_limited", `too many concurrent requests (max ${maxConcurrent})`, { max_concurrent: maxConcurrent }, {
      "retry-after": String(SIMULATED_RETRY_AFTER_SECONDS),
    }),
  unavailable: (_call, status) => reply(status, "service_unavailable", "Depicta is temporarily unavailable. Retry shortly."),
  unauthenticated: (_call, status) => reply(status, "auth_invalid", "Invalid API key."),
  forbidden: (_call, status) => reply(status, "account_suspended", "This account is suspended. Contact support."),
  "not-found": (call, status) => reply(status, "not_found", `No route for ${call.method} ${call.path}.`),
  // A PATCH names the refused field in `details`.
  "invalid-input": (call, status) =>
    call.method === "PATCH"
      ? reply(status, "bad_request", "name must be at most 100 characters.", { field: "name", max_length: 100 })
      : reply(status, "bad_request", "Invalid request."),
});
