import { type SimCall, type SimFaultReplies } from "../../../simulators/sim-server.js";
import { errorInfo, fail, matchRoute } from "./cudo.errors.js";
import { type CudoSimState } from "./cudo.sim-state.js";

const RETRY_AFTER_SECONDS = 30;

/**
 * Requested faults in Cudo's words (`providers/cudo.md`): google.rpc status bodies in the shape
 * the simulator is set to, with `ErrorInfo`, `RetryInfo` and `BadRequest` details.
 */
export function cudoFaults(state: CudoSimState): SimFaultReplies {
  const accountId = (call: SimCall) => matchRoute(call.path)?.id;
  return {
    "rate-limited": () =>
      fail(
        state,
        429,
        "RESOURCE_EXHAUSTED",
        "Too many requests; retry later.",
        [errorInfo("RATE_LIMIT_EXCEEDED"), { "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay: `${RETRY_AFTER_SECONDS}s` }],
        { "Retry-After": String(RETRY_AFTER_SECONDS) },
      ),
    unavailable: () => fail(state, 503, "UNAVAILABLE", "The service is currently unavailable."),
    unauthenticated: () => fail(state, 401, "UNAUTHENTICATED", "API key is not valid.", [errorInfo("API_KEY_INVALID")]),
    forbidden: call => {
      const id = accountId(call);
      return id
        ? fail(state, 403, "PERMISSION_DENIED", `Permission denied on billing account ${id}.`, [
            errorInfo("BILLING_ACCOUNT_ACCESS_DENIED", { billingAccountId: id }),
          ])
        : fail(state, 403, "PERMISSION_DENIED", "Permission denied.", [errorInfo("PERMISSION_DENIED")]);
    },
    "not-found": call => {
      const id = accountId(call) ?? "";
      return fail(state, 404, "NOT_FOUND", `Billing account ${id} not found.`, [errorInfo("BILLING_ACCOUNT_NOT_FOUND", { billingAccountId: id })]);
    },
    // An update's violation names a field of the body; a listing's, its page size.
    "invalid-input": call => {
      const violation =
        call.method === "PATCH"
          ? { field: "billing_account.display_name", description: "display_name must be at most 100 characters." }
          : { field: "page_size", description: "page_size must not be negative." };
      return fail(state, 400, "INVALID_ARGUMENT", "Invalid fields in request.", [
        { "@type": "type.googleapis.com/google.rpc.BadRequest", fieldViolations: [violation] },
      ]);
    },
  };
}
