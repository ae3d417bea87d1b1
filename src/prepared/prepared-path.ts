import { type HeaderMap } from "@apollo/server";
import { type KeyValueCache } from "@apollo/utils.keyvaluecache";
import { type Context } from "../context.js";
import { checkListLimits, hasArray, type ListLimits } from "../limits/list-limits.js";
import { type PreparedExecutor, type PreparedResponse } from "./prepared-executor.js";
import { type PreparedOperations } from "./prepared-operations.js";
import { preparedLookup } from "./prepared-request.js";

/** The prepared path: the operations Apollo has vetted, and the runner that answers them. */
export interface PreparedPath {
  operations: PreparedOperations;
  run: PreparedExecutor;
  /** The list limits Apollo's `listLimitsPlugin` applies; variables change per request. */
  listLimits: ListLimits;
  /**
   * Apollo's own persisted-query store, read with Apollo's keys (`persisted/apq-store.ts`):
   * the APQ cache (memory or Redis) or the manifest. Undefined when persisted queries are off.
   */
  persistedQueries?: Pick<KeyValueCache<string>, "get">;
}

/** An HTTP request as the prepared path sees it. */
export interface PreparedHttpRequest {
  method: string;
  search: string;
  /** The parsed body (POST). */
  body: unknown;
  headers: HeaderMap;
  /** The Content-Type Apollo has answered this request's Accept header with, if it has. */
  contentType: string | undefined;
  context: () => Context;
}

/**
 * Answer a request on the prepared path when its operation has been vetted and Apollo's
 * Content-Type for its Accept header is known (see `prepared-request.ts` for which requests
 * qualify; `ftv1` trace requests do not). `undefined` when Apollo must answer.
 */
export async function answerPrepared(path: PreparedPath, request: PreparedHttpRequest): Promise<PreparedResponse | undefined> {
  const { method, headers, contentType } = request;
  if (!contentType || headers.has("apollo-federation-include-trace")) return undefined;
  const lookup = preparedLookup(method, request.search, request.body, name => headers.get(name));
  if (!lookup) return undefined;
  const query = lookup.query ?? (await persistedText(path, lookup.sha256!));
  if (query === undefined) return undefined;
  const operation = path.operations.get(query, lookup.operationName);
  // Apollo answers a GET mutation with 405.
  if (!operation || (method === "GET" && operation.operation.operation !== "query")) return undefined;
  // A list variable longer than when the operation was vetted: Apollo's plugin refuses it, in its words.
  if (hasArray(lookup.variables) && checkListLimits(operation.document, operation.operation, lookup.variables, path.listLimits)) {
    return undefined;
  }
  return path.run({
    prepared: operation,
    operationName: lookup.operationName,
    variables: lookup.variables,
    persistedQueryHit: lookup.sha256 !== undefined,
    contextValue: request.context(),
    contentType,
  });
}

// What Apollo's pipeline reads for a hash-only request: the text its store holds now (registered,
// not expired, on this replica or another through Redis), else nothing and Apollo answers (e.g.
// PERSISTED_QUERY_NOT_FOUND). A store that fails is Apollo's to report too.
async function persistedText(path: PreparedPath, sha256: string): Promise<string | undefined> {
  if (!path.persistedQueries) return undefined;
  try {
    return await path.persistedQueries.get(sha256);
  } catch {
    return undefined;
  }
}
