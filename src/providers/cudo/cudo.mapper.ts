import { CudoBillingAccount } from "./schema/cudo-billing-account.type.js";
import { CudoBillingAccountState } from "./schema/cudo-billing-account-state.enum.js";
import { CudoBillingAddress } from "./schema/cudo-billing-address.type.js";
import { type CudoBillingAddressInput } from "./schema/cudo-billing-address.input.js";
import { CudoCharge } from "./schema/cudo-charge.type.js";
import { CudoCreditBalanceRecharge } from "./schema/cudo-credit-balance-recharge.type.js";
import { CudoPaymentError } from "./schema/cudo-payment-error.type.js";
import { CudoPaymentTerms } from "./schema/cudo-payment-terms.enum.js";
import { CudoTaxId } from "./schema/cudo-tax-id.type.js";
import { CudoTransaction } from "./schema/cudo-transaction.type.js";
import { type UpdateBillingAccountInput } from "./schema/update-billing-account.input.js";
import { upstreamError } from "../../errors/upstream-error.js";
import { numberSource } from "../../rest/exact-json.js";
import { canonicalDecimal, parseIsoTimestamp } from "../../scalars/index.js";
import { CUDO } from "./cudo.facts.js";
import { assignFields, kindOf, Unreadable, unreadableValue, type MappedFields } from "../../errors/unreadable-field.js";
import {
  type CudoBillingAccountDto,
  type CudoBillingAddressDto,
  type CudoUpdateBillingAccountBody,
} from "./cudo.dto.js";
import { UPDATABLE_FIELDS, updateMaskPaths } from "./cudo.update-fields.js";
import { isObject } from "../../json/is-object.js";

const UNSPECIFIED_STATE = CudoBillingAccountState.UNSPECIFIED;
const NO_TERMS = CudoPaymentTerms.UNSPECIFIED;
const ADDRESS_KEYS = UPDATABLE_FIELDS.billingAddress;

const unreadable = (reason: string) =>
  upstreamError(CUDO, { kind: "unreadable", status: 200, reason });

type Dto = Record<string, unknown>;


const bad = (path: string, value: unknown, wanted: string) =>
  unreadableValue(CUDO, path, `is ${kindOf(value)}, not ${wanted}`);

/**
 * The readers below take the member `key` of `dto` (`path` is its name in Cudo's body, for the
 * error). What they cannot read exactly becomes {@link Unreadable}: that field errors, the rest
 * of the account is served.
 */

/** Texts; proto3 JSON omits empty strings, so absent and "" both read as null. */
function text(dto: Dto, key: string, path: string): string | null | Unreadable {
  const value = dto[key];
  if (value == null) return null;
  if (typeof value === "string") return value || null;
  if (typeof value === "number") return numberSource(dto, key) ?? String(value);
  return bad(path, value, "text");
}

/** Booleans; proto3 JSON omits `false`: absent reads as false, the proto default. */
function flag(dto: Dto, key: string, path: string): boolean | Unreadable {
  const value = dto[key];
  if (value == null) return false;
  return typeof value === "boolean" ? value : bad(path, value, "a boolean");
}

/** A decimal's text (a string, or a JSON number's own digits) in canonical form. */
function decimalText(holder: Dto, key: string, path: string): string | null | Unreadable {
  const value = holder[key];
  if (value == null || value === "") return null;
  const source = typeof value === "string" ? value : numberSource(holder, key);
  if (source === undefined) return bad(path, value, "a decimal");
  return canonicalDecimal(source) ?? unreadableValue(CUDO, path, "is not a decimal number");
}

/**
 * Money: a google.type.Decimal (`{value}`; a bare string is tolerated, as for `monthlySpend`) as
 * the canonical plain-notation string ("2.5e8" → "250000000"), never through a float. A value
 * sent as a JSON number (`{value: 12.50}`) is read from its own digits ("12.50"), which the REST
 * client keeps for Cudo (see `rest/exact-json.ts`).
 */
