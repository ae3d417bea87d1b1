import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { type Context } from "../../context.js";
import { depictaKit } from "./depicta.loaders.js";
import { DepictaAccount } from "./schema/depicta-account.type.js";
import { UpdateProfileNameInput } from "./schema/update-profile-name.input.js";

/** Depicta mutations; reads go through `account` / `accounts` and `depictaSource`. */
@Resolver(_of => DepictaAccount)
export class DepictaResolver {
  @Mutation(_returns => DepictaAccount, {
    description:
      "Set or clear (null) the display name of the caller's " +
      "Depicta profile; answers the updated profile. Depicta refuses it for unverified email " +
      "addresses.",
  })
  updateProfileName(
    @Arg("input", _type => UpdateProfileNameInput, { description: "The new display name." })
    input: UpdateProfileNameInput,
    @Ctx() ctx: Context,
  ): Promise<DepictaAccount> {
    return ctx.use(depictaKit).updateProfileName(input);
  }
}
