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
    // Not `async`: a read without an id (nearly all) is the loader's own promise, not one more.
    load(ctx, id) {
      let account: Promise<Account>;
      try {
        account = read(ctx);
      } catch (error) {
        // A failure is this provider's item alone (`accounts` settles each on its own), as an async load made it.
        return Promise.reject(error);
      }
      if (id == null) return account;
      return account.then(found => {
        if (id !== found.id) throw errorNotCallersAccount(provider, id);
        return found;
      });
    },
  };
}
