import { registerEnumType } from "type-graphql";

/** Cudo's `BillingAccount.paymentTerms` without the `PAYMENT_TERMS_` prefix. */
export enum CudoPaymentTerms {
  UNSPECIFIED = "UNSPECIFIED",
  PREPAID = "PREPAID",
  INVOICE = "INVOICE",
}

registerEnumType(CudoPaymentTerms, {
  name: "CudoPaymentTerms",
  description: "How a Cudo billing account pays (upstream `PAYMENT_TERMS_*`, prefix removed).",
  valuesConfig: {
    UNSPECIFIED: {
      description:
        "Cudo sent no payment terms (omitted or `PAYMENT_TERMS_UNSPECIFIED`), or terms this API " +
        "does not know yet.",
    },
    PREPAID: {
      description:
        "Usage is paid from prepaid credit (`creditBalance`, optionally auto-recharged).",
    },
    INVOICE: { description: "Usage is invoiced after the fact (see `invoiceTime`)." },
  },
});
