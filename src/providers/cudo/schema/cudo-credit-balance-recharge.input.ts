import { Field, InputType } from "type-graphql";
import { DecimalScalar } from "../../../scalars/index.js";
import { DecimalAtLeast, DecimalNotBelow } from "./cudo.validators.js";

/** Automatic credit recharge settings to store on a Cudo billing account (all three together). */
@InputType({
  description:
    "Automatic credit recharge settings, set as a whole. Amounts are exact Decimals in the " +
    "account currency (USD presumed) with 0 <= low <= high.",
})
export class CudoCreditBalanceRechargeInput {
  @Field({ description: "Turn automatic recharge on or off." })
  autoRecharge!: boolean;

  @Field(_type => DecimalScalar, {
    description: "Credit balance below which a recharge is triggered; at least 0.",
  })
  @DecimalAtLeast("0")
  low!: string;

  @Field(_type => DecimalScalar, {
    description: "Credit balance a recharge tops the account up to; at least `low`.",
  })
  @DecimalNotBelow("low")
  high!: string;
}
