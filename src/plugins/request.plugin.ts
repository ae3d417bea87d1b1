import { type ApolloServerPlugin, type GraphQLRequestListener } from "@apollo/server";
import { type Context } from "../context.js";
import { type OperationDefinitionNode } from "graphql";
import { checkListLimits, hasArray, type ListLimits } from "../limits/list-limits.js";
import { type RequestTiming } from "./finished-request.js";
import { type FinishResponse } from "./response-finisher.js";

/**
 * Everything account-graph does to a request inside Apollo's pipeline, as one plugin with one
 * listener: Apollo awaits every plugin's listeners at every stage of every request, so the steps
 * share one `requestDidStart` instead of paying for a plugin each.
 *
 * - `parsingDidStart`: notes that Apollo's document cache did not have the operation (metrics).
 * - `didResolveOperation`: the list limits ({@link checkListLimits}), which need the variables, so
 *   a refused operation sends nothing upstream. Without a list in the variables (and no variable
 *   defaults) the outcome is the operation's own, so it is decided once per operation Apollo's
 *   document cache holds, not once per request.
 * - `responseForOperation`, only for a request that sent an `Idempotency-Key`: whether the
 *   operation runs, or is answered from or refused by the key's store
 *   (`idempotency/idempotent-request.ts`). Other requests' listeners have no such hook.
 * - `willSendResponse`: the response steps ({@link FinishResponse}).
 */
export function requestPlugin(options: { listLimits: ListLimits; finish: FinishResponse }): ApolloServerPlugin<Context> {
  const { listLimits, finish } = options;
  // The operations (cached documents' nodes, so an entry leaves with its document) found within
  // the limits when the variables hold no list and no default applies; a refused one is checked
  // again each time.
  const withinWithoutListVariables = new WeakSet<OperationDefinitionNode>();
  return {
    // Not `async`: Apollo awaits whatever the hooks return, and plain functions allocate no promise.
    requestDidStart({ contextValue }) {
      const timing: RequestTiming = { startedAt: performance.now(), parsed: false };
      const listener: GraphQLRequestListener<Context> = {
        parsingDidStart() {
          timing.parsed = true;
          return undefined as never;
        },
        didResolveOperation({ document, operation, request }) {
          if (!operation) return undefined as never;
          // A default value (which a request may or may not override) is part of the outcome too.
          const decidedByOperation = !hasArray(request.variables) && !operation.variableDefinitions?.some(v => v.defaultValue);
          if (decidedByOperation && withinWithoutListVariables.has(operation)) return undefined as never;
          const error = checkListLimits(document, operation, request.variables, listLimits);
          if (error) throw error;
          if (decidedByOperation) withinWithoutListVariables.add(operation);
          return undefined as never;
        },
        willSendResponse(request) {
          finish(request, timing);
          return undefined as never;
        },
      };
      const { idempotency } = contextValue;
      if (idempotency) listener.responseForOperation = request => idempotency.decide(request);
      return listener as never;
    },
  };
}
