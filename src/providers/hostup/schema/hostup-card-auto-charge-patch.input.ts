import { Field, InputType } from "type-graphql";
import { HostupPatch } from "./hostup-patch.js";

/** `billing.cardAutoCharge` part of `patchPreferences` (needs `write:billing`). */
@InputType({
  description:
    "Card auto-charge preference to store. Read `status` in the result: switching it on still " +
    "needs a saved card before it is active.",
})
export class HostupCardAutoChargePatch extends HostupPatch {
  @Field({ description: "True switches auto-charge on, false off." })
  configured!: boolean;
}
