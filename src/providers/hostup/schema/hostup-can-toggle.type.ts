import { Field, ObjectType } from "type-graphql";

/** Whether the caller may flip a switch now (upstream `actions.canToggle`). */
@ObjectType({
  description:
    "Whether the caller may change a switch right now, and if not, why (upstream " +
    "`actions.canToggle`).",
})
export class HostupCanToggle {
  @Field({ description: "True when the switch can be changed now." })
  allowed!: boolean;

  @Field(_type => String, {
    nullable: true,
    description:
      "Customer-facing explanation when `allowed` is false (e.g. a billing recipient is " +
      "missing); usually null otherwise.",
  })
  reason?: string | null;
}
