import { DepictaAccount } from "./schema/depicta-account.type.js";
import { type UpdateProfileNameInput } from "./schema/update-profile-name.input.js";
import { badUserInput } from "../../errors/field-errors.js";
import { upstreamError } from "../../errors/upstream-error.js";
import { canonicalDecimal, Money, parseIsoTimestamp } from "../../scalars/index.js";
import { DEPICTA } from "./depicta.facts.js";
import { assignFields, unreadableValue } from "../../errors/unreadable-field.js";
import { type DepictaUpdateProfileBody, type DepictaUserDto } from "./depicta.dto.js";

const unreadable = (reason: string) =>
  upstreamError(DEPICTA, { kind: "unreadable", status: 200, reason });

// Readers of required values: undefined means "missing or malformed".
const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : undefined);
const flag = (value: unknown) => (typeof value === "boolean" ? value : undefined);
const cents = (value: unknown) => (Number.isSafeInteger(value) ? (value as number) : undefined);
const decimal = (value: unknown) =>
  typeof value === "string" ? canonicalDecimal(value) : undefined;
const instant = (value: unknown) =>
  typeof value === "string" ? parseIsoTimestamp(value) : undefined;
const isStringList = (value: unknown) =>
  Array.isArray(value) && value.every(item => typeof item === "string");

/** Optional timestamps: null/absent → null; not ISO 8601 → an error at that field. */
const optionalTimestamp = (value: unknown, key: string) =>
  value == null
    ? null
    : (instant(value) ?? unreadableValue(DEPICTA, `user.${key}`, "is not an ISO 8601 timestamp"));

/** Optional decimals: null/absent → null; anything but a decimal string → an error at that field. */
const optionalDecimal = (value: unknown, key: string) =>
  value == null
    ? null
    : (decimal(value) ?? unreadableValue(DEPICTA, `user.${key}`, "is not a decimal string"));

/** Exact EUR for a cent amount: 2500 → "25.00", 5 → "0.05", -150 → "-1.50". */
export function centsToEur(cents: number): string {
  return new Money(cents).div(100).toFixed(2);
}

/**
 * Depicta `user` → `DepictaAccount`. Money stays exact (decimal strings with Depicta's scale,
 * cents converted with decimal arithmetic); a missing or malformed required value is an
 * upstream "unreadable" error naming every such key, never a crash or a made-up default.
 */
export function toDepictaAccount(dto: DepictaUserDto | undefined): DepictaAccount {
  if (!dto || typeof dto !== "object" || Array.isArray(dto)) throw unreadable("no user object");
  const raw = dto as unknown as Record<string, unknown>;
  const problems: string[] = [];
  const need = <T>(key: string, check: (value: unknown) => T | undefined, what: string): T => {
    const value = check(raw[key]);
    if (value === undefined) {
      problems.push(`user.${key} ${raw[key] == null ? "missing" : `not ${what}`}`);
    }
    return value as T;
  };

  const id = need("id", text, "a non-empty string");
  const email = need("email", text, "a non-empty string");
  const emailVerified = need("email_verified", flag, "a boolean");
  const balanceEur = need("balance_eur", decimal, "a decimal string");
  const heldEur = need("held_eur", decimal, "a decimal string");
  const creditLimitCents = need("credit_limit_cents", cents, "an integer");
  const createdAt = need("created_at", instant, "an ISO 8601 timestamp");
  const pendingCreditNotice = need("pending_credit_notice", flag, "a boolean");
  const promptAnalysisOptIn = need("prompt_analysis_opt_in", flag, "a boolean");
  const twoFactorEnabled = need("two_factor_enabled", flag, "a boolean");
  if (raw.name != null && typeof raw.name !== "string") problems.push("user.name not a string");
  const providers = raw.providers;
  if (providers != null && !isStringList(providers)) {
    problems.push("user.providers not a list of strings");
  }
  if (problems.length > 0) throw unreadable(problems.join("; "));

  return assignFields(new DepictaAccount(), {
    provider: DEPICTA.id,
    id,
    name: (raw.name as string | null | undefined) ?? null,
    email,
    emailVerified,
    balanceEur,
    heldEur,
    freeTrialPendingEur: optionalDecimal(raw.free_trial_pending_eur, "free_trial_pending_eur"),
    creditLimitCents,
    creditLimitEur: centsToEur(creditLimitCents),
    createdAt,
    creditsExpireAt: optionalTimestamp(raw.credits_expire_at, "credits_expire_at"),
    pendingCreditNotice,
    promptAnalysisOptIn,
    twoFactorEnabled,
    oauthProviders: providers == null ? null : [...(providers as string[])],
  });
}

/**
 * `updateProfileName` input → Depicta's PATCH body: the trimmed name, or null to clear it.
 * The input is already validated (its length after trimming); a left-out `name` is
 * refused here because sending nothing would be neither a rename nor a clear.
 */
export function toDepictaUpdateBody(input: UpdateProfileNameInput): DepictaUpdateProfileBody {
  if (input.name === undefined) {
    throw badUserInput("Invalid input: input.name: give a name, or null to clear it", [
      { field: "input.name", message: "give a name, or null to clear it" },
    ]);
  }
  return { name: input.name === null ? null : input.name.trim() };
}
