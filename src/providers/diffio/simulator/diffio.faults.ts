import { SIMULATED_RETRY_AFTER_SECONDS } from "../../../http/simulated-faults.js";
import { type SimFaultReplies, type SimReply } from "../../../simulators/sim-server.js";

const err = (status: number, error: string, extra: Record<string, unknown> = {}, headers?: Record<string, string>): SimReply => ({
  status,
  body: { error, ...extra },
  headers,
});

/**
 * Requested faults in Diffio's words (`providers/diffio.md`): `{error[, code]}` bodies. Diffio
 * documents no 429 or 503 body; those two follow its SDK's retry list and our simulator's [I].
 */
export const diffioFaults: SimFaultReplies = {
  "rate-limited": (_call, status) =>
    err(status, "Rate limit exceeded.", { code: "rateLimited" }, { "retry-after": String(SIMULATED_RETRY_AFTER_SECONDS) }),
  unavailable: (_call, status) => err(status, "Service temporarily unavailable. Retry shortly."),
  unauthenticated: (_call, status) => err(status, "Invalid API key."),
  // What Diffio answers a revoked key.
  forbidden: (_call, status) => err(status, "API key is not active."),
  "not-found": (_call, status) => err(status, "Not found."),
  // An update names the offending field first; a read has only its (empty) body to refuse.
  "invalid-input": (call, status) =>
    err(status, call.path.endsWith("/update") ? "billingPolicy.type is not supported." : "Invalid JSON body."),
};
