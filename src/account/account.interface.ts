import { Field, ID, InterfaceType } from "type-graphql";
import { Provider } from "./provider.enum.js";

/** GraphQL type name of each provider's account type (for `__resolveType` and entities). */
export const ACCOUNT_TYPE_NAMES: Record<Provider, string> = {
  [Provider.DIFFIO]: "DiffioAccount",
  [Provider.HOSTUP]: "HostupAccount",
  [Provider.CUDO]: "CudoBillingAccount",
  [Provider.DEPICTA]: "DepictaAccount",
};

/** The fields every provider's account has; concrete types add the provider's own settings. */
@InterfaceType("Account", {
  description: "A caller's account at one provider. Query the concrete type with a fragment.",
  resolveType: (value: { provider: Provider }) => ACCOUNT_TYPE_NAMES[value.provider],
})
export abstract class Account {
  @Field(_type => Provider, { description: "The provider this account lives at." })
  provider!: Provider;

  @Field(_type => ID, {
    description:
      "The provider's identifier of the account (Diffio userId, Hostup client id, Cudo billing " +
      "account id, Depicta user UUID). Also the federation entity key.",
  })
  id!: string;
}
