import { CudoBillingAccount } from "../../domains/cudo/cudo-billing-account.type.js";
import { CudoBillingAccountState } from "../../domains/cudo/cudo-billing-account-state.enum.js";
import { CudoBillingAddress } from "../../domains/cudo/cudo-billing-address.type.js";
import { type CudoBillingAddressInput } from "../../domains/cudo/cudo-billing-address.input.js";
import { CudoCharge } from "../../domains/cudo/cudo-charge.type.js";
import { CudoCreditBalanceRecharge } from "../../domains/cudo/cudo-credit-balance-recharge.type.js";
import { CudoPaymentError } from "../../domains/cudo/cudo-payment-error.type.js";
import { CudoPaymentTerms } from "../../domains/cudo/cudo-payment-terms.enum.js";
import { CudoTaxId } from "../../domains/cudo/cudo-tax-id.type.js";
import { CudoTransaction } from "../../domains/cudo/cudo-transaction.type.js";
import { type UpdateBillingAccountInput } from "../../domains/cudo/update-billing-account.input.js";
import { upstreamError } from "../../errors/upstream-error.js";
import { canonicalDecimal, parseIsoTimestamp } from "../../scalars/index.js";
import { Provider } from "../provider.js";
import {
  type CudoBillingAccountDto,
  type CudoBillingAddressDto,
  type CudoCreditBalanceRechargeDto,
  type CudoDecimalDto,
  type CudoTransactionDto,
  type CudoUpdateBillingAccountBody,
} from "./cudo.dto.js";
import { updateMaskPaths } from "./cudo.update-mask.js";

const UNSPECIFIED_STATE = CudoBillingAccountState.UNSPECIFIED;
const NO_TERMS = CudoPaymentTerms.UNSPECIFIED;
const ADDRESS_KEYS = [
  "name",
  "phone",
  "line1",
  "line2",
  "city",
  "state",
  "postalCode",
  "country",
] as const;

const unreadable = (reason: string) =>
  upstreamError(Provider.CUDO, { kind: "unreadable", status: 200, reason });

const isObject = (value: unknown): value is object =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** proto3 JSON omits empty strings, so absent and "" both read as null. */
const text = (value: unknown): string | null =>
  typeof value === "string" ? value || null : typeof value === "number" ? String(value) : null;

/** proto3 JSON omits `false`: absent reads as false, the proto default. */
const flag = (value: unknown): boolean => value === true;

/**
 * A google.type.Decimal (`{value}`; a bare string is tolerated, as for `monthlySpend`) as the
 * canonical plain-notation string ("2.5e8" → "250000000"), never through a float. A value that is
 * not a decimal is passed on as sent, so the Decimal scalar reports an error at that field
 * instead of a wrong number.
 */
function money(value: CudoDecimalDto | string | undefined): string | null {
  const raw = typeof value === "string" ? value : isObject(value) ? value.value : undefined;
  if (typeof raw !== "string" || raw === "") return null;
  return canonicalDecimal(raw) ?? raw;
}

/** Timestamps: absent → null; not RFC 3339 → an invalid Date, which the DateTime scalar reports. */
const timestamp = (value: unknown) =>
  typeof value === "string" && value
    ? (parseIsoTimestamp(value) ?? new Date(Number.NaN))
    : null;

/**
 * An upstream enum name without its prefix. Absent means the proto default (UNSPECIFIED); a value
 * this API does not know (Cudo adds values without notice) also reads as UNSPECIFIED rather than
 * failing the whole account.
 */
function enumValue<T extends string>(
  value: unknown,
  prefix: string,
  known: Record<string, T>,
  fallback: T,
): T {
  if (typeof value !== "string" || !value.startsWith(prefix)) return fallback;
  const name = value.slice(prefix.length);
  return Object.hasOwn(known, name) ? known[name]! : fallback;
}

function toAddress(dto: CudoBillingAddressDto | undefined): CudoBillingAddress | null {
  if (!isObject(dto)) return null;
  return Object.assign(new CudoBillingAddress(), {
    name: text(dto.name),
    phone: text(dto.phone),
    line1: text(dto.line1),
    line2: text(dto.line2),
    city: text(dto.city),
    state: text(dto.state),
    postalCode: text(dto.postalCode),
    country: text(dto.country),
  });
}

