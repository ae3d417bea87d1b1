import { type ApolloServerPlugin, type GraphQLRequestContextWillSendResponse } from "@apollo/server";
import { type Context } from "../context.js";
import { dataRedactor, redactData } from "../errors/redact-data.js";
import { Provider } from "../providers/provider.js";
import { setCacheHeaders } from "./cache-headers.js";
import { answerErrorCodes, type LogRequest } from "./request-log.js";
import { attachUpstreamCalls } from "./upstream-inspector.js";

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

/** What {@link responseFinisher} does to each response. */
export interface ResponsePluginOptions {
  /** `max-age` of successful queries' private cache hint; 0 for none. */
  cacheMaxAgeSeconds: number;
  /** Whether this request's response carries `extensions.upstreamCalls`. */
  inspect: (ctx: Context) => boolean;
  logRequest: LogRequest;
}

/** Finishes a response; see {@link responseFinisher}. */
export type FinishResponse = (request: FinishedRequest, timing: RequestTiming) => void;

const PROVIDERS = Object.values(Provider);

// A provider may echo the caller's key into data (Depicta's `user.name`): the request's own
// credentials, runs of them and key-shaped tokens are redacted from data as they are from errors.
function redactResponseData(request: FinishedRequest): void {
  const { body } = request.response;
  if (body.kind !== "single" || !body.singleResult.data) return;
  const ctx = request.contextValue;
  const redactor = dataRedactor(PROVIDERS.map(provider => ctx.credential(provider)));
  body.singleResult.data = redactData(body.singleResult.data, redactor);
}

/**
 * Every response on its way out: credentials redacted from data (`errors/redact-data.ts`), cache
 * headers (`cache-headers.ts`), the upstream inspector (`upstream-inspector.ts`), the request
 * span's name and outcome when tracing is on, then the log line and metrics (`request-log.ts`).
 * One instance serves {@link responsePlugin} and the prepared-operation path, so both finish a
 * response alike (and both produce the same request span).
 */
export function responseFinisher(options: ResponsePluginOptions): FinishResponse {
  return (request, timing) => {
    redactResponseData(request);
    setCacheHeaders(request, options.cacheMaxAgeSeconds);
    if (options.inspect(request.contextValue)) attachUpstreamCalls(request);
    const { trace } = request.contextValue;
    if (trace) {
      trace.operation({
        type: request.operation?.operation,
        name: request.operationName ?? request.operation?.name?.value,
        errorCodes: answerErrorCodes(request),
      });
    }
    options.logRequest(request, timing);
  };
}

/**
 * {@link responseFinisher} as one Apollo plugin rather than one plugin per step: Apollo awaits
 * every plugin's listener at every stage of every request.
 */
export function responsePlugin(finish: FinishResponse): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      const timing: RequestTiming = { startedAt: performance.now(), parsed: false };
      return {
        // Apollo skips parsing (and this hook) when its document cache has the operation.
        async parsingDidStart() {
          timing.parsed = true;
        },
        async willSendResponse(request) {
          finish(request, timing);
        },
      };
    },
  };
}
