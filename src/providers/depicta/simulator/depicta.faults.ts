import { type SimFaultReplies } from "../../../simulators/sim-server.js";
import { depictaErrorReply as reply } from "./depicta.error-body.js";

/**
 * Requested faults in Depicta's words (`providers/depicta.md`): `{error, message, details,
 * request_id}` with its documented codes; its 429 is about `maxConcurrent` requests in flight.
 * 503 has no documented code; `service_unavailable` is ours [I].
 */
export const depictaFaults = (maxConcurrent: number): SimFaultReplies => ({
  "rate-limited": () =>
    reply(429, "rate_limited", `too many concurrent requests (max ${maxConcurrent})`, { max_concurrent: maxConcurrent }, { "retry-after": "30" }),
  unavailable: () => reply(503, "service_unavailable", "Depicta is temporarily unavailable. Retry shortly."),
  unauthenticated: () => reply(401, "auth_invalid", "Invalid API key."),
  forbidden: () => reply(403, "account_suspended", "This account is suspended. Contact support."),
  "not-found": call => reply(404, "not_found", `No route for ${call.method} ${call.path}.`),
  // A PATCH names the refused field in `details`.
  "invalid-input": call =>
    call.method === "PATCH"
      ? reply(400, "bad_request", "name must be at most 100 characters.", { field: "name", max_length: 100 })
      : reply(400, "bad_request", "Invalid request."),
});
