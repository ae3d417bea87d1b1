import { ValidateNested } from "class-validator";
import { Field, InputType } from "type-graphql";
import { JSONObjectScalar } from "../../../scalars/index.js";
import { HostupBillingPatch } from "./hostup-billing-patch.input.js";
import { HostupLocalizationPatch } from "./hostup-localization-patch.input.js";
import { HostupNotificationsPatch } from "./hostup-notifications-patch.input.js";
import { HostupPatch } from "./hostup-patch.js";
import { HostupSecurityPatch } from "./hostup-security-patch.input.js";
import { CATEGORY_LIMITS } from "./hostup.validators.js";

/** Input of `patchPreferences`: the Hostup preferences to change, and nothing else. */
@InputType({
  description:
    "The Hostup preferences to change. Every part is optional but at least one is required; " +
    "only the fields given are sent, the rest keep their values. Null is not accepted: leave a " +
    "field out instead.",
})
export class PatchPreferencesInput extends HostupPatch {
  @Field(_type => HostupLocalizationPatch, {
    nullable: true,
    description: "Language and time zone.",
  })
  @ValidateNested()
  localization?: HostupLocalizationPatch;

  @Field(_type => HostupNotificationsPatch, {
    nullable: true,
    description: "Notification channels and invoice email delivery.",
  })
  @ValidateNested()
  notifications?: HostupNotificationsPatch;

  @Field(_type => HostupSecurityPatch, { nullable: true, description: "Login security." })
  @ValidateNested()
  security?: HostupSecurityPatch;

  @Field(_type => HostupBillingPatch, {
    nullable: true,
    description: "Peppol e-invoicing and billing automation.",
  })
  @ValidateNested()
  billing?: HostupBillingPatch;

  @Field(_type => JSONObjectScalar, {
    nullable: true,
    description:
      'Dashboard and UI settings to merge, by category: `{"ui": {"theme": "dark"}}`. Each ' +
      "category is an object of string or boolean values; keys not given keep their values. At " +
      `most ${CATEGORY_LIMITS.categories} categories and ${CATEGORY_LIMITS.settings} settings in all, ` +
      `names and keys up to ${CATEGORY_LIMITS.keyLength} characters, string values up to ` +
      `${CATEGORY_LIMITS.valueLength}, and ${CATEGORY_LIMITS.bytes / 1024} KiB as JSON.`,
  })
  categories?: Record<string, unknown>;
}
