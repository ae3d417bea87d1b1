import { type ProviderFacts, type ProviderId } from "../contract/provider-facts.js";
import { ErrorCode } from "../errors/codes.js";

/**
 * The request header that asks the simulators for provider failures (simulated mode only):
 * `X-Simulate-Fault: <provider>=<fault>[, <provider>=<fault> ...]`, the provider by its id in any case.
 */
export const SIMULATE_FAULT_HEADER = "x-simulate-fault";

/** How long every simulated rate limit asks the caller to wait (`Retry-After`, in seconds). */
export const SIMULATED_RETRY_AFTER_SECONDS = 30;

/**
 * The faults a caller can ask for, each with the status the provider's simulator answers it with
 * (none for `timeout`), what that answer means, and the GraphQL error code the caller gets. Each
 * simulator words the answer as its real provider does (error body, `Retry-After`); account-graph
 * reads it like any other.
 */
export const SIMULATED_FAULTS = {
  "rate-limited": { status: 429, does: `the provider's body and Retry-After: ${SIMULATED_RETRY_AFTER_SECONDS}`, code: ErrorCode.RATE_LIMITED },
  unavailable: { status: 503, does: "the provider is down", code: ErrorCode.UPSTREAM_ERROR },
  timeout: { status: undefined, does: "no answer, until UPSTREAM_TIMEOUT_MS runs out", code: ErrorCode.UPSTREAM_TIMEOUT },
  unauthenticated: { status: 401, does: "the key is unknown or revoked", code: ErrorCode.UNAUTHENTICATED },
  forbidden: { status: 403, does: "the key may not do this", code: ErrorCode.FORBIDDEN },
  "not-found": { status: 404, does: "no such account", code: ErrorCode.NOT_FOUND },
  "invalid-input": { status: 400, does: "the provider refuses the input", code: ErrorCode.BAD_USER_INPUT },
} as const;

/** One of {@link SIMULATED_FAULTS}. */
export type SimulatedFault = keyof typeof SIMULATED_FAULTS;

/** The faults a simulator answers (all but `timeout`), each with its status. */
export type AnsweredFault = Exclude<SimulatedFault, "timeout">;

/** What {@link SIMULATED_FAULTS} says of `fault`, in one phrase: its status first, when it has one. */
export function describeFault(fault: SimulatedFault): string {
  const { status, does } = SIMULATED_FAULTS[fault];
  return status === undefined ? does : `${status}, ${does}`;
}

/** Faults by provider id, as one request asked for them. */
export type RequestedFaults = ReadonlyMap<ProviderId, SimulatedFault>;

const FAULT_NAMES = Object.keys(SIMULATED_FAULTS) as SimulatedFault[];

/** Whether `name` is one of {@link SIMULATED_FAULTS}. */
export function isSimulatedFault(name: string): name is SimulatedFault {
  return Object.hasOwn(SIMULATED_FAULTS, name);
}

/**
 * Read an `X-Simulate-Fault` value; a provider is named by its id in any case.
 * Returns the faults by provider id, or a message naming what is wrong and what is accepted.
 */
export function parseSimulatedFaults(
  value: string,
  providers: readonly ProviderFacts[],
): { faults: RequestedFaults } | { problem: string } {
  const names = providers.map(p => p.id.toLowerCase());
  const faults = new Map<ProviderId, SimulatedFault>();
  const form = "<provider>=<fault>[, <provider>=<fault> ...]";
  for (const item of value.split(",")) {
    const text = item.trim();
    if (!text) continue;
    const match = /^([^=\s]+)\s*=\s*(\S+)$/.exec(text);
    if (!match) return { problem: `X-Simulate-Fault must be ${form}; "${text}" is not` };
    const [, providerName, fault] = match as unknown as [string, string, string];
    const provider = providers.find(p => p.id.toLowerCase() === providerName.toLowerCase());
    if (!provider) {
      return { problem: `X-Simulate-Fault names no provider "${providerName}"; the providers are ${names.join(", ")}` };
    }
    if (!isSimulatedFault(fault)) {
      return { problem: `X-Simulate-Fault has no fault "${fault}"; the faults are ${FAULT_NAMES.join(", ")}` };
    }
    if (faults.has(provider.id)) {
      return { problem: `X-Simulate-Fault names ${names[providers.indexOf(provider)]} twice` };
    }
    faults.set(provider.id, fault);
  }
  if (faults.size === 0) return { problem: `X-Simulate-Fault must be ${form}, e.g. ${names[0]}=rate-limited` };
  return { faults };
}
