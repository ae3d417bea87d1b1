import { Field, InputType } from "type-graphql";
import { TrimmedLength } from "../../../validation/trimmed-length.js";
import { IsCountryCode } from "./cudo.validators.js";

/** The billing address to store on a Cudo billing account (replaces the stored one). */
@InputType({
  description:
    "A billing address. It replaces the stored address as a whole: parts left out, null or " +
    "blank are cleared. Values are trimmed.",
})
export class CudoBillingAddressInput {
  @Field(_type => String, { nullable: true, description: "Addressee." })
  @TrimmedLength(0, 200)
  name?: string | null;

  @Field(_type => String, { nullable: true, description: "Contact phone." })
  @TrimmedLength(0, 50)
  phone?: string | null;

  @Field(_type => String, { nullable: true, description: "First line." })
  @TrimmedLength(0, 200)
  line1?: string | null;

  @Field(_type => String, { nullable: true, description: "Second line." })
  @TrimmedLength(0, 200)
  line2?: string | null;

  @Field(_type => String, { nullable: true, description: "City." })
  @TrimmedLength(0, 200)
  city?: string | null;

  @Field(_type => String, {
    nullable: true,
    description: "State, county or region.",
  })
  @TrimmedLength(0, 200)
  state?: string | null;

  @Field(_type => String, {
    nullable: true,
    description: "Postal or ZIP code.",
  })
  @TrimmedLength(0, 20)
  postalCode?: string | null;

  @Field(_type => String, {
    nullable: true,
    description:
      'ISO 3166-1 alpha-2 country code ("SE", "us"; sent upper-case). Reserved, deprecated and ' +
      'user-assigned codes ("ZZ", "EU", "UK", "XX") are refused; "XK" (Kosovo) is accepted.',
  })
  @IsCountryCode()
  country?: string | null;
}
