import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { type Context } from "../../context.js";
import { depictaKit, SELF } from "./depicta.loaders.js";
import { toDepictaAccount, toDepictaUpdateBody } from "./depicta.mapper.js";
import { DepictaAccount } from "./schema/depicta-account.type.js";
import { UpdateProfileNameInput } from "./schema/update-profile-name.input.js";

/** Depicta mutations; reads go through `account` / `accounts` and `depictaSource`. */
@Resolver(_of => DepictaAccount)
export class DepictaResolver {
  @Mutation(_returns => DepictaAccount, {
    description:
      "Set (trimmed, 1 to 100 characters) or clear (null) the display name of the caller's " +
      "Depicta profile; answers the updated profile. Not retried automatically; it sets a " +
      "value, so repeating it is safe. Depicta refuses it for unverified email addresses.",
  })
  async updateProfileName(
    @Arg("input", _type => UpdateProfileNameInput, { description: "The new display name." })
    input: UpdateProfileNameInput,
    @Ctx() ctx: Context,
  ): Promise<DepictaAccount> {
    const body = toDepictaUpdateBody(input);
    const kit = ctx.use(depictaKit);
    const response = await kit.client.updateProfile(body);
    const account = toDepictaAccount(response?.user);
    // Depicta answers the whole profile: later reads in this request need no other call.
    kit.profile.clear(SELF).prime(SELF, account);
    return account;
  }
}
