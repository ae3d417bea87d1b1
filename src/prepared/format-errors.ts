import { HeaderMap, type HTTPGraphQLHead } from "@apollo/server";
import { GraphQLError, type GraphQLFormattedError } from "graphql";

/** Apollo's `formatError` signature (ours is `errors/format-error.ts`). */
export type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/**
 * Format execution errors as Apollo Server does before its `formatError` (`errorNormalize.js`,
 * which it does not export): a default `INTERNAL_SERVER_ERROR` code, `extensions.http` moved onto
 * the response head, and a formatter that throws answered with a generic error. Stack traces are
 * never included (`includeStacktraceInErrorResponses: false`).
 */
export function formatExecutionErrors(
  errors: readonly GraphQLError[],
  formatError: FormatError,
  http: HTTPGraphQLHead,
): GraphQLFormattedError[] {
  return errors.map(error => {
    try {
      return formatError(enrich(error, http), error);
    } catch {
      return { message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } };
    }
  });
}

function enrich(error: GraphQLError, http: HTTPGraphQLHead): GraphQLFormattedError {
  const extensions: Record<string, unknown> = {
    ...error.extensions,
    code: error.extensions.code ?? "INTERNAL_SERVER_ERROR",
  };
  const head = extensions.http as Partial<HTTPGraphQLHead> | undefined;
  if (
    head &&
    typeof head === "object" &&
    (!("status" in head) || typeof head.status === "number") &&
    (!("headers" in head) || head.headers instanceof Map)
  ) {
    if (head.status) http.status = head.status;
    for (const [name, value] of head.headers ?? new HeaderMap()) http.headers.set(name, value);
    delete extensions.http;
  }
  return { ...error.toJSON(), extensions };
}
