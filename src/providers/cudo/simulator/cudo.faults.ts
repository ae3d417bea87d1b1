import { SIMULATED_RETRY_AFTER_SECONDS } from "../../../http/simulated-faults.js";
import { type SimCall, type SimFaultReplies } from "../../../simulators/sim-server.js";
import { errorInfo, fail, matchRoute } from "./cudo.errors.js";
import { type CudoSimState } from "./cudo.sim-state.js";

/**
 * Requested faults in Cudo's words (`providers/cudo.md`): google.rpc status bodies in the shape
 * the simulator is set to, with `ErrorInfo`, `RetryInfo` and `BadRequest` details.
 */
export function cudoFaults(state: CudoSimState): SimFaultReplies {
  const accountId = (call: SimCall) => matchRoute(call.path)?.id;
  return {
    "rate-limited": (_call, status) =>
      fail(
        state,
        status,
        "RESOURCE_EXHAUSTED",
        "Too many requests; retry later.",
        [errorInfo("RATE_LIMIT_EXCEEDED"), { "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay: `${SIMULATED_RETRY_AFTER_SECONDS}s` }],
        { "Retry-After": String(SIMULATED_RETRY_AFTER_SECONDS) },
      ),
    unavailable: (_call, status) => fail(state, status, "UNAVAILABLE", "The service is currently unavailable."),
    unauthenticated: (_call, status) => fail(state, status, "UNAUTHENTICATED", "API key is not valid.", [errorInfo("API_KEY_INVALID")]),
    forbidden: (call, status) => {
      const id = accountId(call);
      return id
        ? fail(state, status, "PERMISSION_DENIED", `Permission denied on billing account ${id}.`, [
            errorInfo("BILLING_ACCOUNT_ACCESS_DENIED", { billingAccountId: id }),
          ])
        : fail(state, status, "PERMISSION_DENIED", "Permission denied.", [errorInfo("PERMISSION_DENIED")]);
    },
    "not-found": (call, status) => {
      const id = accountId(call) ?? "";
      return fail(state, status, "NOT_FOUND", `Billing account ${id} not found.`, [errorInfo("BILLING_ACCOUNT_NOT_FOUND", { billingAccountId: id })]);
    },
    // An update's violation names a field of the body; a listing's, its page size.
    "invalid-input": (call, status) => {
      const violation =
        call.method === "PATCH"
          ? { field: "billing_account.display_name", description: "display_name must be at most 100 characters." }
          : { field: "page_size", description: "page_size must not be negative." };
      return fail(state, status, "INVALID_ARGUMENT", "Invalid fields in request.", [
        { "@type": "type.googleapis.com/google.rpc.BadRequest", fieldViolations: [violation] },
      ]);
    },
  };
}
