import { registerEnumType } from "type-graphql";

/** Diffio's billing policy types (upstream `customerStripe` / `internalDiffio`). */
export enum DiffioBillingPolicyType {
  CUSTOMER_STRIPE = "CUSTOMER_STRIPE",
  INTERNAL_DIFFIO = "INTERNAL_DIFFIO",
}

registerEnumType(DiffioBillingPolicyType, {
  name: "DiffioBillingPolicyType",
  description: "Who bills the account's API usage.",
  valuesConfig: {
    CUSTOMER_STRIPE: {
      description:
        "Usage is billed to the customer through Stripe (upstream `customerStripe`, the default).",
    },
    INTERNAL_DIFFIO: {
      description: "Usage is absorbed internally by Diffio (upstream `internalDiffio`).",
    },
  },
});
