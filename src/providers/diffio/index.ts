import { type ProviderModule } from "../../contract/provider-module.js";
import { DIFFIO } from "./diffio.facts.js";
import { DiffioResolver } from "./diffio.resolver.js";
import { diffioSource } from "./diffio.source.js";
import { DiffioAccount } from "./schema/diffio-account.type.js";

/** The diffio provider module: what the core takes from this folder (see `src/contract/provider-module.ts`). */
export const diffioModule: ProviderModule = {
  ...DIFFIO,
  accountType: DiffioAccount,
  resolvers: [DiffioResolver],
  source: diffioSource,
  simulator: async () => (await import("./simulator/diffio.simulator.js")).diffioSimulator,
};
