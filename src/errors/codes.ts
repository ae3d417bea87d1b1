/**
 * Every `extensions.code` this API produces (contract §3), plus Apollo's own codes for
 * malformed operations, which Apollo Server sets itself.
 */
export enum ErrorCode {
  BAD_USER_INPUT = "BAD_USER_INPUT",
  UNAUTHENTICATED = "UNAUTHENTICATED",
  FORBIDDEN = "FORBIDDEN",
  NOT_FOUND = "NOT_FOUND",
  CONFLICT = "CONFLICT",
  PAYMENT_REQUIRED = "PAYMENT_REQUIRED",
  RATE_LIMITED = "RATE_LIMITED",
  UPSTREAM_TIMEOUT = "UPSTREAM_TIMEOUT",
  UPSTREAM_ERROR = "UPSTREAM_ERROR",
  /** The request used its `UPSTREAM_CALL_BUDGET` calls to this provider; this call was not sent. */
  UPSTREAM_BUDGET_EXCEEDED = "UPSTREAM_BUDGET_EXCEEDED",
  INTERNAL_SERVER_ERROR = "INTERNAL_SERVER_ERROR",
}
