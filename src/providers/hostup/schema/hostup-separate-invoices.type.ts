import { Field, ObjectType } from "type-graphql";
import { HostupBillingToggle } from "./hostup-billing-toggle.interface.js";

/** `billing.separateInvoices`: one invoice per service instead of a monthly consolidated one. */
@ObjectType({
  implements: HostupBillingToggle,
  description:
    "Invoice grouping for renewals: one consolidated monthly invoice, or a separate invoice per " +
    "service or domain.",
})
export class HostupSeparateInvoices extends HostupBillingToggle {
  @Field({
    description:
      "True: a separate invoice per service or domain. False: one consolidated monthly " +
      "renewal invoice.",
  })
  override enabled!: boolean;
}
