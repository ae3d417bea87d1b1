import { type ApolloServerPlugin } from "@apollo/server";
import { type Context } from "../context.js";
import { setCacheHeaders } from "./cache-headers.js";
import { type LogRequest } from "./request-log.js";
import { attachUpstreamCalls } from "./upstream-inspector.js";

/** What {@link responsePlugin} does to each response. */
export interface ResponsePluginOptions {
  /** `max-age` of successful queries' private cache hint; 0 for none. */
  cacheMaxAgeSeconds: number;
  /** Whether this request's response carries `extensions.upstreamCalls`. */
  inspect: (ctx: Context) => boolean;
  logRequest: LogRequest;
}

/**
 * Every response on its way out: cache headers (`cache-headers.ts`), the upstream inspector
 * (`upstream-inspector.ts`), then the log line and metrics (`request-log.ts`). One plugin rather
 * than one each: Apollo awaits every plugin's listener at every stage of every request.
 */
export function responsePlugin(options: ResponsePluginOptions): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      const timing = { startedAt: performance.now(), parsed: false };
      return {
        // Apollo skips parsing (and this hook) when its document cache has the operation.
        async parsingDidStart() {
          timing.parsed = true;
        },
        async willSendResponse(request) {
          setCacheHeaders(request, options.cacheMaxAgeSeconds);
          if (options.inspect(request.contextValue)) attachUpstreamCalls(request);
          options.logRequest(request, timing);
        },
      };
    },
  };
}
