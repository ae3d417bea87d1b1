import { Field, InputType } from "type-graphql";
import { HostupPatch } from "./hostup-patch.js";

/** `security` part of `patchPreferences` (needs `write:account`). */
@InputType({ description: "Login security preferences to store." })
export class HostupSecurityPatch extends HostupPatch {
  @Field({
    nullable: true,
    description:
      "True disables password login and requires BankID; Hostup may ask for a BankID " +
      "verification first.",
  })
  bankIdOnlyLogin?: boolean;
}
