import { type ProviderModule } from "../../contract/provider-module.js";
import { HOSTUP } from "./hostup.facts.js";
import { HostupResolver } from "./hostup.resolver.js";
import { hostupSource } from "./hostup.source.js";
import { HostupAccount } from "./schema/hostup-account.type.js";

/** The hostup provider module: what the core takes from this folder (see `src/contract/provider-module.ts`). */
export const hostupModule: ProviderModule = {
  ...HOSTUP,
  accountType: HostupAccount,
  resolvers: [HostupResolver],
  source: hostupSource,
  simulator: async () => (await import("./simulator/hostup.simulator.js")).hostupSimulator,
};
