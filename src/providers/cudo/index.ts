import { type ProviderModule } from "../../contract/provider-module.js";
import { CUDO } from "./cudo.facts.js";
import { CudoResolver } from "./cudo.resolver.js";
import { cudoSource } from "./cudo.source.js";
import { CudoBillingAccount } from "./schema/cudo-billing-account.type.js";

/** The cudo provider module: what the core takes from this folder (see `src/contract/provider-module.ts`). */
export const cudoModule: ProviderModule = {
  ...CUDO,
  accountType: CudoBillingAccount,
  resolvers: [CudoResolver],
  source: cudoSource,
  simulator: async () => (await import("./simulator/cudo.simulator.js")).cudoSimulator,
};
