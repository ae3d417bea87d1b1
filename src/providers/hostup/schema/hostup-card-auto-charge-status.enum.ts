import { registerEnumType } from "type-graphql";

/** Effective state of card auto-charge (upstream `billing.cardAutoCharge.status`). */
export enum HostupCardAutoChargeStatus {
  ACTIVE = "ACTIVE",
  NEEDS_PAYMENT_METHOD = "NEEDS_PAYMENT_METHOD",
  DISABLED = "DISABLED",
  UNKNOWN = "UNKNOWN",
}

registerEnumType(HostupCardAutoChargeStatus, {
  name: "HostupCardAutoChargeStatus",
  description:
    "Whether due invoices are actually charged to the saved card. Read it after changing " +
    "`configured`: switching auto-charge on still needs a saved card before it is active.",
  valuesConfig: {
    ACTIVE: {
      description:
        "Configured and a card is saved: due invoices are charged automatically (`active`).",
    },
    NEEDS_PAYMENT_METHOD: {
      description:
        "Configured, but no card is saved, so nothing is charged until one is added " +
        "(`needs_payment_method`).",
    },
    DISABLED: {
      description: "Not configured: invoices are not charged automatically (`disabled`).",
    },
    UNKNOWN: {
      description:
        "A status this API does not know yet (Hostup documents only `needs_payment_method`). " +
        "Treat it as not active and use `enabled` for the effective state.",
    },
  },
});
