import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { type Context } from "../../context.js";
import { diffioKit } from "./diffio.loaders.js";
import { DiffioAccount } from "./schema/diffio-account.type.js";
import { UpdateBillingPolicyInput } from "./schema/update-billing-policy.input.js";

/** Diffio mutations; reads go through `account` / `accounts` and `diffioSource`. */
@Resolver(_of => DiffioAccount)
export class DiffioResolver {
  @Mutation(_returns => DiffioAccount, {
    description:
      "Store a billing policy on the caller's Diffio account (needs an admin key with " +
      "`account:write`).",
  })
  updateBillingPolicy(
    @Arg("input", _type => UpdateBillingPolicyInput, { description: "The policy to store." }) input: UpdateBillingPolicyInput,
    @Ctx() ctx: Context,
  ): Promise<DiffioAccount> {
    return ctx.use(diffioKit).updateBillingPolicy(input);
  }
}
