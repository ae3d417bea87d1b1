import { type GraphQLRequestContextWillSendResponse } from "@apollo/server";
import { type Context } from "../context.js";

/**
 * What the response steps read of a finished request: Apollo's request context, or the one the
 * prepared-operation path (`prepared/`) builds for the requests it answers itself.
 */
export type FinishedRequest = Pick<
  GraphQLRequestContextWillSendResponse<Context>,
  "contextValue" | "operation" | "operationName" | "document" | "errors" | "response"
> & { metrics: { persistedQueryHit?: boolean } };

/** When a request started, whether its document had to be parsed (false: a cache served it), and which path answered. */
export interface RequestTiming {
  startedAt: number;
  parsed: boolean;
  /** Answered by the prepared path rather than Apollo's pipeline. */
  prepared?: boolean;
}