function money(dto: Dto, key: string, path: string): string | null | Unreadable {
  const value = dto[key];
  if (!isObject(value)) return decimalText(dto, key, path);
  // Money in another shape (`{units, nanos}`, `{amount}`, `{}`) is not an absent value: a null here
  // would read as "no balance" where Cudo sent one.
  if (value.value == null || value.value === "") {
    return unreadableValue(CUDO, path, `is ${objectShape(value)}, not a Decimal {value: "<string>"}`);
  }
  return decimalText(value, "value", `${path}.value`);
}

// `{units, nanos}`, `{}`: an object's first few member names, for an error message.
function objectShape(value: Dto): string {
  const names = Object.keys(value);
  const shown = names.slice(0, 3).map(name => name.slice(0, 20));
  return `{${shown.join(", ")}${names.length > 3 ? ", ..." : ""}}`;
}

/**
 * Timestamps: RFC 3339 strings (proto3 JSON's form of google.protobuf.Timestamp); absent → null.
 * Anything else, `{seconds, nanos}` included, is refused rather than guessed at.
 */
function timestamp(dto: Dto, key: string, path: string): Date | null | Unreadable {
  const value = dto[key];
  if (value == null || value === "") return null;
  if (typeof value !== "string") return bad(path, value, "an RFC 3339 timestamp string");
  return parseIsoTimestamp(value) ?? unreadableValue(CUDO, path, "is not an RFC 3339 timestamp");
}

/** A nested message: absent → undefined; not an object → {@link Unreadable}. */
function message(dto: Dto, key: string, path: string): Dto | undefined | Unreadable {
  const value = dto[key];
  if (value == null) return undefined;
  return isObject(value) ? value : bad(path, value, "an object");
}

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

/** Map a nested message with `build`; absent → null. */
function nested<T>(
  dto: Dto,
  key: string,
  path: string,
  build: (dto: Dto, path: string) => T,
): T | null | Unreadable {
  const value = message(dto, key, path);
  if (value === undefined) return null;
  return value instanceof Unreadable ? value : build(value, path);
}

function toAddress(dto: Dto, path: string): CudoBillingAddress {
  const fields: MappedFields<CudoBillingAddress> = {};
  for (const key of ADDRESS_KEYS) fields[key] = text(dto, key, `${path}.${key}`);
  return assignFields(new CudoBillingAddress(), fields);
}

function toTaxId(dto: Dto, path: string): CudoTaxId {
  return assignFields(new CudoTaxId(), {
    id: text(dto, "id", `${path}.id`),
    type: text(dto, "type", `${path}.type`),
    value: text(dto, "value", `${path}.value`),
  });
}

function toCharge(dto: Dto, path: string): CudoCharge {
  return assignFields(new CudoCharge(), {
    amount: money(dto, "amount", `${path}.amount`),
    createTime: timestamp(dto, "createTime", `${path}.createTime`),
    paid: flag(dto, "paid", `${path}.paid`),
    refunded: flag(dto, "refunded", `${path}.refunded`),
    status: text(dto, "status", `${path}.status`),
    failureCode: text(dto, "failureCode", `${path}.failureCode`),
  });
}

function toPaymentError(dto: Dto, path: string): CudoPaymentError {
  return assignFields(new CudoPaymentError(), {
    code: text(dto, "code", `${path}.code`),
    declineCode: text(dto, "declineCode", `${path}.declineCode`),
  });
}

function toTransaction(dto: Dto, path: string): CudoTransaction {
  return assignFields(new CudoTransaction(), {
    id: text(dto, "id", `${path}.id`),
    amount: money(dto, "amount", `${path}.amount`),
    description: text(dto, "description", `${path}.description`),
    createTime: timestamp(dto, "createTime", `${path}.createTime`),
    status: text(dto, "status", `${path}.status`),
    succeeded: flag(dto, "succeeded", `${path}.succeeded`),
    latestCharge: nested(dto, "latestCharge", `${path}.latestCharge`, toCharge),
    lastPaymentError: nested(dto, "lastPaymentError", `${path}.lastPaymentError`, toPaymentError),
  });
}

