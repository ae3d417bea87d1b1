/**
 * Wire shapes of Cudo Compute's billing-account endpoints, exactly as Cudo sends them: proto3 JSON
 * (camelCase), where empty values ("", false, 0, `*_UNSPECIFIED`, empty messages) are omitted, so
 * every field is optional.
 */

/**
 * google.type.Decimal: `{ "value": "<decimal string>" }`, e.g. `{ "value": "2.5e8" }`. Some
 * answers carry a JSON number instead; its digits are kept by the REST client (`exactNumbers`).
 */
export interface CudoDecimalDto {
  value?: string | number;
}

/** `BillingAccount.billingAddress`. */
export interface CudoBillingAddressDto {
  name?: string;
  phone?: string;
  city?: string;
  line1?: string;
  line2?: string;
  state?: string;
  postalCode?: string;
  country?: string;
}

/** `BillingAccount.taxId` (`id` is read-only, assigned by Cudo). */
export interface CudoTaxIdDto {
  id?: string;
  type?: string;
  value?: string;
}

/** `Transaction.latestCharge`. */
export interface CudoChargeDto {
  amount?: CudoDecimalDto;
  createTime?: string;
  paid?: boolean;
  refunded?: boolean;
  status?: string;
  failureCode?: string;
}

/** `Transaction.lastPaymentError`. */
export interface CudoPaymentErrorDto {
  code?: string;
  declineCode?: string;
}

/** `CreditBalanceRecharge.transaction` (read-only). */
export interface CudoTransactionDto {
  id?: string;
  amount?: CudoDecimalDto;
  description?: string;
  createTime?: string;
  status?: string;
  succeeded?: boolean;
  latestCharge?: CudoChargeDto;
  lastPaymentError?: CudoPaymentErrorDto;
}

/** `BillingAccount.creditBalanceRecharge`. */
export interface CudoCreditBalanceRechargeDto {
  low?: CudoDecimalDto;
  high?: CudoDecimalDto;
  autoRecharge?: boolean;
  transaction?: CudoTransactionDto;
}

/** `BillingAccount` (newest OpenAPI spec). */
export interface CudoBillingAccountDto {
  id?: string;
  displayName?: string;
  createTime?: string;
  createBy?: string;
  stripeRef?: string;
  /** A plain decimal string, unlike the other money fields. */
  monthlySpend?: string;
  hourlySpendRate?: CudoDecimalDto;
  taxId?: CudoTaxIdDto;
  invoiceTime?: string;
  billingThreshold?: CudoDecimalDto;
  monthlySpendLimit?: CudoDecimalDto;
  hourlySpendLimit?: CudoDecimalDto;
  nextInvoiceTotal?: CudoDecimalDto;
  creditBalance?: CudoDecimalDto;
  creditBalanceRecharge?: CudoCreditBalanceRechargeDto;
  billingAddress?: CudoBillingAddressDto;
  /** `STATE_UNSPECIFIED`, `STATE_ACTIVE`, `STATE_SUSPENDED_ABUSE`, `STATE_SUSPENDED_PAYMENT`,
   * `STATE_DELETED`. */
  state?: string;
  /** `PAYMENT_TERMS_UNSPECIFIED`, `PAYMENT_TERMS_PREPAID`, `PAYMENT_TERMS_INVOICE`. */
  paymentTerms?: string;
  deleteTime?: string;
  purgeTime?: string;
}

/** `GET /v1/billing-accounts` response; `pageToken` is the next page's token, empty on the last. */
export interface CudoListBillingAccountsResponse {
  billingAccounts?: CudoBillingAccountDto[];
  pageToken?: string;
  pageSize?: number;
}

/** The writable part of a `BillingAccount` in a PATCH body. */
export interface CudoBillingAccountPatchDto {
  displayName?: string;
  billingAddress?: CudoBillingAddressDto;
  taxId?: Pick<CudoTaxIdDto, "type" | "value">;
  creditBalanceRecharge?: {
    low: { value: string };
    high: { value: string };
    autoRecharge: boolean;
  };
}

/**
 * `PATCH /v1/billing-accounts/{id}` body: `updateMask` is a FieldMask in proto3 JSON form
 * (comma-separated lowerCamelCase paths relative to `billingAccount`).
 */
export interface CudoUpdateBillingAccountBody {
  billingAccount: CudoBillingAccountPatchDto;
  updateMask: string;
}

/** One `google.rpc.*` detail of an error body, typed by `@type`. */
export interface CudoErrorDetailDto {
  "@type"?: string;
  /** google.rpc.BadRequest */
  fieldViolations?: { field?: string; description?: string }[];
  /** google.rpc.ErrorInfo */
  reason?: string;
  domain?: string;
  metadata?: Record<string, string>;
  /** google.rpc.RetryInfo: a proto3 JSON Duration such as `"30s"` or `"1.5s"`. */
  retryDelay?: string;
  /** google.rpc.RequestInfo */
  requestId?: string;
}

/**
 * Cudo error body in either documented shape: AIP-193 `{code: <HTTP status>, status, message,
 * details}` or grpc-gateway's `Status` `{code: <gRPC code>, message, details}`.
 */
export interface CudoErrorDto {
  code?: number;
  status?: string;
  message?: string;
  details?: CudoErrorDetailDto[];
}
