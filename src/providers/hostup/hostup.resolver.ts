import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver } from "type-graphql";
import { type Context } from "../../context.js";
import { SELF } from "../../rest/tracked-loader.js";
import { hostupKit } from "./hostup.loaders.js";
import { HostupAccount } from "./schema/hostup-account.type.js";
import { PatchPreferencesInput } from "./schema/patch-preferences.input.js";
import { validatePatchPreferencesInput } from "./schema/patch-preferences.validation.js";

/** Hostup's `id` (from `/api/v2/me`) and `patchPreferences`; reads go through `hostupSource`. */
@Resolver(_of => HostupAccount)
export class HostupResolver {
  @FieldResolver(_returns => ID, {
    description:
      "Hostup client id of the account (e.g. `client_01…`), from `GET /api/v2/me`: that call is " +
      "made only when `id` is selected, once per request. Also the federation entity key.",
  })
  id(@Ctx() ctx: Context): Promise<string> {
    return ctx.use(hostupKit).me.load(SELF);
  }

  @Mutation(_returns => HostupAccount, {
    description:
      "Change some Hostup preferences of the caller's account and return all of them. Only the " +
      "fields given are sent. Needs `write:account`, plus `write:billing` for " +
      "`billing.cardAutoCharge`, `billing.separateInvoices` and `notifications.delivery`; Hostup " +
      "refuses the whole change (FORBIDDEN) when a scope is missing.",
  })
  patchPreferences(
    @Arg("input", _type => PatchPreferencesInput, {
      description: "The preferences to change; at least one field.",
      validateFn: validatePatchPreferencesInput,
    })
    input: PatchPreferencesInput,
    @Ctx() ctx: Context,
  ): Promise<HostupAccount> {
    return ctx.use(hostupKit).patchPreferences(input);
  }
}
