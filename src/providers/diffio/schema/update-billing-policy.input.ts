import { Field, InputType } from "type-graphql";
import { TrimmedLength } from "../../../validation/trimmed-length.js";
import { DiffioBillingPolicyType } from "./diffio-billing-policy-type.enum.js";

/** Input of `updateBillingPolicy`: the policy to store on the caller's Diffio account. */
@InputType({ description: "The billing policy to store on the caller's Diffio account." })
export class UpdateBillingPolicyInput {
  @Field(_type => DiffioBillingPolicyType, { description: "The policy type to store." })
  type!: DiffioBillingPolicyType;

  @Field(_type => String, {
    nullable: true,
    description:
      "Optional reason stored with the update (audit log); blank means no reason.",
  })
  @TrimmedLength(0, 500)
  reason?: string | null;
}
