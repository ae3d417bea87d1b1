import { GraphQLError } from "graphql";
import { type ProviderId, type ProviderRef } from "../contract/provider-facts.js";
import { ErrorCode } from "./codes.js";
import { isRetryableStatus } from "../rest/retry-policy.js";
import { type FieldError } from "./field-errors.js";

/** What a provider's error body said, parsed by that provider's client (see `RestClient.parseProblem`). */
export interface UpstreamProblem {
  /** The provider's human-readable message (secrets are redacted before it is used). */
  message?: string;
  /** The provider's machine-readable code, e.g. `credit_insufficient`, `invalid_request`. */
  providerCode?: string;
  requestId?: string;
  /** Field errors already translated into GraphQL input paths. */
  fieldErrors?: FieldError[];
  retryAfterSeconds?: number;
}

/** Every way an upstream call can fail; {@link upstreamError} turns each into the contract's error. */
export type UpstreamFailure =
  | { kind: "status"; status: number; problem: UpstreamProblem }
  | { kind: "timeout" }
  | { kind: "network"; reason: string }
  | { kind: "unreadable"; status: number; reason: string; requestId?: string }
  | { kind: "no-credential"; header: string }
  | { kind: "circuit-open"; retryAfterSeconds: number }
  | { kind: "budget-unavailable" }
  | { kind: "call-budget"; budget: number };

/**
 * Whether a later attempt can succeed where this one failed: connection failures, timeouts, a
 * paused circuit, an unreachable shared budget, and the statuses of {@link isRetryableStatus};
 * not 501, 505 or other statuses, bodies that cannot be read, a missing credential or a spent
 * call budget. It is the `retryable` flag of every upstream error, and the REST client retries a
 * read exactly when it is true and the wait fits in the deadline (an unreachable shared budget
 * aside: its store's client retries on its own).
 */
export function isRetryableFailure(failure: UpstreamFailure): boolean {
  switch (failure.kind) {
    case "status":
      return isRetryableStatus(failure.status);
    case "network":
    case "timeout":
    case "circuit-open":
    case "budget-unavailable":
      return true;
    case "unreadable":
    case "no-credential":
    case "call-budget":
      return false;
  }
}

/** A GraphQL error that came from (or instead of) a provider call; always carries `extensions.provider`. */
export class UpstreamError extends GraphQLError {}

const STATUS_CODES: Record<number, ErrorCode> = {
  400: ErrorCode.BAD_USER_INPUT,
  422: ErrorCode.BAD_USER_INPUT,
  401: ErrorCode.UNAUTHENTICATED,
  402: ErrorCode.PAYMENT_REQUIRED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  408: ErrorCode.UPSTREAM_TIMEOUT,
  409: ErrorCode.CONFLICT,
  429: ErrorCode.RATE_LIMITED,
};

const VERBS: Partial<Record<ErrorCode, string>> = {
  [ErrorCode.BAD_USER_INPUT]: "rejected the input",
  [ErrorCode.UNAUTHENTICATED]: "rejected the credential",
  [ErrorCode.PAYMENT_REQUIRED]: "requires payment",
  [ErrorCode.FORBIDDEN]: "refused access",
  [ErrorCode.NOT_FOUND]: "found no such resource",
  [ErrorCode.CONFLICT]: "reported a conflict",
  [ErrorCode.RATE_LIMITED]: "rate-limited the request",
  [ErrorCode.UPSTREAM_TIMEOUT]: "did not answer in time",
};

/** The contract code for an upstream HTTP status (3xx and unexpected 4xx are upstream errors). */
export function codeForStatus(status: number): ErrorCode {
  return STATUS_CODES[status] ?? ErrorCode.UPSTREAM_ERROR;
}

/**
 * The one place that turns an upstream failure into the contract's GraphQL error: code,
 * provider, upstreamStatus, upstreamRequestId, fieldErrors, retryAfterSeconds, retryable.
 * Never includes the upstream URL, body or any credential.
 */
