import { Field, ObjectType } from "type-graphql";

/** The tax identification number stored on a Cudo billing account. */
@ObjectType({ description: "Tax identification number of a Cudo billing account (Stripe tax id)." })
export class CudoTaxId {
  @Field(_type => String, {
    nullable: true,
    description: "Cudo's id of the stored tax id (read-only; a new one is assigned on change).",
  })
  id?: string | null;

  @Field(_type => String, {
    nullable: true,
    description: 'Tax id type in Stripe\'s naming, e.g. "eu_vat", "gb_vat", "us_ein".',
  })
  type?: string | null;

  @Field(_type => String, {
    nullable: true,
    description: 'The number itself, e.g. "SE556677889901".',
  })
  value?: string | null;
}
