import { Directive, Field, ObjectType } from "type-graphql";
import { DateTimeScalar } from "../../../scalars/index.js";
import { Account } from "../../../account/account.interface.js";
import { DiffioBillingPolicy } from "./diffio-billing-policy.type.js";

/** Diffio API account settings (`POST /v1/account/settings/get`). */
@Directive('@key(fields: "id")')
@ObjectType({
  implements: Account,
  description:
    "Diffio API account settings: billing mode, status, policy and currency of the account that " +
    "owns the API key. `id` is the account's userId.",
})
export class DiffioAccount extends Account {
  @Field({ description: "Firebase user id that owns the API account (same as `id`)." })
  userId!: string;

  @Field(_type => String, {
    nullable: true,
    description:
      "Id of the API key used for the read. Only reads return it; null on a mutation's result.",
  })
  apiKeyId?: string | null;

  @Field({
    description:
      "Billing mode stored for the account, as Diffio names it (e.g. `free`, the default, or " +
      "`developerProgressive`). Diffio does not publish the full list, so this is a string.",
  })
  billingMode!: string;

  @Field({
    description: "Billing status stored for the account (e.g. `active`, the default when unset).",
  })
  billingStatus!: string;

  @Field(_type => DiffioBillingPolicy, {
    description: "Billing policy; an account without one reads as CUSTOMER_STRIPE.",
  })
  billingPolicy!: DiffioBillingPolicy;

  @Field({ description: 'Billing currency, ISO 4217 in upper case ("USD"; Diffio sends "usd").' })
  currency!: string;

  @Field(_type => DateTimeScalar, {
    nullable: true,
    description: "Last update of the account settings, when Diffio reports it.",
  })
  updatedAt?: Date | null;
}