function toRecharge(dto: Dto, path: string): CudoCreditBalanceRecharge {
  return assignFields(new CudoCreditBalanceRecharge(), {
    autoRecharge: flag(dto, "autoRecharge", `${path}.autoRecharge`),
    low: money(dto, "low", `${path}.low`),
    high: money(dto, "high", `${path}.high`),
    transaction: nested(dto, "transaction", `${path}.transaction`, toTransaction),
  });
}

/**
 * A Cudo `BillingAccount` (proto3 JSON) → `CudoBillingAccount`. Omitted fields read as null
 * (booleans as false, enums as UNSPECIFIED: the proto defaults); money becomes canonical decimal
 * strings and timestamps Dates (microseconds truncated to milliseconds). A value present but not
 * readable exactly errors at its field (see {@link Unreadable}). A body without the account's own
 * `id` (a 200 `{}`) is not a billing account: the whole answer is unreadable.
 */
export function toCudoBillingAccount(dto: CudoBillingAccountDto | undefined): CudoBillingAccount {
  if (!isObject(dto)) throw unreadable("no billing account object");
  const id = dto.id;
  if (typeof id !== "string" || !id) throw unreadable("no billing account id");
  return assignFields(new CudoBillingAccount(), {
    provider: CUDO.id,
    id,
    displayName: text(dto, "displayName", "displayName"),
    state: enumValue(dto.state, "STATE_", CudoBillingAccountState, UNSPECIFIED_STATE),
    paymentTerms: enumValue(dto.paymentTerms, "PAYMENT_TERMS_", CudoPaymentTerms, NO_TERMS),
    billingAddress: nested(dto, "billingAddress", "billingAddress", toAddress),
    taxId: nested(dto, "taxId", "taxId", toTaxId),
    stripeRef: text(dto, "stripeRef", "stripeRef"),
    createBy: text(dto, "createBy", "createBy"),
    creditBalance: money(dto, "creditBalance", "creditBalance"),
    billingThreshold: money(dto, "billingThreshold", "billingThreshold"),
    monthlySpend: money(dto, "monthlySpend", "monthlySpend"),
    monthlySpendLimit: money(dto, "monthlySpendLimit", "monthlySpendLimit"),
    hourlySpendLimit: money(dto, "hourlySpendLimit", "hourlySpendLimit"),
    hourlySpendRate: money(dto, "hourlySpendRate", "hourlySpendRate"),
    nextInvoiceTotal: money(dto, "nextInvoiceTotal", "nextInvoiceTotal"),
    creditBalanceRecharge: nested(dto, "creditBalanceRecharge", "creditBalanceRecharge", toRecharge),
    createTime: timestamp(dto, "createTime", "createTime"),
    invoiceTime: timestamp(dto, "invoiceTime", "invoiceTime"),
    deleteTime: timestamp(dto, "deleteTime", "deleteTime"),
    purgeTime: timestamp(dto, "purgeTime", "purgeTime"),
  });
}

/**
 * {@link toCudoBillingAccount} for an answer about one billing account (`GET` or `PATCH
 * /v1/billing-accounts/{id}`): an answer about another account is an error, never served as the
 * one asked for (behind a gateway it would resolve the wrong entity).
 */
export function toRequestedBillingAccount(dto: CudoBillingAccountDto | undefined, requestedId: string): CudoBillingAccount {
  const account = toCudoBillingAccount(dto);
  if (account.id !== requestedId) throw unreadable(`billing account ${account.id.slice(0, 100)} in the answer for ${requestedId.slice(0, 100)}`);
  return account;
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
