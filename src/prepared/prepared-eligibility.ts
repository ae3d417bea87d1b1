import { type ApolloServerOptions, type ApolloServerPlugin } from "@apollo/server";
import { type Context } from "../context.js";

// The Apollo options whose effect the prepared path reproduces, and why each is safe. Any other
// option (rootValue, fieldResolver, executionOptions, stringifyResult, gateway, ...) changes how
// Apollo executes or writes an answer, which the prepared path would not do: it turns it off.
const REPRODUCED_OPTIONS: Record<string, (value: unknown) => boolean> = {
  // The same schema object is executed.
  schema: () => true,
  // Apollo's own log lines (not per request).
  logger: () => true,
  // Checked before the prepared path answers a GET (`prepared-request.ts`); POSTs carry JSON.
  csrfPrevention: value => value === true,
  stopOnTerminationSignals: () => true,
  // The prepared path never adds stack traces, so Apollo must not either.
  includeStacktraceInErrorResponses: value => value === false,
  // Batches are arrays, which the prepared path leaves to Apollo; with batching off Apollo refuses them.
  allowBatchedHttpRequests: value => value === false,
  // Decided when Apollo validated the operation, before it was prepared.
  introspection: () => true,
  validationRules: () => true,
  parseOptions: () => true,
  // Hashes are read from the same store (`persisted/apq-store.ts`).
  persistedQueries: () => true,
  // Only decides how Apollo caches parsed documents; the prepared path keeps its own.
  documentStore: () => true,
  // The same function formats every error (`format-errors.ts`).
  formatError: () => true,
  // Checked plugin by plugin below.
  plugins: () => true,
};

/**
 * Why the prepared path cannot stand in for Apollo configured with `options`, or `[]` when it
 * can: an option it does not reproduce, or a plugin outside `reproduced` (the plugins whose every
 * effect the prepared path repeats, or which only act on requests it leaves to Apollo). Checked
 * once at start, so a plugin added later turns the path off rather than being skipped per request.
 */
export function preparedPathBlockers(
  options: ApolloServerOptions<Context>,
  reproduced: ReadonlySet<ApolloServerPlugin<Context>>,
): string[] {
  const blockers: string[] = [];
  for (const [name, value] of Object.entries(options)) {
    if (value === undefined) continue;
    const check = REPRODUCED_OPTIONS[name];
    if (!check) blockers.push(`Apollo option ${name} is not reproduced`);
    else if (!check(value)) blockers.push(`Apollo option ${name}=${JSON.stringify(value)} is not reproduced`);
  }
  const others = (options.plugins ?? []).filter(plugin => !reproduced.has(plugin)).length;
  if (others > 0) blockers.push(`${others} Apollo plugin${others === 1 ? " is" : "s are"} not reproduced`);
  return blockers;
}
