import { type ProviderFacts } from "../../contract/provider-facts.js";

/** Diffio as the core sees it (see `src/contract/provider-facts.ts`). */
export const DIFFIO = {
  id: "DIFFIO",
  name: "Diffio",
  description: "Diffio (api.diffio.ai): API account billing settings.",
  credentialHeader: "X-Diffio-Api-Key",
  defaultBaseUrl: "https://api.diffio.ai",
  accountTypeName: "DiffioAccount",
  accountIdMeaning: "Diffio userId",
  exampleFields: "billingPolicy { type } currency",
  // Diffio documents `diffio_live_…` and `diffio_test_…` keys; `keyPrefix`es such as
  // `diffio_live_child` are shown publicly, so only a longer run is taken for a key.
  keyShapes: [/\bdiffio_(?:live|test)_[A-Za-z0-9_-]{8,}/g],
} as const satisfies ProviderFacts;
