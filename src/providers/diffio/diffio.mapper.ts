import { DiffioAccount } from "./schema/diffio-account.type.js";
import { DiffioBillingPolicy } from "./schema/diffio-billing-policy.type.js";
import { DiffioBillingPolicyType } from "./schema/diffio-billing-policy-type.enum.js";
import { type UpdateBillingPolicyInput } from "./schema/update-billing-policy.input.js";
import { upstreamError } from "../../errors/upstream-error.js";
import { parseIsoTimestamp } from "../../scalars/index.js";
import { DIFFIO } from "./diffio.facts.js";
import { assignFields, kindOf, type Unreadable, unreadableValue } from "../../errors/unreadable-field.js";
import { type DiffioAccountDto, type DiffioUpdateSettingsBody } from "./diffio.dto.js";

const POLICY_FROM_WIRE: Record<string, DiffioBillingPolicyType> = {
  customerStripe: DiffioBillingPolicyType.CUSTOMER_STRIPE,
  internalDiffio: DiffioBillingPolicyType.INTERNAL_DIFFIO,
};
const POLICY_TO_WIRE = {
  [DiffioBillingPolicyType.CUSTOMER_STRIPE]: "customerStripe",
  [DiffioBillingPolicyType.INTERNAL_DIFFIO]: "internalDiffio",
} as const;

const unreadable = (reason: string) =>
  upstreamError(DIFFIO, { kind: "unreadable", status: 200, reason });

/** Optional timestamps: absent → null; anything but an ISO 8601 string → an error at that field. */
function timestamp(value: unknown, path: string): Date | null | Unreadable {
  if (value == null || value === "") return null;
  const date = typeof value === "string" ? parseIsoTimestamp(value) : undefined;
  return date ?? unreadableValue(DIFFIO, path, "is not an ISO 8601 timestamp");
}

/** Optional texts: absent → `fallback`; present but not a string → an error at that field. */
function text(value: unknown, path: string, fallback: string | null = null): string | null | Unreadable {
  if (value == null) return fallback;
  if (typeof value === "string") return value;
  return unreadableValue(DIFFIO, path, `is ${kindOf(value)}, not text`);
}

/**
 * Diffio account settings → `DiffioAccount`. A missing policy reads as CUSTOMER_STRIPE (as Diffio
 * documents); the currency is upper-cased; an unknown policy type is an upstream error rather
 * than a guess.
 */
export function toDiffioAccount(dto: DiffioAccountDto | undefined, apiKeyId?: string): DiffioAccount {
  if (!dto || typeof dto !== "object") throw unreadable("no account object");
  if (typeof dto.userId !== "string" || !dto.userId) throw unreadable("no account.userId");
  if (typeof dto.currency !== "string") throw unreadable("no account.currency");
  const wirePolicy = dto.billingPolicy ?? { type: "customerStripe" };
  const type = Object.hasOwn(POLICY_FROM_WIRE, wirePolicy.type) ? POLICY_FROM_WIRE[wirePolicy.type] : undefined;
  if (!type) throw unreadable(`unknown billing policy type "${String(wirePolicy.type).slice(0, 40)}"`);

  return assignFields(new DiffioAccount(), {
    provider: DIFFIO.id,
    id: dto.userId,
    userId: dto.userId,
    apiKeyId: apiKeyId ?? null,
    // Documented defaults when the account never stored them.
    billingMode: text(dto.billingMode, "account.billingMode", "free") as string | Unreadable,
    billingStatus: text(dto.billingStatus, "account.billingStatus", "active") as string | Unreadable,
    billingPolicy: assignFields(new DiffioBillingPolicy(), {
      type,
      reason: text(wirePolicy.reason, "account.billingPolicy.reason"),
      updatedAt: timestamp(wirePolicy.updatedAt, "account.billingPolicy.updatedAt"),
      updatedByKeyId: text(wirePolicy.updatedByKeyId, "account.billingPolicy.updatedByKeyId"),
    }),
    currency: dto.currency.toUpperCase(),
    updatedAt: timestamp(dto.updatedAt, "account.updatedAt"),
  });
}

/** `updateBillingPolicy` input → Diffio's update body; a blank reason is left out. */
export function toDiffioUpdateBody(input: UpdateBillingPolicyInput): DiffioUpdateSettingsBody {
  const reason = input.reason?.trim();
  return {
    billingPolicy: { type: POLICY_TO_WIRE[input.type], ...(reason ? { reason } : {}) },
  };
}
