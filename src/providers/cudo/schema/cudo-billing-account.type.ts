import { Directive, Field, ObjectType } from "type-graphql";
import { DateTimeScalar, DecimalScalar } from "../../../scalars/index.js";
import { Account } from "../../../account/account.interface.js";
import { CudoBillingAccountState } from "./cudo-billing-account-state.enum.js";
import { CudoBillingAddress } from "./cudo-billing-address.type.js";
import { CudoCreditBalanceRecharge } from "./cudo-credit-balance-recharge.type.js";
import { CudoPaymentTerms } from "./cudo-payment-terms.enum.js";
import { CudoTaxId } from "./cudo-tax-id.type.js";

const MONEY = "in the account currency (Cudo does not send one; USD presumed)";

/** A Cudo Compute billing account (`GET /v1/billing-accounts/{id}`). */
@Directive('@key(fields: "id")')
@ObjectType({
  implements: Account,
  description:
    "A Cudo Compute billing account: who pays for a set of projects, how, and how much has been " +
    "spent. Cudo omits empty fields, so anything it does not store is null. Money is an exact " +
    `Decimal ${MONEY}.`,
})
export class CudoBillingAccount extends Account {
  @Field(_type => String, { nullable: true, description: "Name shown in the Cudo console." })
  displayName?: string | null;

  @Field(_type => CudoBillingAccountState, {
    nullable: true,
    description: "Lifecycle state; UNSPECIFIED when Cudo sends none or one unknown to this API.",
  })
  state?: CudoBillingAccountState | null;

  @Field(_type => CudoPaymentTerms, {
    nullable: true,
    description: "Prepaid credit or invoicing; UNSPECIFIED when Cudo sends none.",
  })
  paymentTerms?: CudoPaymentTerms | null;

  @Field(_type => CudoBillingAddress, { nullable: true, description: "Postal billing address." })
  billingAddress?: CudoBillingAddress | null;

  @Field(_type => CudoTaxId, { nullable: true, description: "Tax identification number." })
  taxId?: CudoTaxId | null;

  @Field(_type => String, {
    nullable: true,
    description: "Stripe customer reference of the account (`cus_...`).",
  })
  stripeRef?: string | null;

  @Field(_type => String, {
    nullable: true,
    description: "Who created the account (the creating user's email or id, as Cudo reports it).",
  })
  createBy?: string | null;

  @Field(_type => DecimalScalar, {
    nullable: true,
    description: `Prepaid credit left, ${MONEY}; negative when usage ran past the credit.`,
  })
  creditBalance?: string | null;

  @Field(_type => DecimalScalar, {
    nullable: true,
    description: `Billing threshold set by Cudo (accrued usage that triggers a charge), ${MONEY}.`,
  })
  billingThreshold?: string | null;

  @Field(_type => DecimalScalar, {
    nullable: true,
    description: `Spend so far in the current calendar month, ${MONEY}.`,
  })
  monthlySpend?: string | null;

  @Field(_type => DecimalScalar, {
    nullable: true,
    description: `Maximum spend per month, ${MONEY}; null when no limit is set.`,
  })
  monthlySpendLimit?: string | null;

  @Field(_type => DecimalScalar, {
    nullable: true,
    description: `Maximum spend per hour, ${MONEY}; null when no limit is set.`,
  })
  hourlySpendLimit?: string | null;

  @Field(_type => DecimalScalar, {
    nullable: true,
    description: `Current spend rate per hour of the running resources, ${MONEY}.`,
  })
  hourlySpendRate?: string | null;

  @Field(_type => DecimalScalar, {
    nullable: true,
    description: `Total of the next invoice so far, ${MONEY}.`,
  })
  nextInvoiceTotal?: string | null;

  @Field(_type => CudoCreditBalanceRecharge, {
    nullable: true,
    description: "Automatic credit recharge settings; null when never configured.",
  })
  creditBalanceRecharge?: CudoCreditBalanceRecharge | null;

  @Field(_type => DateTimeScalar, { nullable: true, description: "When the account was created." })
  createTime?: Date | null;

  @Field(_type => DateTimeScalar, { nullable: true, description: "When the next invoice is due." })
  invoiceTime?: Date | null;

  @Field(_type => DateTimeScalar, {
    nullable: true,
    description: "When the account was deleted (state DELETED); null otherwise.",
  })
  deleteTime?: Date | null;

  @Field(_type => DateTimeScalar, {
    nullable: true,
    description: "When a deleted account will be purged for good; until then it can be undeleted.",
  })
  purgeTime?: Date | null;
}
