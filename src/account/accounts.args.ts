import { ArgsType, Field, ID } from "type-graphql";
import { Provider } from "./provider.enum.js";

/** Arguments of `account`. */
@ArgsType()
export class AccountArgs {
  @Field(_type => Provider, { description: "Which provider to read." })
  provider!: Provider;

  @Field(_type => ID, {
    nullable: true,
    description:
      "For CUDO, the billing account to read (default: CUDO_BILLING_ACCOUNT_ID, else the " +
      "caller's only billing account). For the other providers the caller has one account; " +
      "an id that is not that account's id gives NOT_FOUND.",
  })
  id?: string | null;
}

/** Arguments of `accounts`. */
@ArgsType()
export class AccountsArgs {
  @Field(_type => [Provider], {
    nullable: true,
    description: "Providers to read, in this order (default: all four).",
  })
  providers?: Provider[] | null;
}
