import { type AccountSource } from "./account-source.js";
import { type ProviderSimulator } from "./provider-simulator.js";
import { type ProviderFacts } from "./provider-facts.js";

/**
 * Everything the provider-agnostic core takes from one provider: its facts (configuration,
 * credential header, schema text, limits, redaction), its part of the schema, how its account is
 * loaded, and its simulator. Each provider folder exports one (`<name>/index.ts`); the list in
 * `providers/index.ts` is the only place that names them all.
 */
export interface ProviderModule extends ProviderFacts {
  /** The module's account type (a class decorated with `@ObjectType`, implementing `Account`). */
  readonly accountType: Function;
  /** Its resolver classes (mutations and field resolvers); reads go through `source`. */
  readonly resolvers: readonly Function[];
  /** Loads the caller's account for `account`, `accounts` and federation `_entities` alike. */
  readonly source: AccountSource;
  /**
   * Its simulator, imported on first call: simulated mode and tests call it, a live process never
   * does, so no simulator code is loaded in production.
   */
  readonly simulator: () => Promise<ProviderSimulator>;
}
