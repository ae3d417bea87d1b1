import { Field, ObjectType } from "type-graphql";
import { DateTimeScalar } from "../../../scalars/index.js";

/** `billing.peppol`: the Peppol e-invoice opt-out. */
@ObjectType({
  description:
    "Peppol e-invoicing preference. Eligible organisations get invoices over Peppol unless " +
    "they opt out.",
})
export class HostupPeppol {
  @Field({
    description: "Whether the account opted out of Peppol e-invoice delivery (when eligible).",
  })
  optedOut!: boolean;

  @Field(_type => String, {
    nullable: true,
    description:
      "Customer-facing reason shown while Peppol delivery is disabled by this preference; null " +
      "when not opted out.",
  })
  optOutReason?: string | null;

  @Field(_type => DateTimeScalar, {
    nullable: true,
    description: "When the account opted out; null when not opted out.",
  })
  optedOutAt?: Date | null;
}
