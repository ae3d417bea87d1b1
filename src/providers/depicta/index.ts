import { type ProviderModule } from "../../contract/provider-module.js";
import { DEPICTA } from "./depicta.facts.js";
import { DepictaResolver } from "./depicta.resolver.js";
import { depictaSource } from "./depicta.source.js";
import { DepictaAccount } from "./schema/depicta-account.type.js";

/** The depicta provider module: what the core takes from this folder (see `src/contract/provider-module.ts`). */
export const depictaModule: ProviderModule = {
  ...DEPICTA,
  accountType: DepictaAccount,
  resolvers: [DepictaResolver],
  source: depictaSource,
  simulator: async () => (await import("./simulator/depicta.simulator.js")).depictaSimulator,
};
