import { type SimCall, type SimFaultReplies, type SimReply } from "../../../simulators/sim-server.js";
import { cudoErrorBody, type CudoCanonicalCode, type CudoErrorDetail, type CudoSimState } from "./cudo.sim-state.js";

const DOMAIN = "compute.cudo.dev";
const RETRY_AFTER_SECONDS = 30;

const errorInfo = (reason: string, metadata: Record<string, string> = {}): CudoErrorDetail => ({
  "@type": "type.googleapis.com/google.rpc.ErrorInfo",
  reason,
  domain: DOMAIN,
  metadata,
});

// The billing account a call is about (`/v1/billing-accounts/{id}`), if any.
function accountId(call: SimCall): string | undefined {
  const match = /^\/v1\/billing-accounts\/([^/]+)$/.exec(call.path);
  return match ? decodeURIComponent(match[1]!) : undefined;
}

/**
 * Requested faults in Cudo's words (`providers/cudo.md`): google.rpc status bodies in the shape
 * the simulator is set to, with `ErrorInfo`, `RetryInfo` and `BadRequest` details.
 */
export function cudoFaults(state: CudoSimState): SimFaultReplies {
  const fail = (
    status: number,
    canonical: CudoCanonicalCode,
    message: string,
    details: CudoErrorDetail[] = [],
    headers?: Record<string, string>,
  ): SimReply => ({ status, body: cudoErrorBody(state.errorShape, status, canonical, message, details), headers });
  return {
    "rate-limited": () =>
      fail(
        429,
        "RESOURCE_EXHAUSTED",
        "Too many requests; retry later.",
        [errorInfo("RATE_LIMIT_EXCEEDED"), { "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay: `${RETRY_AFTER_SECONDS}s` }],
        { "Retry-After": String(RETRY_AFTER_SECONDS) },
      ),
    unavailable: () => fail(503, "UNAVAILABLE", "The service is currently unavailable."),
    unauthenticated: () => fail(401, "UNAUTHENTICATED", "API key is not valid.", [errorInfo("API_KEY_INVALID")]),
    forbidden: call => {
      const id = accountId(call);
      return id
        ? fail(403, "PERMISSION_DENIED", `Permission denied on billing account ${id}.`, [
            errorInfo("BILLING_ACCOUNT_ACCESS_DENIED", { billingAccountId: id }),
          ])
        : fail(403, "PERMISSION_DENIED", "Permission denied.", [errorInfo("PERMISSION_DENIED")]);
    },
    "not-found": call => {
      const id = accountId(call) ?? "";
      return fail(404, "NOT_FOUND", `Billing account ${id} not found.`, [errorInfo("BILLING_ACCOUNT_NOT_FOUND", { billingAccountId: id })]);
    },
    // An update's violation names a field of the body; a listing's, its page size.
    "invalid-input": call => {
      const violation =
        call.method === "PATCH"
          ? { field: "billing_account.display_name", description: "display_name must be at most 100 characters." }
          : { field: "page_size", description: "page_size must not be negative." };
      return fail(400, "INVALID_ARGUMENT", "Invalid fields in request.", [
        { "@type": "type.googleapis.com/google.rpc.BadRequest", fieldViolations: [violation] },
      ]);
    },
  };
}
