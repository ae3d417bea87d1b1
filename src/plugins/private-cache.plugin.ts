import { type ApolloServerPlugin } from "@apollo/server";
import { CREDENTIAL_HEADERS, type Context } from "../context.js";

const VARY = ["authorization", ...Object.values(CREDENTIAL_HEADERS)].join(", ");

/**
 * Account data belongs to the caller's credential: every response's cache hint is PRIVATE (never
 * in a shared cache) and varies on the credential headers; mutations are never cacheable. The
 * max-age itself comes from the cache-control plugin's `defaultMaxAge`.
 */
export function privateCachePlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async executionDidStart({ operation, overallCachePolicy }) {
          overallCachePolicy.restrict({ scope: "PRIVATE" });
          if (operation.operation !== "query") overallCachePolicy.restrict({ maxAge: 0 });
        },
        async willSendResponse({ response }) {
          response.http.headers.set("vary", VARY);
        },
      };
    },
  };
}
