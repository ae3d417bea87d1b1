import { Field, ObjectType } from "type-graphql";

/** `security`: login preferences. */
@ObjectType({ description: "Login security preferences of the account." })
export class HostupSecurity {
  @Field({
    description: "When true, password login is disabled and BankID is required to log in.",
  })
  bankIdOnlyLogin!: boolean;

  @Field({ description: "Whether TOTP two-factor authentication is enabled. Read-only here." })
  twoFactorEnabled!: boolean;
}
