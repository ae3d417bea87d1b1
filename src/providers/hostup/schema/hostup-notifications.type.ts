import { Field, ObjectType } from "type-graphql";
import { HostupNotificationDelivery } from "./hostup-notification-delivery.type.js";

/** `notifications`: general notification channels and invoice notification delivery. */
@ObjectType({ description: "Notification preferences of the account." })
export class HostupNotifications {
  @Field({ description: "General email notification preference." })
  emailEnabled!: boolean;

  @Field({ description: "General SMS notification preference." })
  smsEnabled!: boolean;

  @Field(_type => HostupNotificationDelivery, {
    nullable: true,
    description:
      "Invoice notification delivery by category; null when Hostup reports none. Changing it " +
      "needs `write:billing`.",
  })
  delivery?: HostupNotificationDelivery | null;
}