export function upstreamError({ id: provider, name }: ProviderRef, failure: UpstreamFailure): UpstreamError {
  const base = { provider, upstreamStatus: null as number | null, retryable: isRetryableFailure(failure) };
  switch (failure.kind) {
    case "no-credential":
      return new UpstreamError(
        `No ${name} credential: send the ${failure.header} header (or configure a server-side key).`,
        { extensions: { code: ErrorCode.UNAUTHENTICATED, ...base } },
      );
    case "timeout":
      return new UpstreamError(`${name} did not answer within the deadline.`, {
        extensions: { code: ErrorCode.UPSTREAM_TIMEOUT, ...base },
      });
    case "network":
      // The client library's code (UND_ERR_SOCKET, ECONNREFUSED...) goes to the log, not to callers.
      return new UpstreamError(`${name} ${networkWords(failure.reason)}.`, {
        extensions: { code: ErrorCode.UPSTREAM_ERROR, ...base },
      });
    case "circuit-open":
      return new UpstreamError(
        `${name} is failing; calls are paused for ${failure.retryAfterSeconds}s to let it recover.`,
        {
          extensions: {
            code: ErrorCode.UPSTREAM_ERROR,
            ...base,
            retryAfterSeconds: failure.retryAfterSeconds,
          },
        },
      );
    case "budget-unavailable":
      // Nothing was sent: the replicas' shared concurrency budget (Redis) could not be consulted.
      return new UpstreamError(
        `${name} was not called: its concurrency budget, shared by the replicas in Redis, cannot be reached right now (Redis unavailable).`,
        { extensions: { code: ErrorCode.UPSTREAM_ERROR, ...base } },
      );
    case "call-budget":
      // Nothing was sent: this request already made its share of calls to the provider.
      return new UpstreamError(
        `${name} was not called: this request already made ${failure.budget} ${name} calls, the most one ` +
          "request may make (UPSTREAM_CALL_BUDGET). Ask for fewer accounts per request.",
        { extensions: { code: ErrorCode.UPSTREAM_BUDGET_EXCEEDED, ...base, upstreamCallBudget: failure.budget } },
      );
    case "unreadable":
      return new UpstreamError(`${name} sent an unreadable response (${failure.reason}).`, {
        extensions: {
          code: ErrorCode.UPSTREAM_ERROR,
          ...base,
          upstreamStatus: failure.status,
          ...(failure.requestId ? { upstreamRequestId: failure.requestId } : {}),
        },
      });
    case "status":
      return fromStatus(provider, name, failure.status, failure.problem, base.retryable);
  }
}

// Network failure codes from Node and undici, in words a caller can act on.
const NETWORK_WORDS: Record<string, string> = {
  ECONNREFUSED: "refused the connection",
  ECONNRESET: "closed the connection before answering",
  EPIPE: "closed the connection before answering",
  UND_ERR_SOCKET: "closed the connection before answering",
  UND_ERR_CLOSED: "closed the connection before answering",
  ENOTFOUND: "could not be found (its host name does not resolve)",
  EAI_AGAIN: "could not be found (its host name does not resolve)",
  ETIMEDOUT: "could not be reached (the connection timed out)",
  UND_ERR_CONNECT_TIMEOUT: "could not be reached (the connection timed out)",
  EHOSTUNREACH: "could not be reached (no route to its host)",
  ENETUNREACH: "could not be reached (no route to its host)",
};

/** What a network failure's code means for the caller; unknown codes read "could not be reached". */
export function networkWords(reason: string): string {
  return NETWORK_WORDS[reason] ?? "could not be reached";
}

function fromStatus(provider: ProviderId, name: string, status: number, problem: UpstreamProblem, retryable: boolean) {
  const code = codeForStatus(status);
  const verb = VERBS[code] ?? (status >= 500 ? "failed" : "answered unexpectedly");
  const detail = problem.message ? `: ${problem.message}` : ".";
  return new UpstreamError(`${name} ${verb} (HTTP ${status})${detail}`, {
    extensions: {
      code,
      provider,
      upstreamStatus: status,
      ...(problem.requestId ? { upstreamRequestId: problem.requestId } : {}),
      ...(problem.providerCode ? { upstreamCode: problem.providerCode } : {}),
      ...(code === ErrorCode.BAD_USER_INPUT ? { fieldErrors: problem.fieldErrors ?? [] } : {}),
      ...(problem.retryAfterSeconds !== undefined
        ? { retryAfterSeconds: problem.retryAfterSeconds }
        : {}),
      retryable,
    },
  });
}