function toTransaction(dto: CudoTransactionDto | undefined): CudoTransaction | null {
  if (!isObject(dto)) return null;
  const charge = dto.latestCharge;
  const error = dto.lastPaymentError;
  return Object.assign(new CudoTransaction(), {
    id: text(dto.id),
    amount: money(dto.amount),
    description: text(dto.description),
    createTime: timestamp(dto.createTime),
    status: text(dto.status),
    succeeded: flag(dto.succeeded),
    latestCharge: isObject(charge)
      ? Object.assign(new CudoCharge(), {
          amount: money(charge.amount),
          createTime: timestamp(charge.createTime),
          paid: flag(charge.paid),
          refunded: flag(charge.refunded),
          status: text(charge.status),
          failureCode: text(charge.failureCode),
        })
      : null,
    lastPaymentError: isObject(error)
      ? Object.assign(new CudoPaymentError(), {
          code: text(error.code),
          declineCode: text(error.declineCode),
        })
      : null,
  });
}

function toRecharge(
  dto: CudoCreditBalanceRechargeDto | undefined,
): CudoCreditBalanceRecharge | null {
  if (!isObject(dto)) return null;
  return Object.assign(new CudoCreditBalanceRecharge(), {
    autoRecharge: flag(dto.autoRecharge),
    low: money(dto.low),
    high: money(dto.high),
    transaction: toTransaction(dto.transaction),
  });
}

/**
 * A Cudo `BillingAccount` (proto3 JSON) → `CudoBillingAccount`. Omitted fields read as null
 * (booleans as false, enums as UNSPECIFIED: the proto defaults); money becomes canonical decimal
 * strings and timestamps Dates (microseconds truncated to milliseconds). `fallbackId` is the id
 * the account was fetched by, for a body without one; with neither, the body is unreadable.
 */
export function toCudoBillingAccount(
  dto: CudoBillingAccountDto | undefined,
  fallbackId?: string,
): CudoBillingAccount {
  if (!isObject(dto)) throw unreadable("no billing account object");
  const id = text(dto.id) ?? fallbackId;
  if (!id) throw unreadable("no billing account id");
  return Object.assign(new CudoBillingAccount(), {
    provider: Provider.CUDO,
    id,
    displayName: text(dto.displayName),
    state: enumValue(dto.state, "STATE_", CudoBillingAccountState, UNSPECIFIED_STATE),
    paymentTerms: enumValue(dto.paymentTerms, "PAYMENT_TERMS_", CudoPaymentTerms, NO_TERMS),
    billingAddress: toAddress(dto.billingAddress),
    taxId: isObject(dto.taxId)
      ? Object.assign(new CudoTaxId(), {
          id: text(dto.taxId.id),
          type: text(dto.taxId.type),
          value: text(dto.taxId.value),
        })
      : null,
    stripeRef: text(dto.stripeRef),
    createBy: text(dto.createBy),
    creditBalance: money(dto.creditBalance),
    billingThreshold: money(dto.billingThreshold),
    monthlySpend: money(dto.monthlySpend),
    monthlySpendLimit: money(dto.monthlySpendLimit),
    hourlySpendLimit: money(dto.hourlySpendLimit),
    hourlySpendRate: money(dto.hourlySpendRate),
    nextInvoiceTotal: money(dto.nextInvoiceTotal),
    creditBalanceRecharge: toRecharge(dto.creditBalanceRecharge),
    createTime: timestamp(dto.createTime),
    invoiceTime: timestamp(dto.invoiceTime),
    deleteTime: timestamp(dto.deleteTime),
    purgeTime: timestamp(dto.purgeTime),
  });
}

/** The address as sent: trimmed, blank parts left out (cleared), the country upper-cased. */
function toAddressPatch(input: CudoBillingAddressInput): CudoBillingAddressDto {
  const out: CudoBillingAddressDto = {};
  for (const key of ADDRESS_KEYS) {
    const value = input[key]?.trim();
    if (value) out[key] = key === "country" ? value.toUpperCase() : value;
  }
  return out;
}

/**
 * `updateBillingAccount` input → Cudo's PATCH body: the given fields under `billingAccount`
 * (a null one is masked but left out, which clears it) and `updateMask` listing them in a stable
 * order. Decimals travel as `{value}` with their canonical text.
 */
export function toCudoUpdateBody(input: UpdateBillingAccountInput): CudoUpdateBillingAccountBody {
  const billingAccount: CudoUpdateBillingAccountBody["billingAccount"] = {};
  if (input.displayName != null) billingAccount.displayName = input.displayName.trim();
  if (input.billingAddress) billingAccount.billingAddress = toAddressPatch(input.billingAddress);
  if (input.taxId) {
    billingAccount.taxId = { type: input.taxId.type.trim(), value: input.taxId.value.trim() };
  }
  if (input.creditBalanceRecharge) {
    const { autoRecharge, low, high } = input.creditBalanceRecharge;
    billingAccount.creditBalanceRecharge = {
      autoRecharge,
      low: { value: low },
      high: { value: high },
    };
  }
  return { billingAccount, updateMask: updateMaskPaths(input).join(",") };
}
