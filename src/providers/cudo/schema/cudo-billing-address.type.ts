import { Field, ObjectType } from "type-graphql";

/** The postal billing address stored on a Cudo billing account. */
@ObjectType({
  description:
    "Postal billing address of a Cudo billing account (printed on invoices). Every part is null " +
    "when Cudo does not store it.",
})
export class CudoBillingAddress {
  @Field(_type => String, { nullable: true, description: "Addressee: person or company name." })
  name?: string | null;

  @Field(_type => String, { nullable: true, description: "Contact phone number, as entered." })
  phone?: string | null;

  @Field(_type => String, { nullable: true, description: "First address line (street, number)." })
  line1?: string | null;

  @Field(_type => String, { nullable: true, description: "Second address line (floor, suite...)." })
  line2?: string | null;

  @Field(_type => String, { nullable: true, description: "City or town." })
  city?: string | null;

  @Field(_type => String, { nullable: true, description: "State, county, province or region." })
  state?: string | null;

  @Field(_type => String, { nullable: true, description: "Postal or ZIP code, as entered." })
  postalCode?: string | null;

  @Field(_type => String, {
    nullable: true,
    description: 'Country as an ISO 3166-1 alpha-2 code, e.g. "SE".',
  })
  country?: string | null;
}
