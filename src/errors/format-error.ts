import { type GraphQLFormattedError } from "graphql";
import { ApolloServerErrorCode, unwrapResolverError } from "@apollo/server/errors";
import { type Logger } from "pino";
import { ErrorCode } from "./codes.js";
import { scalarFieldErrors } from "./input-path.js";
import { loggableError } from "./redact.js";

// Codes whose message is written for the caller (ours, plus Apollo's request-level ones).
const PUBLIC_CODES = new Set<string>(
  [...Object.values(ErrorCode), ...Object.values(ApolloServerErrorCode)].filter(code => code !== ErrorCode.INTERNAL_SERVER_ERROR),
);

const APOLLO_INTROSPECTION_REFUSAL = "GraphQL introspection is not allowed";
/** What a caller reads when introspection is off. */
export const INTROSPECTION_OFF =
  "Introspection is off on this server (the operator can turn it on with INTROSPECTION=true); " +
  "the schema is published as schema.graphql.";

/**
 * Apollo `formatError`: known errors pass with their extensions; a scalar's BAD_USER_INPUT
 * reported during validation keeps its code; anything else becomes INTERNAL_SERVER_ERROR, logged
 * here and, in production, answered with a generic message and no internals.
 */
export function createFormatError(options: { production: boolean; hideSuggestions: boolean; logger: Logger }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const { stacktrace: _omit, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
    // A scalar's refusal names its input path, like class-validator's errors do.
    const fieldErrors = scalarFieldErrors(error);
    if (fieldErrors) extensions.fieldErrors = fieldErrors;
    const code = typeof extensions.code === "string" ? extensions.code : undefined;

    // Apollo files a scalar's literal errors under validation; the scalar said BAD_USER_INPUT.
    if (code === ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED && extensions.invalidScalar) {
      return { ...formatted, extensions: { ...extensions, code: ErrorCode.BAD_USER_INPUT } };
    }
    if (code === ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED && formatted.message.startsWith(APOLLO_INTROSPECTION_REFUSAL)) {
      // Apollo's text tells the caller to "pass introspection: true to ApolloServer"; the
      // operator's switch here is an environment variable.
      return { ...formatted, message: INTROSPECTION_OFF, extensions };
    }
    if (code === ApolloServerErrorCode.GRAPHQL_PARSE_FAILED && !formatted.message.startsWith("Syntax Error")) {
      // e.g. the engine's "Maximum call stack size exceeded" on absurd nesting: say what it means.
      return { ...formatted, message: "Syntax Error: the document could not be parsed (nested too deeply).", extensions };
    }
    if ((code === ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED || code === ErrorCode.BAD_USER_INPUT) && options.hideSuggestions) {
      // Suggestions describe the schema; without introspection they must not (field, argument,
      // type and fragment suggestions, and input fields named in variable errors, alike).
      return { ...formatted, message: formatted.message.replace(/\s*Did you mean[\s\S]*$/, ""), extensions };
    }
    if (code && PUBLIC_CODES.has(code)) return { ...formatted, extensions };
    // Apollo's own request-level refusals (e.g. "Unsupported persisted query version") carry an
    // HTTP 4xx but no code (Apollo then fills in INTERNAL_SERVER_ERROR): they are about the request,
    // written for the caller.
    const own = (error as { extensions?: { code?: unknown; http?: { status?: number } } } | undefined)?.extensions;
    const status = own?.http?.status;
    if (own && own.code === undefined && status !== undefined && status >= 400 && status < 500) {
      return { ...formatted, extensions: { ...extensions, code: ErrorCode.BAD_REQUEST } };
    }

    options.logger.error({ err: loggableError(unwrapResolverError(error)), path: formatted.path }, "unexpected error while resolving");
    return {
      message: options.production ? "Internal server error." : formatted.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}
