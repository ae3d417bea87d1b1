import { type GraphQLSchema } from "graphql";

/** What every mutation's description says about retries with an `Idempotency-Key` (contract §6). */
const RETRY_WITH_KEY =
  "With an `Idempotency-Key` header, a retry with the same key and variables gets the first " +
  "answer again (`Idempotent-Replayed: true`) and nothing is sent to the provider. When the " +
  "first attempt's outcome is unknown (the provider timed out or the connection dropped after " +
  "the change was sent), no answer is kept and a retry with the same key runs the mutation " +
  "again: it sets values, so the result is the same as one run.";

/**
 * Append {@link RETRY_WITH_KEY} to the description of every mutation: the rule is the server's,
 * the same for every module's mutations, which are all set-to-value (contract §4). Called on the
 * type-graphql schema before it is printed into the subgraph SDL.
 */
export function describeRetries(schema: GraphQLSchema): void {
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
    field.description = field.description ? `${field.description} ${RETRY_WITH_KEY}` : RETRY_WITH_KEY;
  }
}
