import { Field, ObjectType } from "type-graphql";
import { HostupCanToggle } from "./hostup-can-toggle.type.js";

/** `notifications.delivery.billing`: the billing-email category of invoice notifications. */
@ObjectType({
  description: "Delivery of billing emails (invoices, receipts) among the invoice notifications.",
})
export class HostupBillingEmailDelivery {
  @Field({ description: "Whether billing emails are delivered (`notify_billing` is in effect)." })
  enabled!: boolean;

  @Field(_type => HostupCanToggle, {
    nullable: true,
    description:
      "Whether billing email delivery can be changed now (e.g. not before a billing " +
      "notification recipient exists); null when Hostup does not say.",
  })
  canToggle?: HostupCanToggle | null;
}
