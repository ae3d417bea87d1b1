import { ArgsType, Field, ID } from "type-graphql";
import { type ProviderId } from "../contract/provider-facts.js";
import { providerEnum } from "./provider-enum.js";

/** Arguments of `account`. The description of `id` is written from the module list (`account-descriptions.ts`). */
@ArgsType()
export class AccountArgs {
  @Field(_type => providerEnum(), { description: "Which provider to read." })
  provider!: ProviderId;

  @Field(_type => ID, { nullable: true })
  id?: string | null;
}

/** Arguments of `accounts`. The description of `providers` counts the modules (`account-descriptions.ts`). */
@ArgsType()
export class AccountsArgs {
  @Field(_type => [providerEnum()], { nullable: true })
  providers?: ProviderId[] | null;
}
