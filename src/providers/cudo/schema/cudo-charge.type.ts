import { Field, ObjectType } from "type-graphql";
import { DateTimeScalar, DecimalScalar } from "../../../scalars/index.js";

/** The latest card charge of a Cudo credit-recharge transaction. */
@ObjectType({
  description:
    "The latest payment-card charge of a credit-recharge transaction. Booleans Cudo leaves out " +
    "(proto3 omits false) read as false.",
})
export class CudoCharge {
  @Field(_type => DecimalScalar, {
    nullable: true,
    description: "Amount charged, in the account currency (Cudo does not send it; USD presumed).",
  })
  amount?: string | null;

  @Field(_type => DateTimeScalar, { nullable: true, description: "When the charge was created." })
  createTime?: Date | null;

  @Field({ description: "Whether the charge was paid (false when Cudo omits it)." })
  paid!: boolean;

  @Field({ description: "Whether the charge was refunded (false when Cudo omits it)." })
  refunded!: boolean;

  @Field(_type => String, {
    nullable: true,
    description: 'Payment processor status, e.g. "succeeded", "pending", "failed".',
  })
  status?: string | null;

  @Field(_type => String, {
    nullable: true,
    description: 'Processor failure code when the charge failed, e.g. "card_declined".',
  })
  failureCode?: string | null;
}
