import { type ProviderFacts } from "../../contract/provider-facts.js";

/** Hostup as the core sees it (see `src/contract/provider-facts.ts`). */
export const HOSTUP = {
  id: "HOSTUP",
  name: "Hostup",
  description: "Hostup (cloud.hostup.se): control-panel account preferences.",
  credentialHeader: "X-Hostup-Api-Key",
  defaultBaseUrl: "https://cloud.hostup.se",
  accountTypeName: "HostupAccount",
  accountIdMeaning: "Hostup client id",
  exampleFields: "localization { timezone }",
} as const satisfies ProviderFacts;
