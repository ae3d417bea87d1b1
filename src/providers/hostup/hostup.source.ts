import { type GraphQLResolveInfo } from "graphql";
import { type Context } from "../../context.js";
import { errorNotCallersAccount } from "../../errors/not-found.js";
import { SELF } from "../../rest/tracked-loader.js";
import { hostupKit } from "./hostup.loaders.js";
import { HOSTUP } from "./hostup.facts.js";
import { type AccountSource } from "../../contract/account-source.js";
import { selectsField } from "../../account/selection.js";
import { type HostupAccount } from "./schema/hostup-account.type.js";

/**
 * Loads the caller's Hostup preferences (the key's account). Without `id` only the preferences
 * are read; with one, `GET /api/v2/me` must confirm it is the caller's account before anything
 * is returned.
 */
export const hostupSource: AccountSource = {
  provider: HOSTUP.id,
  async load(ctx: Context, id?: string | null, info?: GraphQLResolveInfo): Promise<HostupAccount> {
    const kit = ctx.use(hostupKit);
    const account = kit.preferences.load(SELF);
    if (id == null) {
      // `id` needs /api/v2/me: start it now, beside the preferences, rather than after them.
      if (info && selectsField(info, "HostupAccount", "id")) kit.me.load(SELF).catch(() => undefined);
      return account;
    }
    // Both calls run in parallel, but the id check wins: a foreign id is NOT_FOUND even when
    // the preferences read fails, and never returns data.
    account.catch(() => undefined);
    const ownId = await kit.me.load(SELF);
    if (id !== ownId) throw errorNotCallersAccount(HOSTUP, id);
    return account;
  },
};
