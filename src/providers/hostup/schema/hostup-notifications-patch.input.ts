import { ValidateNested } from "class-validator";
import { Field, InputType } from "type-graphql";
import { HostupDeliveryPatch } from "./hostup-delivery-patch.input.js";
import { HostupPatch } from "./hostup-patch.js";

/** `notifications` part of `patchPreferences`. */
@InputType({
  description:
    "Notification preferences to store; give at least one. `emailEnabled` and `smsEnabled` " +
    "need `write:account`, `delivery` needs `write:billing`.",
})
export class HostupNotificationsPatch extends HostupPatch {
  @Field({ nullable: true, description: "General email notification preference." })
  emailEnabled?: boolean;

  @Field({ nullable: true, description: "General SMS notification preference." })
  smsEnabled?: boolean;

  @Field(_type => HostupDeliveryPatch, {
    nullable: true,
    description: "Invoice notification delivery by category.",
  })
  @ValidateNested()
  delivery?: HostupDeliveryPatch;
}
