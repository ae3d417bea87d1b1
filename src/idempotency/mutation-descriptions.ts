import { type GraphQLSchema } from "graphql";

/**
 * What every mutation's description says about retries: none is automatic (contract §4), and one
 * with an `Idempotency-Key` is safe (contract §6).
 */
const RETRY_WITH_KEY =
  "Not retried automatically; it sets values, so repeating it is safe. With an " +
  "`Idempotency-Key` header, a retry with the same key and variables gets the first " +
  "answer again (`Idempotent-Replayed: true`) and nothing is sent to the provider. When the " +
  "first attempt's outcome is unknown (the provider timed out or the connection dropped after " +
  "the change was sent), no answer is kept and a retry with the same key runs the mutation " +
  "again, with the same result as one run.";

/**
 * Append {@link RETRY_WITH_KEY} to the description of every mutation: the rule is the server's,
 * the same for every module's mutations, which are all set-to-value (contract §4): a module's own
 * description leaves it out. Called on the type-graphql schema before it is printed into the
 * subgraph SDL.
 */
export function describeRetries(schema: GraphQLSchema): void {
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
    field.description = field.description ? `${field.description} ${RETRY_WITH_KEY}` : RETRY_WITH_KEY;
  }
}
