import { ValidateNested } from "class-validator";
import { Field, ID, InputType } from "type-graphql";
import { PathSegment } from "../../../validation/path-segment.js";
import { TrimmedLength } from "../../../validation/trimmed-length.js";
import { CudoBillingAddressInput } from "./cudo-billing-address.input.js";
import { CudoCreditBalanceRechargeInput } from "./cudo-credit-balance-recharge.input.js";
import { CudoTaxIdInput } from "./cudo-tax-id.input.js";

/** Input of `updateBillingAccount`: the billing account and the fields to set on it. */
@InputType({
  description:
    "Fields to set on a Cudo billing account. Give at least one besides `id`; only the fields " +
    "given are sent (they make up Cudo's `updateMask`), the others are left as they are. " +
    "`billingAddress`, `taxId` and `creditBalanceRecharge` are replaced as a whole, and null " +
    "clears them.",
})
export class UpdateBillingAccountInput {
  @Field(_type => ID, { description: "The billing account to update." })
  @PathSegment(200)
  id!: string;

  @Field(_type => String, {
    nullable: true,
    description: "New display name; it cannot be cleared (null).",
  })
  @TrimmedLength(1, 200)
  displayName?: string | null;

  @Field(_type => CudoBillingAddressInput, {
    nullable: true,
    description: "New billing address (replaces the stored one); null clears it.",
  })
  @ValidateNested()
  billingAddress?: CudoBillingAddressInput | null;

  @Field(_type => CudoTaxIdInput, {
    nullable: true,
    description: "New tax id (replaces the stored one); null clears it.",
  })
  @ValidateNested()
  taxId?: CudoTaxIdInput | null;

  @Field(_type => CudoCreditBalanceRechargeInput, {
    nullable: true,
    description: "New automatic recharge settings; null clears them (no auto recharge).",
  })
  @ValidateNested()
  creditBalanceRecharge?: CudoCreditBalanceRechargeInput | null;
}
