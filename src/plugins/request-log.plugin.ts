import { type ApolloServerPlugin } from "@apollo/server";
import { type Context } from "../context.js";
import { operationLabel, type Metrics } from "../observability/metrics.js";

/**
 * One log line and the request metrics per GraphQL request: request id, operation name,
 * duration, upstream call count and error codes (never variables or headers).
 */
export function requestLogPlugin(metrics: Metrics): ApolloServerPlugin<Context> {
  const seen = new Set<string>();
  return {
    async requestDidStart() {
      const started = performance.now();
      // Apollo skips parsing and validation (and these hooks) when its document cache has the
      // operation: a request that resolves an operation without parsing was a cache hit.
      let parsed = false;
      return {
        async parsingDidStart() {
          parsed = true;
        },
        async willSendResponse({ contextValue, operationName, errors, response, metrics: requestMetrics, document }) {
          if (requestMetrics.persistedQueryHit) metrics.cacheHits.inc({ cache: "apq" });
          if (document && !parsed) metrics.cacheHits.inc({ cache: "document" });
          const durationMs = Math.round((performance.now() - started) * 10) / 10;
          const body = response.body.kind === "single" ? response.body.singleResult : undefined;
          const codes = [...(errors ?? []), ...(body?.errors ?? [])]
            .map(e => String((e.extensions as { code?: unknown } | undefined)?.code ?? "INTERNAL_SERVER_ERROR"));
          const operation = operationLabel(operationName, seen);
          metrics.requests.inc({ operation, outcome: codes[0] ?? "ok" });
          metrics.requestDuration.observe({ operation }, durationMs / 1000);
          contextValue.logger.info(
            {
              requestId: contextValue.requestId,
              operationName: operationName ?? null,
              durationMs,
              upstreamCalls: contextValue.upstream.calls.length,
              ...(codes.length ? { errorCodes: [...new Set(codes)] } : {}),
            },
            "graphql request",
          );
        },
      };
    },
  };
}
