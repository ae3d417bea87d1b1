import { Field, ObjectType } from "type-graphql";
import { HostupBillingEmailDelivery } from "./hostup-billing-email-delivery.type.js";
import { HOSTUP_EMAIL_CATEGORIES_TEXT } from "./hostup.validators.js";

/** `notifications.delivery`: which invoice notification emails are sent. */
@ObjectType({
  description:
    "Which invoice notification emails are sent: Hostup's defaults, or an explicit allow-list " +
    "of categories.",
})
export class HostupNotificationDelivery {
  @Field({
    description:
      "False: Hostup's default delivery, every supported category is sent. True: only the " +
      "categories in `enabledEmails` are sent.",
  })
  overrideEnabled!: boolean;

  @Field(_type => [String], {
    nullable: true,
    description:
      `Categories whose emails are delivered: ${HOSTUP_EMAIL_CATEGORIES_TEXT}. The explicit ` +
      "allow-list while `overrideEnabled` is true; otherwise what the defaults deliver.",
  })
  enabledEmails?: string[] | null;

  @Field(_type => HostupBillingEmailDelivery, {
    nullable: true,
    description: "The billing-email category and whether it can be changed now.",
  })
  billing?: HostupBillingEmailDelivery | null;
}
