import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { type Context } from "../../context.js";
import { cudoKit } from "./cudo.loaders.js";
import { CudoBillingAccount } from "./schema/cudo-billing-account.type.js";
import { UpdateBillingAccountInput } from "./schema/update-billing-account.input.js";
import { validateUpdateBillingAccountInput } from "./schema/update-billing-account.validation.js";

/** Cudo mutations; reads go through `account` / `accounts` and `cudoSource`. */
@Resolver(_of => CudoBillingAccount)
export class CudoResolver {
  @Mutation(_returns => CudoBillingAccount, {
    description:
      "Update a Cudo billing account (display name, billing address, tax id, automatic credit " +
      "recharge); needs admin rights on it. Only the fields given are changed.",
  })
  updateBillingAccount(
    @Arg("input", _type => UpdateBillingAccountInput, {
      description: "The billing account and the fields to set; at least one besides `id`.",
      validateFn: validateUpdateBillingAccountInput,
    })
    input: UpdateBillingAccountInput,
    @Ctx() ctx: Context,
  ): Promise<CudoBillingAccount> {
    return ctx.use(cudoKit).updateBillingAccount(input);
  }
}
