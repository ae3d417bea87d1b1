import { ValidateNested } from "class-validator";
import { Field, InputType } from "type-graphql";
import { HostupCardAutoChargePatch } from "./hostup-card-auto-charge-patch.input.js";
import { HostupPatch } from "./hostup-patch.js";
import { HostupPeppolPatch } from "./hostup-peppol-patch.input.js";
import { HostupSeparateInvoicesPatch } from "./hostup-separate-invoices-patch.input.js";

/** `billing` part of `patchPreferences`. */
@InputType({
  description:
    "Billing preferences to store; give at least one. `peppol` needs `write:account`, " +
    "`cardAutoCharge` and `separateInvoices` need `write:billing`.",
})
export class HostupBillingPatch extends HostupPatch {
  @Field(_type => HostupPeppolPatch, { nullable: true, description: "Peppol e-invoicing opt-out." })
  @ValidateNested()
  peppol?: HostupPeppolPatch;

  @Field(_type => HostupCardAutoChargePatch, {
    nullable: true,
    description: "Card auto-charge preference.",
  })
  @ValidateNested()
  cardAutoCharge?: HostupCardAutoChargePatch;

  @Field(_type => HostupSeparateInvoicesPatch, {
    nullable: true,
    description: "Separate or consolidated renewal invoices.",
  })
  @ValidateNested()
  separateInvoices?: HostupSeparateInvoicesPatch;
}
