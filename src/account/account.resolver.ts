import { type GraphQLResolveInfo } from "graphql";
import { Args, Ctx, Info, Query, Resolver } from "type-graphql";
import { type Context } from "../context.js";
import { type ProviderId } from "../contract/provider-facts.js";
import { type AccountSource } from "../contract/account-source.js";
import { Account } from "./account.interface.js";
import { AccountArgs, AccountsArgs } from "./accounts.args.js";
import { declaresRules } from "../validation/validate-argument.js";

/** The `account` and `accounts` queries as graphql-js field resolvers. */
export interface AccountQueries {
  account(root: unknown, args: AccountArgs, ctx: Context, info: GraphQLResolveInfo): Promise<Account>;
  accounts(root: unknown, args: AccountsArgs, ctx: Context, info: GraphQLResolveInfo): Promise<Account>[];
}

/**
 * The queries over `sources` (one per provider, in schema order): every provider's read goes
 * through its AccountSource. Built once per schema; `schema.ts` installs them in the resolver map
 * in place of type-graphql's wrapper ({@link createAccountResolver} declares the fields).
 */
export function accountQueries(sources: readonly AccountSource[]): AccountQueries {
  // graphql-js calls these directly, so type-graphql's argument validation never runs for them.
  for (const args of [AccountArgs, AccountsArgs]) {
    if (declaresRules(args)) throw new Error(`${args.name} declares a validation rule, which account and accounts would not run`);
  }
  const byProvider = new Map<ProviderId, AccountSource>(sources.map(s => [s.provider, s]));
  const all = sources.map(s => s.provider);
  return {
    account: (_root, { provider, id }, ctx, info) => byProvider.get(provider)!.load(ctx, id, info),
    // Unawaited promises: GraphQL settles each item on its own, so one failure stays at its index.
    accounts: (_root, { providers }, ctx, info) => (providers ?? all).map(provider => byProvider.get(provider)!.load(ctx, null, info)),
  };
}

/** The type-graphql declaration of `account` and `accounts` (names, arguments, descriptions), answered by `queries`. */
export function createAccountResolver(queries: AccountQueries): Function {
  @Resolver(_of => Account)
  class AccountResolver {
    @Query(_returns => Account, { nullable: true })
    account(@Args() args: AccountArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Account> {
      return queries.account(undefined, args, ctx, info);
    }

    @Query(_returns => [Account], {
      nullable: "items",
      description:
        "Several providers at once, fetched in parallel; a failing provider is a null item plus " +
        "an error at its index.",
    })
    accounts(@Args() args: AccountsArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo): Promise<Account>[] {
      return queries.accounts(undefined, args, ctx, info);
    }
  }
  return AccountResolver;
}
