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
  "rate-limited": () => err(429, "Rate limit exceeded.", { code: "rateLimited" }, { "retry-after": "30" }),
  unavailable: () => err(503, "Service temporarily unavailable. Retry shortly."),
  unauthenticated: () => err(401, "Invalid API key."),
  // What Diffio answers a revoked key.
  forbidden: () => err(403, "API key is not active."),
  "not-found": () => err(404, "Not found."),
  // An update names the offending field first; a read has only its (empty) body to refuse.
  "invalid-input": call =>
    call.path.endsWith("/update") ? err(400, "billingPolicy.type is not supported.") : err(400, "Invalid JSON body."),
};
