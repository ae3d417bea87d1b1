import { DiffioAccount } from "../../domains/diffio/diffio-account.type.js";
import { DiffioBillingPolicy } from "../../domains/diffio/diffio-billing-policy.type.js";
import { DiffioBillingPolicyType } from "../../domains/diffio/diffio-billing-policy-type.enum.js";
import { type UpdateBillingPolicyInput } from "../../domains/diffio/update-billing-policy.input.js";
import { upstreamError } from "../../errors/upstream-error.js";
import { parseIsoTimestamp } from "../../scalars/index.js";
import { Provider } from "../provider.js";
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
  upstreamError(Provider.DIFFIO, { kind: "unreadable", status: 200, reason });

/** Optional timestamps: absent → null; present but not ISO 8601 → an invalid Date, which the
 * DateTime scalar reports as an error at that field instead of a wrong value. */
const timestamp = (value: string | null | undefined) =>
  value ? (parseIsoTimestamp(value) ?? new Date(Number.NaN)) : null;

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
  const type = POLICY_FROM_WIRE[wirePolicy.type];
  if (!type) throw unreadable(`unknown billing policy type "${String(wirePolicy.type).slice(0, 40)}"`);

  return Object.assign(new DiffioAccount(), {
    provider: Provider.DIFFIO,
    id: dto.userId,
    userId: dto.userId,
    apiKeyId: apiKeyId ?? null,
    // Documented defaults when the account never stored them.
    billingMode: dto.billingMode ?? "free",
    billingStatus: dto.billingStatus ?? "active",
    billingPolicy: Object.assign(new DiffioBillingPolicy(), {
      type,
      reason: wirePolicy.reason ?? null,
      updatedAt: timestamp(wirePolicy.updatedAt),
      updatedByKeyId: wirePolicy.updatedByKeyId ?? null,
    }),
    currency: dto.currency.toUpperCase(),
    updatedAt: timestamp(dto.updatedAt),
  });
}

/** `updateBillingPolicy` input → Diffio's update body; a blank reason is left out. */
export function toDiffioUpdateBody(input: UpdateBillingPolicyInput): DiffioUpdateSettingsBody {
  const reason = input.reason?.trim();
  return {
    billingPolicy: { type: POLICY_TO_WIRE[input.type], ...(reason ? { reason } : {}) },
  };
}
