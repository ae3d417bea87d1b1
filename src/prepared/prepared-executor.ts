import { HeaderMap, type HTTPGraphQLHead } from "@apollo/server";
import { execute, GraphQLError, type ExecutionResult, type GraphQLSchema } from "graphql";
import { type Context } from "../context.js";
import { type FinishedRequest, type RequestTiming } from "../plugins/finished-request.js";
import { type FinishResponse } from "../plugins/response.plugin.js";
import { formatExecutionErrors, type FormatError } from "./format-errors.js";
import { type PreparedOperation } from "./prepared-operations.js";

/** A request the prepared path can take (see `prepared-request.ts`), with its vetted operation. */
export interface PreparedRequest {
  prepared: PreparedOperation;
  /** The operation name the request asked for (may differ from the operation's when absent). */
  operationName: string | undefined;
  variables: Record<string, unknown> | undefined;
  /** Found by a persisted query's hash (counted as an `apq` cache hit, as Apollo's path does). */
  persistedQueryHit: boolean;
  contextValue: Context;
  /** The response Content-Type Apollo chose for this request's Accept header. */
  contentType: string;
}

/** An answer ready to write. */
export interface PreparedResponse {
  status: number;
  headers: HeaderMap;
  body: string;
}

/** What the prepared path shares with the Apollo server it stands in for (see `server.ts`). */
export interface PreparedExecutorOptions {
  schema: GraphQLSchema;
  formatError: FormatError;
  finish: FinishResponse;
}

/**
 * Runs a prepared operation the way Apollo's request pipeline would once its document cache hit:
 * execute, format errors, the response steps (cache headers, inspector, log line, metrics), the
 * answer in Apollo's field order and serialisation. What it skips is the per-request machinery
 * around that (hashing the text, negotiating the Accept header twice, awaiting every plugin at
 * every stage; see docs/performance.md for what that costs). Resolves `undefined` when the
 * request must be answered by Apollo after all: variables that do not coerce (nothing ran; Apollo
 * words and codes those errors).
 */
export function preparedExecutor(options: PreparedExecutorOptions) {
  const { schema, formatError, finish } = options;
  return async (request: PreparedRequest): Promise<PreparedResponse | undefined> => {
    const timing: RequestTiming = { startedAt: performance.now(), parsed: false, prepared: true };
    const { prepared, contextValue } = request;
    const http: HTTPGraphQLHead = { status: undefined, headers: new HeaderMap() };
    let result: ExecutionResult;
    let executionThrew = false;
    try {
      result = await execute({
        schema,
        document: prepared.document,
        contextValue,
        variableValues: request.variables,
        operationName: request.operationName,
      });
      if (result.data === undefined) return undefined;
    } catch (thrown) {
      // An execution that throws (not a resolver's error): Apollo answers it with a 500.
      const error = thrown instanceof Error ? thrown : new Error(String(thrown));
      result = { errors: [error instanceof GraphQLError ? error : new GraphQLError(error.message, { originalError: error })] };
      executionThrew = true;
    }

    const errors = result.errors;
    const formattedErrors = errors ? formatExecutionErrors(errors, formatError, http) : undefined;
    if (executionThrew && !http.status) http.status = 500;
    const singleResult = { ...result, errors: formattedErrors };
    const finished: FinishedRequest = {
      contextValue,
      document: prepared.document,
      operation: prepared.operation,
      operationName: prepared.operationName,
      errors: errors as FinishedRequest["errors"],
      response: { http, body: { kind: "single", singleResult } },
      metrics: { persistedQueryHit: request.persistedQueryHit },
    };
    finish(finished, timing);

    if (!http.headers.has("content-type")) http.headers.set("content-type", request.contentType);
    const body = JSON.stringify({ errors: singleResult.errors, data: singleResult.data, extensions: singleResult.extensions }) + "\n";
    return { status: http.status ?? 200, headers: http.headers, body };
  };
}

/** A prepared-path runner; see {@link preparedExecutor}. */
export type PreparedExecutor = ReturnType<typeof preparedExecutor>;
