import { Field, InputType } from "type-graphql";
import { HostupPatch } from "./hostup-patch.js";

/** `billing.peppol` part of `patchPreferences` (needs `write:account`). */
@InputType({ description: "Peppol e-invoicing opt-out to store." })
export class HostupPeppolPatch extends HostupPatch {
  @Field({ description: "True opts out of Peppol e-invoice delivery; false opts back in." })
  optedOut!: boolean;
}
