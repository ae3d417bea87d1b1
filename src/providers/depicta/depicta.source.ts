import { type Context } from "../../context.js";
import { errorNotCallersAccount } from "../../errors/not-found.js";
import { depictaKit, SELF } from "./depicta.loaders.js";
import { Provider } from "../provider.js";
import { type AccountSource } from "../../account/account-source.js";
import { type DepictaAccount } from "./schema/depicta-account.type.js";

/** Loads the caller's Depicta profile (the key's user); an `id` must be that user's UUID. */
export const depictaSource: AccountSource = {
  provider: Provider.DEPICTA,
  async load(ctx: Context, id?: string | null): Promise<DepictaAccount> {
    const account = await ctx.use(depictaKit).profile.load(SELF);
    if (id != null && id !== account.id) throw errorNotCallersAccount(Provider.DEPICTA, id);
    return account;
  },
};
