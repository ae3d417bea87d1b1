import { type ApolloServerPlugin } from "@apollo/server";
import { type KeyValueCache } from "@apollo/utils.keyvaluecache";
import { GraphQLError } from "graphql";
import { type Context } from "../context.js";
import { ErrorCode } from "../errors/codes.js";
import { type PersistedQueryManifest } from "../persisted/manifest.js";

/**
 * The persisted-query cache in trusted-documents mode: answers the manifest's operations by hash
 * and never stores anything, so clients cannot register new operations.
 */
export function manifestCache(manifest: PersistedQueryManifest): KeyValueCache<string> {
  const bodies = new Map(manifest.operations.map(op => [op.id, op.body]));
  return {
    get: async key => bodies.get(key.replace(/^apq:/, "")),
    set: async () => undefined,
    delete: async () => undefined,
  };
}

/**
 * `PERSISTED_QUERIES=only`: serve only operations from the manifest (sent by hash, or as their
 * exact text); anything else gets `PERSISTED_QUERY_NOT_IN_LIST` before execution.
 */
export function trustedDocumentsPlugin(manifest: PersistedQueryManifest): ApolloServerPlugin<Context> {
  const ids = new Set(manifest.operations.map(op => op.id));
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ queryHash }) {
          if (ids.has(queryHash)) return;
          throw new GraphQLError(
            "This server only runs trusted operations (PERSISTED_QUERIES=only) and this one is not in " +
              "its manifest. Send a listed operation by its hash, or ask for the operation to be added.",
            { extensions: { code: ErrorCode.PERSISTED_QUERY_NOT_IN_LIST, http: { status: 400 } } },
          );
        },
      };
    },
  };
}
