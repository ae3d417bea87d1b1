import { Field, ObjectType } from "type-graphql";
import { HostupLanguage } from "./hostup-language.enum.js";

/** `localization`: language and time zone. */
@ObjectType({ description: "Language and time zone of the account." })
export class HostupLocalization {
  @Field(_type => HostupLanguage, {
    description: "Preferred control-panel and email language.",
  })
  languageCode!: HostupLanguage;

  @Field({
    description: "IANA time zone used for account-facing timestamps, e.g. `Europe/Stockholm`.",
  })
  timezone!: string;
}
