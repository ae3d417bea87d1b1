import { Field, ObjectType } from "type-graphql";
import { HostupCardAutoCharge } from "./hostup-card-auto-charge.type.js";
import { HostupPeppol } from "./hostup-peppol.type.js";
import { HostupSeparateInvoices } from "./hostup-separate-invoices.type.js";

/** `billing`: e-invoicing and billing automation. */
@ObjectType({ description: "Billing preferences: Peppol e-invoicing and billing automation." })
export class HostupBilling {
  @Field(_type => HostupPeppol, { description: "Peppol e-invoice opt-out state." })
  peppol!: HostupPeppol;

  @Field(_type => HostupCardAutoCharge, {
    nullable: true,
    description:
      "Automatic card payment of due invoices; null when Hostup reports none. Changing it " +
      "needs `write:billing`.",
  })
  cardAutoCharge?: HostupCardAutoCharge | null;

  @Field(_type => HostupSeparateInvoices, {
    nullable: true,
    description:
      "Separate or consolidated renewal invoices; null when Hostup reports none. Changing it " +
      "needs `write:billing`.",
  })
  separateInvoices?: HostupSeparateInvoices | null;
}
