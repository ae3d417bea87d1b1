import { registerEnumType } from "type-graphql";

/** Cudo's `BillingAccount.state` without the `STATE_` prefix. */
export enum CudoBillingAccountState {
  UNSPECIFIED = "UNSPECIFIED",
  ACTIVE = "ACTIVE",
  SUSPENDED_ABUSE = "SUSPENDED_ABUSE",
  SUSPENDED_PAYMENT = "SUSPENDED_PAYMENT",
  DELETED = "DELETED",
}

registerEnumType(CudoBillingAccountState, {
  name: "CudoBillingAccountState",
  description: "Lifecycle state of a Cudo billing account (upstream `STATE_*`, prefix removed).",
  valuesConfig: {
    UNSPECIFIED: {
      description:
        "Cudo sent no state (`STATE_UNSPECIFIED` or omitted), or a state this API does not know " +
        "yet; treat it as unknown, not as active.",
    },
    ACTIVE: { description: "In good standing: resources may run and be billed to it." },
    SUSPENDED_ABUSE: {
      description: "Suspended by Cudo for abuse or a terms-of-service violation.",
    },
    SUSPENDED_PAYMENT: {
      description:
        "Suspended for non-payment (e.g. a negative credit balance or an unpaid invoice); paying " +
        "or recharging credit reactivates it.",
    },
    DELETED: {
      description:
        "Deleted: see `deleteTime`; it can be undeleted until `purgeTime`, and cannot be updated.",
    },
  },
});
