import { Field, ID, InterfaceType } from "type-graphql";
import { type ProviderId } from "../contract/provider-facts.js";
import { accountTypeName, providerEnum } from "./provider-enum.js";

/** The GraphQL type of an account: its provider's account type (`Account.__resolveType`). */
export const accountType = (value: { provider: ProviderId }): string | undefined => accountTypeName(value.provider);

/**
 * The fields every provider's account has; each module's account type extends it and adds the
 * provider's own settings. The description of `id` lists what the id is at each provider, so it
 * is written from the module list when the schema is built (`account-descriptions.ts`).
 */
@InterfaceType("Account", {
  description: "A caller's account at one provider. Query the concrete type with a fragment.",
  resolveType: accountType,
})
export abstract class Account {
  @Field(_type => providerEnum(), { description: "The provider this account lives at." })
  provider!: ProviderId;

  @Field(_type => ID)
  id!: string;
}
