import { Field, ObjectType } from "type-graphql";
import { DecimalScalar } from "../../../scalars/index.js";
import { CudoTransaction } from "./cudo-transaction.type.js";

/** Automatic credit recharge settings of a prepaid Cudo billing account. */
@ObjectType({
  description:
    "Automatic credit recharge of a prepaid Cudo billing account: when `autoRecharge` is on and " +
    "the credit balance falls below `low`, Cudo charges the card to bring it back up to `high`. " +
    "Amounts are in the account currency (USD presumed).",
})
export class CudoCreditBalanceRecharge {
  @Field({ description: "Whether automatic recharge is on (false when Cudo omits it)." })
  autoRecharge!: boolean;

  @Field(_type => DecimalScalar, {
    nullable: true,
    description: "Credit balance below which a recharge is triggered.",
  })
  low?: string | null;

  @Field(_type => DecimalScalar, {
    nullable: true,
    description: "Credit balance a recharge brings the account back up to.",
  })
  high?: string | null;

  @Field(_type => CudoTransaction, {
    nullable: true,
    description: "The latest recharge payment, when there has been one.",
  })
  transaction?: CudoTransaction | null;
}
