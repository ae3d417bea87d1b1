import { Field, InputType } from "type-graphql";
import { HostupLanguage } from "./hostup-language.enum.js";
import { HostupPatch } from "./hostup-patch.js";
import { IsIanaTimeZone } from "./hostup.validators.js";

/** `localization` part of `patchPreferences` (needs `write:account`). */
@InputType({ description: "Language and time zone to store; give at least one." })
export class HostupLocalizationPatch extends HostupPatch {
  @Field(_type => HostupLanguage, {
    nullable: true,
    description: "Control-panel and email language.",
  })
  languageCode?: HostupLanguage;

  @Field(_type => String, {
    nullable: true,
    description: "IANA time zone name, e.g. `Europe/Stockholm` (or `UTC`).",
  })
  @IsIanaTimeZone()
  timezone?: string;
}
