import { isObjectType, type GraphQLInterfaceType, type GraphQLSchema } from "graphql";
import { type ProviderFacts } from "../contract/provider-facts.js";

const COUNTS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

/**
 * Write the descriptions of the shared account API that speak of every provider: what `id` is at
 * each, which providers take an `id` in `account`, how many `accounts` reads by default. They are
 * composed from the module list, so a new module describes itself; called on the type-graphql
 * schema before it is printed into the subgraph SDL.
 */
export function describeAccountApi(schema: GraphQLSchema, providers: readonly ProviderFacts[]): void {
  const idText =
    `The provider's identifier of the account (${providers.map(p => p.accountIdMeaning).join(", ")}). ` +
    "Also the federation entity key.";
  const account = schema.getType("Account") as GraphQLInterfaceType;
  account.getFields().id!.description = idText;
  // Implementations inherit it, unless a module describes its own `id` (a field resolver does).
  for (const type of schema.getPossibleTypes(account)) {
    const id = isObjectType(type) ? type.getFields().id : undefined;
    if (id && id.description == null) id.description = idText;
  }

  const helps = providers.flatMap(p => (p.accountArgumentHelp ? [p.accountArgumentHelp] : []));
  const query = schema.getQueryType()!.getFields();
  query.account!.description = ["The caller's account at one provider.", ...helps.map(h => h.query)].join(" ");
  query.account!.args.find(a => a.name === "id")!.description = [
    ...helps.map(h => h.id),
    `For the ${helps.length > 0 ? "other " : ""}providers the caller has one account; an id that is not that account's id gives NOT_FOUND.`,
  ].join(" ");
  query.accounts!.args.find(a => a.name === "providers")!.description =
    `Providers to read, in this order (default: all ${COUNTS[providers.length] ?? providers.length}).`;
}
