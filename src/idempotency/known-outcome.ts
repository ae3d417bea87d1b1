import { isRetryableStatus } from "../rest/retry-policy.js";
import { type UpstreamCallRecord } from "../rest/upstream-recorder.js";

/**
 * Whether a provider's answer to a call settles what the call did, so that the request's answer
 * may be kept for retries: a success that was read (2xx, `ok`), or a refusal that the same call
 * would get again (4xx but 408 and 429, which say "not now"). Everything else leaves the outcome
 * unknown or passing: no answer (timeout, connection reset or refused, an open circuit, no
 * concurrency slot), a 5xx, a 429, an unreadable 2xx, a call still in flight when GraphQL answered.
 */
export function settledCall(call: Pick<UpstreamCallRecord, "status" | "outcome">): boolean {
  const { status, outcome } = call;
  if (status === null) return false;
  if (status >= 200 && status < 300) return outcome === "ok";
  // The retry table's 4xx (408, 429) say "not now", not no.
  return status >= 400 && status < 500 && !isRetryableStatus(status);
}

/**
 * Why a run's answer is kept or not: `settled` (kept), `unsent` (no provider call) or `unknown`
 * (a call did not settle).
 */
export type RunOutcome = "settled" | "unsent" | "unknown";

/**
 * The rule for the answer of a keyed mutation that ran (docs/api.md, "Retry-safe mutations"):
 * - no provider call was made (refused by validation, a missing credential, the call budget):
 *   `unsent`, not kept, and the key can be used again with a corrected input;
 * - every call settled ({@link settledCall}): `settled`, kept and replayed to retries;
 * - otherwise `unknown`, not kept: the provider may or may not have applied the write, and a retry
 *   with the same key runs the mutation again. The four mutations set values, so a write applied
 *   twice leaves what one leaves, and the retry's answer says what is there now.
 */
export function runOutcome(calls: readonly Pick<UpstreamCallRecord, "status" | "outcome">[]): RunOutcome {
  if (calls.length === 0) return "unsent";
  return calls.every(settledCall) ? "settled" : "unknown";
}
