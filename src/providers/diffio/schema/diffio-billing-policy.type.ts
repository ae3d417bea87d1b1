import { Field, ObjectType } from "type-graphql";
import { DateTimeScalar } from "../../../scalars/index.js";
import { DiffioBillingPolicyType } from "./diffio-billing-policy-type.enum.js";

/** The billing policy stored on a Diffio account. */
@ObjectType({ description: "The billing policy stored on a Diffio API account." })
export class DiffioBillingPolicy {
  @Field(_type => DiffioBillingPolicyType, {
    description: "Policy type. An account that never had a policy set reads as CUSTOMER_STRIPE.",
  })
  type!: DiffioBillingPolicyType;

  @Field(_type => String, {
    nullable: true,
    description: "Free-text reason stored with the last policy update, when Diffio returns it.",
  })
  reason?: string | null;

  @Field(_type => DateTimeScalar, {
    nullable: true,
    description: "When the policy was last changed (returned by Diffio after an update).",
  })
  updatedAt?: Date | null;

  @Field(_type => String, {
    nullable: true,
    description: "Id of the API key that last changed the policy.",
  })
  updatedByKeyId?: string | null;
}
