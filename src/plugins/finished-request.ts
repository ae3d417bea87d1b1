import { type GraphQLRequestContextWillSendResponse } from "@apollo/server";
import { type Context } from "../context.js";

/** A request as Apollo hands it to `willSendResponse`: what the response steps read and write. */
export type FinishedRequest = GraphQLRequestContextWillSendResponse<Context>;

/** When a request started, and whether its document had to be parsed (false: Apollo's cache had it). */
export interface RequestTiming {
  startedAt: number;
  parsed: boolean;
}
