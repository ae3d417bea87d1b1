import { type EnvReader, type ProviderFacts } from "../../contract/provider-facts.js";

/** Cudo's own variables: `config.providerSettings.CUDO`. */
export type CudoSettings = {
  /** `CUDO_BILLING_ACCOUNT_ID`: the billing account read when `account(provider: CUDO)` has no `id`. */
  billingAccountId?: string;
};

/** Cudo's settings in `config` (read at start by `readSettings`). */
export function cudoSettings(config: { providerSettings: Record<string, unknown> }): CudoSettings {
  return (config.providerSettings.CUDO ?? {}) as CudoSettings;
}

/** Cudo Compute as the core sees it (see `src/contract/provider-facts.ts`). */
export const CUDO = {
  id: "CUDO",
  name: "Cudo Compute",
  description: "Cudo Compute (rest.compute.cudo.org): billing accounts.",
  credentialHeader: "X-Cudo-Api-Key",
  defaultBaseUrl: "https://rest.compute.cudo.org",
  accountTypeName: "CudoBillingAccount",
  accountIdMeaning: "Cudo billing account id",
  exampleFields: "displayName creditBalance",
  accountArgumentHelp: {
    query: "For CUDO, `id` picks the billing account.",
    id:
      "For CUDO, the billing account to read (default: CUDO_BILLING_ACCOUNT_ID, else the " +
      "caller's only billing account).",
  },
  readSettings: (read: EnvReader): CudoSettings => ({ billingAccountId: read("CUDO_BILLING_ACCOUNT_ID") }),
} as const satisfies ProviderFacts;
