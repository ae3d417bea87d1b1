import { Field, ObjectType } from "type-graphql";
import { DateTimeScalar, DecimalScalar } from "../../../scalars/index.js";
import { CudoCharge } from "./cudo-charge.type.js";
import { CudoPaymentError } from "./cudo-payment-error.type.js";

/** The latest credit-recharge transaction of a Cudo billing account (read-only). */
@ObjectType({
  description:
    "The latest credit-recharge payment of a Cudo billing account (read-only history kept by " +
    "Cudo).",
})
export class CudoTransaction {
  @Field(_type => String, { nullable: true, description: "Cudo's transaction id." })
  id?: string | null;

  @Field(_type => DecimalScalar, {
    nullable: true,
    description: "Amount of credit bought, in the account currency (USD presumed).",
  })
  amount?: string | null;

  @Field(_type => String, { nullable: true, description: "Free-text description from Cudo." })
  description?: string | null;

  @Field(_type => DateTimeScalar, { nullable: true, description: "When the transaction started." })
  createTime?: Date | null;

  @Field(_type => String, {
    nullable: true,
    description: 'Payment status as Cudo reports it, e.g. "succeeded", "requires_payment_method".',
  })
  status?: string | null;

  @Field({ description: "Whether the payment succeeded (false when Cudo omits it)." })
  succeeded!: boolean;

  @Field(_type => CudoCharge, { nullable: true, description: "The latest charge attempt, if any." })
  latestCharge?: CudoCharge | null;

  @Field(_type => CudoPaymentError, {
    nullable: true,
    description: "The last payment error, if a payment attempt failed.",
  })
  lastPaymentError?: CudoPaymentError | null;
}
