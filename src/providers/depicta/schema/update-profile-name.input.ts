import { Field, InputType } from "type-graphql";
import { TrimmedLength } from "../../../validation/trimmed-length.js";

/** Input of `updateProfileName`: the caller's new Depicta display name. */
@InputType({ description: "The new display name of the caller's Depicta profile." })
export class UpdateProfileNameInput {
  @Field(_type => String, {
    nullable: true,
    description:
      "New display name. `null` clears the name. Required: leaving it out is an error rather " +
      "than a silent clear.",
  })
  @TrimmedLength(1, 100)
  name?: string | null;
}
