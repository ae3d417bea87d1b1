import { cudoModule } from "./cudo/index.js";
import { depictaModule } from "./depicta/index.js";
import { diffioModule } from "./diffio/index.js";
import { hostupModule } from "./hostup/index.js";
import { type ProviderModule } from "../contract/provider-module.js";

/**
 * The providers this server serves, in schema order (the `Provider` enum, `accounts`' default
 * order). The schema, configuration, credential headers, limiters, metrics, redaction and
 * simulators are all derived from this list: adding a provider is its folder plus one line here.
 */
export const PROVIDER_MODULES: readonly ProviderModule[] = [
  diffioModule,
  hostupModule,
  cudoModule,
  depictaModule,
];
