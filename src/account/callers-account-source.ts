import { type Context } from "../context.js";
import { errorNotCallersAccount } from "../errors/not-found.js";
import { type ProviderRef } from "../contract/provider-facts.js";
import { type AccountSource } from "../contract/account-source.js";
import { type Account } from "./account.interface.js";

/**
 * The source of a provider where a credential sees exactly one account: `load` reads it (through
 * the request's loader), and an `id` that is not that account's gives NOT_FOUND, never another
 * account's data.
 */
export function callersAccountSource(provider: ProviderRef, read: (ctx: Context) => Promise<Account>): AccountSource {
  return {
    provider: provider.id,
    async load(ctx, id) {
      const account = await read(ctx);
      if (id != null && id !== account.id) throw errorNotCallersAccount(provider, id);
      return account;
    },
  };
}
