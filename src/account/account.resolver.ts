import { type GraphQLResolveInfo } from "graphql";
import { Args, Ctx, Info, Query, Resolver } from "type-graphql";
import { type Context } from "../context.js";
import { type ProviderId } from "../contract/provider-facts.js";
import { type AccountSource } from "../contract/account-source.js";
import { Account } from "./account.interface.js";
import { AccountArgs, AccountsArgs } from "./accounts.args.js";

/**
 * The `account` and `accounts` queries over `sources` (one per provider, in schema order): every
 * provider's read goes through its AccountSource. Built once per schema.
 */
export function createAccountResolver(sources: readonly AccountSource[]): Function {
  const byProvider = new Map<ProviderId, AccountSource>(sources.map(s => [s.provider, s]));
  const all = sources.map(s => s.provider);

  @Resolver(_of => Account)
  class AccountResolver {
    @Query(_returns => Account, { nullable: true })
    account(
      @Args() { provider, id }: AccountArgs,
      @Ctx() ctx: Context,
      @Info() info: GraphQLResolveInfo,
    ): Promise<Account> {
      return byProvider.get(provider)!.load(ctx, id, info);
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
      return (providers ?? all).map(provider => byProvider.get(provider)!.load(ctx, null, info));
    }
  }
  return AccountResolver;
}
