import { type ApolloServerPlugin } from "@apollo/server";
import { type Context } from "../context.js";
import { checkListLimits, type ListLimits } from "../limits/list-limits.js";

/**
 * Refuses, before execution (so before any upstream call), operations whose lists are too long or
 * whose cost counting list items is too high: see {@link checkListLimits}. The prepared path runs
 * the same check for requests it answers (`prepared/prepared-path.ts`).
 */
export function listLimitsPlugin(limits: ListLimits): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          if (!operation) return;
          const error = checkListLimits(document, operation, request.variables, limits);
          if (error) throw error;
        },
      };
    },
  };
}
