import { Provider } from "../providers/provider.js";
import { type AccountSource } from "../account/account-source.js";
import { cudoSource } from "../providers/cudo/cudo.source.js";
import { depictaSource } from "../providers/depicta/depicta.source.js";
import { diffioSource } from "../providers/diffio/diffio.source.js";
import { hostupSource } from "../providers/hostup/hostup.source.js";

/** How each provider's account is loaded (queries, `accounts` and entity references alike). */
export const ACCOUNT_SOURCES: Record<Provider, AccountSource> = {
  [Provider.DIFFIO]: diffioSource,
  [Provider.HOSTUP]: hostupSource,
  [Provider.CUDO]: cudoSource,
  [Provider.DEPICTA]: depictaSource,
};

