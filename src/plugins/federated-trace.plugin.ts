import { type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginInlineTrace } from "@apollo/server/plugin/inlineTrace";
import { type Context } from "../context.js";

/**
 * Federated tracing (`ftv1`) for the router, only on requests that ask for it. Apollo installs the
 * inline-trace plugin on every subgraph by default, and it builds a trace tree on every request
 * before looking at `apollo-federation-include-trace`; here requests without the header skip it.
 */
export function federatedTracePlugins(): ApolloServerPlugin<Context>[] {
  const inlineTrace = ApolloServerPluginInlineTrace() as ApolloServerPlugin<Context>;
  return [
    ApolloServerPluginInlineTraceDisabled() as ApolloServerPlugin<Context>,
    {
      // Not `async`: Apollo awaits whatever this returns, and a request without the header costs
      // no promise.
      requestDidStart(request) {
        if (request.request.http?.headers.get("apollo-federation-include-trace") !== "ftv1") return undefined as never;
        return inlineTrace.requestDidStart!(request);
      },
    },
  ];
}
