import { type ProviderFacts } from "../../contract/provider-facts.js";

/** Depicta as the core sees it (see `src/contract/provider-facts.ts`). */
export const DEPICTA = {
  id: "DEPICTA",
  name: "Depicta",
  description: "Depicta (api.depicta.ai): user profile and credit balance.",
  credentialHeader: "X-Depicta-Api-Key",
  defaultBaseUrl: "https://api.depicta.ai",
  accountTypeName: "DepictaAccount",
  accountIdMeaning: "Depicta user UUID",
  exampleFields: "name balanceEur",
  // "max 10 concurrent requests" per API key; the next one gets 429 `rate_limited`
  // (depicta.ai/docs/reference/error-codes, "Rate limiting"). The core's limiter keeps us under it.
  maxConcurrencyPerCredential: 10,
  // Depicta keys are `dpct_…`; a provider may echo one into data (`user.name`).
  keyShapes: [/\bdpct_[A-Za-z0-9_-]{8,}/g],
} as const satisfies ProviderFacts;
