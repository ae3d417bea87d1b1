import { Provider } from "../providers/provider.js";
import { type AccountSource } from "./account/account-source.js";
import { diffioSource } from "./diffio/diffio.source.js";

/** How each provider's account is loaded (queries, `accounts` and entity references alike). */
export const ACCOUNT_SOURCES: Record<Provider, AccountSource> = {
  [Provider.DIFFIO]: diffioSource,
  [Provider.HOSTUP]: pending(Provider.HOSTUP),
  [Provider.CUDO]: pending(Provider.CUDO),
  [Provider.DEPICTA]: pending(Provider.DEPICTA),
};

function pending(provider: Provider): AccountSource {
  return { provider, load: () => Promise.reject(new Error(`${provider} is not implemented yet`)) };
}
