import { Field, ObjectType } from "type-graphql";
import { HostupBillingToggle } from "./hostup-billing-toggle.interface.js";
import { HostupCardAutoChargeStatus } from "./hostup-card-auto-charge-status.enum.js";

/** `billing.cardAutoCharge`: paying due invoices with the saved card. */
@ObjectType({
  implements: HostupBillingToggle,
  description:
    "Automatic payment of due invoices with the saved card. `configured` is the stored " +
    "preference (the only writable part); `enabled` and `status` say whether it is in effect.",
})
export class HostupCardAutoCharge extends HostupBillingToggle {
  @Field({
    description:
      "Effective state: true only when auto-charge is configured and a card is saved; false " +
      "when no card is saved even if `configured` is true.",
  })
  override enabled!: boolean;

  @Field({ description: "The stored preference: auto-charge is switched on." })
  configured!: boolean;

  @Field(_type => HostupCardAutoChargeStatus, {
    description: "Effective status; UNKNOWN for a value Hostup adds later.",
  })
  status!: HostupCardAutoChargeStatus;

  @Field({ description: "Whether the account has a saved card to charge." })
  hasPaymentMethod!: boolean;

  @Field(_type => String, {
    nullable: true,
    description: "How invoices are charged, as Hostup names it (e.g. `card`).",
  })
  method?: string | null;
}
