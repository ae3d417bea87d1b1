import { Field, InputType } from "type-graphql";
import { TrimmedLength } from "../../../validation/trimmed-length.js";

/** The tax id to store on a Cudo billing account. */
@InputType({ description: "A tax identification number; both parts are required and trimmed." })
export class CudoTaxIdInput {
  @Field({
    description: 'Tax id type in Stripe\'s naming, e.g. "eu_vat", "gb_vat".',
  })
  @TrimmedLength(1, 50)
  type!: string;

  @Field({ description: 'The number, e.g. "SE556677889901".' })
  @TrimmedLength(1, 100)
  value!: string;
}
