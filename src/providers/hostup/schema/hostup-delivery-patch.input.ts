import { Field, InputType } from "type-graphql";
import { HostupPatch } from "./hostup-patch.js";
import { HOSTUP_EMAIL_CATEGORIES_TEXT, OnlyWithOverride } from "./hostup.validators.js";

/** `notifications.delivery` part of `patchPreferences` (needs `write:billing`). */
@InputType({
  description:
    "Invoice notification delivery: `overrideEnabled: false` returns to Hostup's defaults (every " +
    "category), `true` plus `enabledEmails` stores an explicit allow-list.",
})
export class HostupDeliveryPatch extends HostupPatch {
  @Field({
    description: "False: Hostup's default delivery. True: only the categories in `enabledEmails`.",
  })
  overrideEnabled!: boolean;

  @Field(_type => [String], {
    nullable: true,
    description:
      "The categories to deliver, only with `overrideEnabled: true`: any of " +
      `${HOSTUP_EMAIL_CATEGORIES_TEXT}. Left out: the stored list is kept.`,
  })
  @OnlyWithOverride()
  enabledEmails?: string[];
}
