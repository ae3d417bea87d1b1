import { Field, InputType } from "type-graphql";
import { HostupPatch } from "./hostup-patch.js";

/** `billing.separateInvoices` part of `patchPreferences` (needs `write:billing`). */
@InputType({ description: "Invoice grouping to store." })
export class HostupSeparateInvoicesPatch extends HostupPatch {
  @Field({
    description:
      "True: a separate invoice per service or domain. False: one consolidated monthly renewal " +
      "invoice.",
  })
  enabled!: boolean;
}
