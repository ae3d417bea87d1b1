import { Directive, Field, ObjectType } from "type-graphql";
import { DateTimeScalar, DecimalScalar, SafeIntScalar } from "../../../scalars/index.js";
import { Account } from "../../../account/account.interface.js";

/** The caller's Depicta profile and credit balance (`GET /v1/account/profile`). */
@Directive('@key(fields: "id")')
@ObjectType({
  implements: Account,
  description:
    "The Depicta user profile behind the API key: identity, email verification, credit balance " +
    "and limits, and security settings. `id` is the user's UUID. Amounts are in EUR.",
})
export class DepictaAccount extends Account {
  @Field(_type => String, {
    nullable: true,
    description:
      "Display name; null when the user has none (`updateProfileName` sets or clears it).",
  })
  name?: string | null;

  @Field({ description: "The user's email address." })
  email!: string;

  @Field({
    description:
      "Whether the email address is verified. Unverified users cannot rename themselves and " +
      "their free-trial credits stay pending (see `freeTrialPendingEur`).",
  })
  emailVerified!: boolean;

  @Field(_type => DecimalScalar, {
    description:
      "Spendable credit balance in EUR, with the 6 decimal places Depicta sends " +
      '(e.g. "9.955000"). ' +
      "It already includes pending holds: the amount held by running generations (`heldEur`) " +
      "is not subtracted again.",
  })
  balanceEur!: string;

  @Field(_type => DecimalScalar, {
    description:
      'EUR currently held by in-flight generations, 6 decimal places; "0.000000" when none runs.',
  })
  heldEur!: string;

  @Field(_type => DecimalScalar, {
    nullable: true,
    description:
      "Free-trial credits in EUR waiting for email verification. Null unless the user " +
      "registered while free trials were offered and has not verified the email yet.",
  })
  freeTrialPendingEur?: string | null;

  @Field(_type => SafeIntScalar, {
    description:
      "Per-transaction/balance credit limit in EUR cents, as Depicta sends it (2500 = EUR 25). " +
      "A JSON number like an `Int`, but it holds any integer up to 2^53 − 1 (Depicta's limits go " +
      "beyond Int's 2^31 − 1); `creditLimitEur` is the same amount as an exact Decimal.",
  })
  creditLimitCents!: number;

  @Field(_type => DecimalScalar, {
    description:
      "The same credit limit in EUR with 2 decimal places, converted exactly " +
      '(2500 cents -> "25.00").',
  })
  creditLimitEur!: string;

  @Field(_type => DateTimeScalar, { description: "When the Depicta account was created." })
  createdAt!: Date;

  @Field(_type => DateTimeScalar, {
    nullable: true,
    description:
      "When the remaining credits expire (12 months after the last paid top-up); null when " +
      "Depicta reports no expiry.",
  })
  creditsExpireAt?: Date | null;

  @Field({
    description:
      "True when the user has credit grants they have not seen yet (dismissed in Depicta's " +
      "dashboard or with `POST /v1/account/notifications/dismiss`).",
  })
  pendingCreditNotice!: boolean;

  @Field({ description: "Whether the user opted in to Depicta's prompt analysis." })
  promptAnalysisOptIn!: boolean;

  @Field({ description: "Whether two-factor authentication is enabled on the account." })
  twoFactorEnabled!: boolean;

  @Field(_type => [String], {
    nullable: true,
    description:
      'OAuth providers connected to the account, as Depicta names them (e.g. "google", ' +
      '"github"); null when Depicta reports none (upstream `providers`).',
  })
  oauthProviders?: string[] | null;
}
