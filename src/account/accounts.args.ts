import { ArgsType, Field, ID } from "type-graphql";
import { type ProviderId } from "../providers/provider-facts.js";
import { providerEnum } from "./provider-enum.js";

/** Arguments of `account`. The description of `id` is written from the module list (`account-descriptions.ts`). */
@ArgsType()
export class AccountArgs {
  @Field(_type => providerEnum(), { description: "Which provider to read." })
  provider!: ProviderId;

  @Field(_type => ID, { nullable: true })
  id?: string | null;
}

/** Arguments of `accounts`. */
@ArgsType()
export class AccountsArgs {
  @Field(_type => [providerEnum()], {
    nullable: true,
    description: "Providers to read, in this order (default: all four).",
  })
  providers?: ProviderId[] | null;
}
