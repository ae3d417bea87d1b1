import { Field, InterfaceType } from "type-graphql";
import { HostupCanToggle } from "./hostup-can-toggle.type.js";

/**
 * The shape Hostup repeats for every billing automation switch: state, control-panel texts and
 * `canToggle`. Concrete switches extend this class and add their own fields.
 */
@InterfaceType({
  description:
    "A billing automation switch as Hostup's control panel shows it: its state, label, " +
    "description, why it is in that state, and whether the caller may change it.",
})
export abstract class HostupBillingToggle {
  @Field({ description: "Whether the behaviour is in effect." })
  enabled!: boolean;

  @Field(_type => String, {
    nullable: true,
    description: 'Short control-panel label, e.g. "Card auto-charge".',
  })
  label?: string | null;

  @Field(_type => String, {
    nullable: true,
    description: "One-sentence control-panel explanation of what the switch does.",
  })
  description?: string | null;

  @Field(_type => String, {
    nullable: true,
    description:
      "Customer-facing reason for the current state when it needs one (e.g. auto-charge is " +
      "configured but no card is saved); null when there is nothing to explain.",
  })
  reason?: string | null;

  @Field(_type => HostupCanToggle, {
    nullable: true,
    description:
      "Whether the caller may change the switch now (upstream `actions.canToggle`); null when " +
      "Hostup does not say.",
  })
  canToggle?: HostupCanToggle | null;
}
