import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { type Context } from "../../context.js";
import { diffioKit, SELF } from "./diffio.loaders.js";
import { toDiffioAccount, toDiffioUpdateBody } from "./diffio.mapper.js";
import { DiffioAccount } from "./schema/diffio-account.type.js";
import { UpdateBillingPolicyInput } from "./schema/update-billing-policy.input.js";

/** Diffio mutations; reads go through `account` / `accounts` and `diffioSource`. */
@Resolver(_of => DiffioAccount)
export class DiffioResolver {
  @Mutation(_returns => DiffioAccount, {
    description:
      "Store a billing policy on the caller's Diffio account (needs an admin key with " +
      "`account:write`). Not retried automatically; it sets a value, so repeating it is safe.",
  })
  async updateBillingPolicy(
    @Arg("input", _type => UpdateBillingPolicyInput, { description: "The policy to store." }) input: UpdateBillingPolicyInput,
    @Ctx() ctx: Context,
  ): Promise<DiffioAccount> {
    const kit = ctx.use(diffioKit);
    const response = await kit.client.updateSettings(toDiffioUpdateBody(input));
    const account = toDiffioAccount(response?.account, response?.apiKeyId);
    // Later reads in this request see the updated settings without another call.
    kit.account.clear(SELF).prime(SELF, account);
    return account;
  }
}
