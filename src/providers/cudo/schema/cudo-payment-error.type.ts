import { Field, ObjectType } from "type-graphql";

/** The last payment error of a Cudo credit-recharge transaction. */
@ObjectType({
  description: "Why the last payment attempt of a credit-recharge transaction failed.",
})
export class CudoPaymentError {
  @Field(_type => String, {
    nullable: true,
    description: 'Processor error code, e.g. "card_declined".',
  })
  code?: string | null;

  @Field(_type => String, {
    nullable: true,
    description: 'Card issuer\'s decline code, e.g. "insufficient_funds".',
  })
  declineCode?: string | null;
}
