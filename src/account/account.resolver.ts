import { type GraphQLResolveInfo } from "graphql";
import { Args, Ctx, Info, Query, Resolver } from "type-graphql";
import { type Context } from "../context.js";
import { ALL_PROVIDERS } from "../providers/provider.js";
import { ACCOUNT_SOURCES } from "../domains/sources.js";
import { Account } from "./account.interface.js";
import { AccountArgs, AccountsArgs } from "./accounts.args.js";

/** `account` and `accounts`: every provider's read goes through its AccountSource. */
@Resolver(_of => Account)
export class AccountResolver {
  @Query(_returns => Account, {
    nullable: true,
    description: "The caller's account at one provider. For CUDO, `id` picks the billing account.",
  })
  account(
    @Args() { provider, id }: AccountArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Account> {
    return ACCOUNT_SOURCES[provider].load(ctx, id, info);
  }

  @Query(_returns => [Account], {
    nullable: "items",
    description:
      "Several providers at once, fetched in parallel; a failing provider is a null item plus " +
      "an error at its index.",
  })
  accounts(
    @Args() { providers }: AccountsArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Account>[] {
    // Unawaited promises: GraphQL settles each item on its own, so one failure stays at its index.
    return (providers ?? ALL_PROVIDERS).map(provider => ACCOUNT_SOURCES[provider].load(ctx, null, info));
  }
}
