/**
 * Every `extensions.code` account-graph itself sets (contract §3). Apollo Server's own codes for
 * malformed operations (`ApolloServerErrorCode`: GRAPHQL_PARSE_FAILED, PERSISTED_QUERY_NOT_FOUND,
 * ...) are Apollo's, and used by name from `@apollo/server/errors`.
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
  /** A request HTTP cannot carry as sent (Apollo's code too), e.g. an `Idempotency-Key` that breaks its rule (400). */
  BAD_REQUEST = "BAD_REQUEST",
  /** The `Idempotency-Key` was used by this caller for another operation or other variables (422); nothing was run. */
  IDEMPOTENCY_KEY_REUSED = "IDEMPOTENCY_KEY_REUSED",
  /** The first request with this `Idempotency-Key` is still running (409, `Retry-After`); nothing was run. */
  IDEMPOTENCY_KEY_IN_USE = "IDEMPOTENCY_KEY_IN_USE",
  /** The store of `Idempotency-Key` answers (Redis) cannot be reached (503); the mutation was not run. */
  IDEMPOTENCY_STORE_UNAVAILABLE = "IDEMPOTENCY_STORE_UNAVAILABLE",
  /** With `PERSISTED_QUERIES=only`: the operation is not in the manifest (400); nothing was run. */
  PERSISTED_QUERY_NOT_IN_LIST = "PERSISTED_QUERY_NOT_IN_LIST",
  /** The server is draining after SIGTERM (503): the request was not run; retry on another instance. */
  SHUTTING_DOWN = "SHUTTING_DOWN",
}
