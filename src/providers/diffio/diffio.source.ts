import { type Context } from "../../context.js";
import { errorNotCallersAccount } from "../../errors/not-found.js";
import { diffioKit, SELF } from "./diffio.loaders.js";
import { Provider } from "../provider.js";
import { type AccountSource } from "../../account/account-source.js";
import { type DiffioAccount } from "./schema/diffio-account.type.js";

/** Loads the caller's Diffio account (the key's account); an `id` must be that account's userId. */
export const diffioSource: AccountSource = {
  provider: Provider.DIFFIO,
  async load(ctx: Context, id?: string | null): Promise<DiffioAccount> {
    const account = await ctx.use(diffioKit).account.load(SELF);
    if (id != null && id !== account.id) throw errorNotCallersAccount(Provider.DIFFIO, id);
    return account;
  },
};
