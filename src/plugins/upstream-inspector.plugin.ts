import { type ApolloServerPlugin } from "@apollo/server";
import { type Context } from "../context.js";

/**
 * Adds `extensions.upstreamCalls` (provider, method, path, status, durationMs, attempts, outcome,
 * fromLoader) to each response when `enabled(ctx)` says so: always in development, for callers
 * with an API token when `INSPECT_UPSTREAM=true`, never in production otherwise. No secrets: no
 * URLs with hosts, no headers, no bodies.
 */
export function upstreamInspectorPlugin(enabled: (ctx: Context) => boolean): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          if (response.body.kind !== "single" || !enabled(contextValue)) return;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, upstreamCalls: contextValue.upstream.toJSON() };
        },
      };
    },
  };
}
