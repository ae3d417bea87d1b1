import { registerEnumType } from "type-graphql";
import { type ProviderFacts, type ProviderId } from "../contract/provider-facts.js";

interface Declared {
  ids: string;
  values: Record<ProviderId, ProviderId>;
  typeNames: ReadonlyMap<ProviderId, string>;
}

let declared: Declared | undefined;

/**
 * Declare the `Provider` enum (one value per module, in list order) and each provider's account
 * type name, before the schema is built. The shared `Account` types are decorated when their
 * files load, before any module is known, so they read these through {@link providerEnum} and
 * {@link accountTypeName} at schema-build time. A process serves one provider list: declaring a
 * different one throws.
 */
export function declareProviders(providers: readonly ProviderFacts[]): void {
  const ids = providers.map(p => p.id).join(",");
  if (declared) {
    if (declared.ids !== ids) throw new Error(`Provider enum already declared as ${declared.ids}, not ${ids}`);
    return;
  }
  const values = Object.fromEntries(providers.map(p => [p.id, p.id]));
  registerEnumType(values, {
    name: "Provider",
    description: "An upstream SaaS provider whose account settings this API exposes.",
    valuesConfig: Object.fromEntries(providers.map(p => [p.id, { description: p.description }])),
  });
  declared = { ids, values, typeNames: new Map(providers.map(p => [p.id, p.accountTypeName])) };
}

/** The `Provider` enum object for type-graphql field types (`_type => providerEnum()`). */
export function providerEnum(): Record<ProviderId, ProviderId> {
  if (!declared) throw new Error("declareProviders() must run before the schema is built");
  return declared.values;
}

/** The GraphQL type of a provider's account (for `Account.__resolveType`). */
export function accountTypeName(provider: ProviderId): string | undefined {
  return declared?.typeNames.get(provider);
}
