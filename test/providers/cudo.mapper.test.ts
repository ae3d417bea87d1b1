import { describe, expect, it } from "@jest/globals";
import { CudoBillingAccount } from "../../src/providers/cudo/schema/cudo-billing-account.type.js";
import { CudoBillingAddress } from "../../src/providers/cudo/schema/cudo-billing-address.type.js";
import { CudoCharge } from "../../src/providers/cudo/schema/cudo-charge.type.js";
import {
  CudoCreditBalanceRecharge,
} from "../../src/providers/cudo/schema/cudo-credit-balance-recharge.type.js";
import { CudoTransaction } from "../../src/providers/cudo/schema/cudo-transaction.type.js";
import { isCountryCode } from "../../src/providers/cudo/schema/cudo.validators.js";
import {
  type UpdateBillingAccountInput,
} from "../../src/providers/cudo/schema/update-billing-account.input.js";
import { type CudoBillingAccountDto } from "../../src/providers/cudo/cudo.dto.js";
import { toInputFieldError } from "../../src/providers/cudo/cudo.field-paths.js";
import { toCudoBillingAccount, toCudoUpdateBody } from "../../src/providers/cudo/cudo.mapper.js";
import { durationSeconds, parseCudoProblem } from "../../src/providers/cudo/cudo.problem.js";
import { type RestCall } from "../../src/rest/rest-client.js";
import { parseJsonExact } from "../../src/rest/exact-json.js";

const input = (fields: Partial<UpdateBillingAccountInput>) =>
  ({ id: "ba-1", ...fields }) as UpdateBillingAccountInput;

describe("toCudoBillingAccount", () => {
  it("builds class instances with canonical decimals and Dates", () => {
    const account = toCudoBillingAccount({
      id: "ba-1",
      state: "STATE_SUSPENDED_ABUSE",
      paymentTerms: "PAYMENT_TERMS_PREPAID",
      billingThreshold: { value: "2.5e8" },
      monthlySpend: "1234.567891",
      creditBalance: { value: "-12.5" },
      createTime: "2024-03-01T10:20:30.123456Z",
      billingAddress: { city: "Stockholm" },
      creditBalanceRecharge: {
        low: { value: "50" },
        transaction: { amount: { value: "1e2" }, latestCharge: { paid: true } },
      },
    });
    expect(account).toBeInstanceOf(CudoBillingAccount);
    expect(account.billingAddress).toBeInstanceOf(CudoBillingAddress);
    expect(account.creditBalanceRecharge).toBeInstanceOf(CudoCreditBalanceRecharge);
    expect(account.creditBalanceRecharge?.transaction).toBeInstanceOf(CudoTransaction);
    expect(account.creditBalanceRecharge?.transaction?.latestCharge).toBeInstanceOf(CudoCharge);
    expect(account).toMatchObject({
      provider: "CUDO",
      state: "SUSPENDED_ABUSE",
      paymentTerms: "PREPAID",
      billingThreshold: "250000000",
      monthlySpend: "1234.567891",
      creditBalance: "-12.5",
    });
    expect(account.createTime).toEqual(new Date("2024-03-01T10:20:30.123Z"));
    expect(account.creditBalanceRecharge?.transaction).toMatchObject({
      amount: "100",
      succeeded: false,
      lastPaymentError: null,
    });
    expect(account.creditBalanceRecharge?.transaction?.latestCharge).toMatchObject({
      paid: true,
      refunded: false,
      amount: null,
    });
  });

  it("reads omitted fields as null, booleans as false, enums as UNSPECIFIED", () => {
    const account = toCudoBillingAccount({ id: "ba-1" });
    expect({ ...account }).toEqual({
      provider: "CUDO",
      id: "ba-1",
      displayName: null,
      state: "UNSPECIFIED",
      paymentTerms: "UNSPECIFIED",
      billingAddress: null,
      taxId: null,
      stripeRef: null,
      createBy: null,
      creditBalance: null,
      billingThreshold: null,
      monthlySpend: null,
      monthlySpendLimit: null,
      hourlySpendLimit: null,
      hourlySpendRate: null,
      nextInvoiceTotal: null,
      creditBalanceRecharge: null,
      createTime: null,
      invoiceTime: null,
      deleteTime: null,
      purgeTime: null,
    });
    const empty = toCudoBillingAccount({ id: "ba-1", creditBalanceRecharge: {} });
    expect(empty.creditBalanceRecharge).toEqual(
      expect.objectContaining({ autoRecharge: false, low: null, high: null, transaction: null }),
    );
  });

  it.each([
    ["2.5e8", "250000000"],
    ["2.5E-3", "0.0025"],
    ["-12.5", "-12.5"],
    ["+.5", "0.5"],
    ["-0", "0"],
    ["250.00", "250.00"],
    ["12345678901234567890.123456789", "12345678901234567890.123456789"],
    ["0.000000000000000000000000001", "0.000000000000000000000000001"],
  ])("turns the Decimal %j into %j", (value, expected) => {
    const account = toCudoBillingAccount({ id: "x", creditBalance: { value } });
    expect(account.creditBalance).toBe(expected);
    expect(toCudoBillingAccount({ id: "x", monthlySpend: value }).monthlySpend).toBe(expected);
  });

  it("makes a Decimal without a value, or a malformed one, an error at its field (absent money is null)", () => {
    const dto = {
      id: "x",
      creditBalance: {},
      billingThreshold: { value: "" },
      hourlySpendLimit: { units: "12", nanos: 500000000 },
      nextInvoiceTotal: { value: "1,5" },
    };
    const account = toCudoBillingAccount(dto as CudoBillingAccountDto);
    expect(() => account.creditBalance).toThrow(/creditBalance is \{\}, not a Decimal/);
    expect(() => account.billingThreshold).toThrow(/billingThreshold is \{value\}, not a Decimal/);
    expect(() => account.hourlySpendLimit).toThrow(/hourlySpendLimit is \{units, nanos\}, not a Decimal/);
    expect(() => account.nextInvoiceTotal).toThrow(/unreadable response \(nextInvoiceTotal.value is not a decimal number\)/);
    expect(account.monthlySpendLimit).toBeNull();
  });

  it("reads money sent as JSON numbers from their own digits", () => {
    const dto = parseJsonExact(
      '{"id":"x","creditBalance":{"value":12.50},"monthlySpend":1e3,"billingThreshold":{"value":12345678901234567890.123456789}}',
    ) as CudoBillingAccountDto;
    const account = toCudoBillingAccount(dto);
    expect(account.creditBalance).toBe("12.50");
    expect(account.monthlySpend).toBe("1000");
    expect(account.billingThreshold).toBe("12345678901234567890.123456789");
  });

  it("makes values it cannot read exactly errors at their fields, never nulls", () => {
    const account = toCudoBillingAccount({
      id: "x",
      displayName: "ok",
      createTime: { seconds: "1700000000", nanos: 0 },
      creditBalance: { value: true },
      billingAddress: "Main street",
      taxId: { value: { nested: 1 } },
    } as unknown as CudoBillingAccountDto);
    expect(account.displayName).toBe("ok");
    expect(() => account.createTime).toThrow(/createTime is an object, not an RFC 3339 timestamp string/);
    expect(() => account.creditBalance).toThrow(/creditBalance.value is a boolean, not a decimal/);
    expect(() => account.billingAddress).toThrow(/billingAddress is a string, not an object/);
    expect(() => account.taxId!.value).toThrow(/taxId.value is an object, not text/);
  });

  it("maps unknown, unprefixed and prototype-named enum values to UNSPECIFIED", () => {
    for (const state of ["STATE_FROZEN", "ACTIVE", "STATE_toString", "STATE_constructor"]) {
      expect(toCudoBillingAccount({ id: "x", state }).state).toBe("UNSPECIFIED");
    }
    const terms = toCudoBillingAccount({ id: "x", paymentTerms: "PAYMENT_TERMS_NET30" });
    expect(terms.paymentTerms).toBe("UNSPECIFIED");
  });

  it("makes an impossible timestamp an error at its field", () => {
    const account = toCudoBillingAccount({ id: "x", invoiceTime: "2026-02-30T00:00:00Z" });
    expect(() => account.invoiceTime).toThrow(/invoiceTime is not an RFC 3339 timestamp/);
  });

  it("refuses a body without its own id (a 200 {} is not an account)", () => {
    expect(() => toCudoBillingAccount({})).toThrow(/unreadable response \(no billing account id\)/);
    expect(() => toCudoBillingAccount({ displayName: "n" })).toThrow(/unreadable response/);
    expect(() => toCudoBillingAccount(undefined)).toThrow(/unreadable response/);
  });
});

describe("toCudoUpdateBody", () => {
  it("orders the mask displayName, billingAddress, taxId, creditBalanceRecharge", () => {
    const body = toCudoUpdateBody(
      input({
        creditBalanceRecharge: { autoRecharge: false, low: "1", high: "250000000" },
        taxId: { type: " eu_vat ", value: " SE1 " },
        billingAddress: { city: " Oslo ", country: " no ", line2: "  ", phone: null },
        displayName: " Name ",
      }),
    );
    expect(body).toEqual({
      updateMask: "displayName,billingAddress,taxId,creditBalanceRecharge",
      billingAccount: {
        displayName: "Name",
        billingAddress: { city: "Oslo", country: "NO" },
        taxId: { type: "eu_vat", value: "SE1" },
        creditBalanceRecharge: {
          autoRecharge: false,
          low: { value: "1" },
          high: { value: "250000000" },
        },
      },
    });
  });

  it("masks a field given as null without a value, which clears it", () => {
    const body = toCudoUpdateBody(input({ creditBalanceRecharge: null, taxId: null }));
    expect(body).toEqual({ updateMask: "taxId,creditBalanceRecharge", billingAccount: {} });
  });

  it("leaves fields that were not given out of mask and body", () => {
    expect(toCudoUpdateBody(input({ billingAddress: { country: "   " } }))).toEqual({
      updateMask: "billingAddress",
      billingAccount: { billingAddress: {} },
    });
  });
});

describe("toInputFieldError", () => {
  it.each([
    ["billing_account.credit_balance_recharge.low", "input.creditBalanceRecharge.low", "d"],
    [
      "billing_account.credit_balance_recharge.auto_recharge",
      "input.creditBalanceRecharge.autoRecharge",
      "d",
    ],
    ["billing_account.billing_address.postal_code", "input.billingAddress.postalCode", "d"],
    ["billingAccount.billingAddress.country", "input.billingAddress.country", "d"],
    ["billing_account.display_name", "input.displayName", "d"],
    ["billing_account.tax_id", "input.taxId", "d"],
    ["billing_account", "input", "d"],
    ["update_mask", "input", "d"],
    ["updateMask", "input", "d"],
    ["billing_account.stripe_ref", "input", "billing_account.stripe_ref: d"],
    ["billing_account.tax_id.id", "input.taxId", "billing_account.tax_id.id: d"],
    ["page_token", "input", "page_token: d"],
  ])("maps %s to %s", (path, field, message) => {
    expect(toInputFieldError(path, "d")).toEqual({ field, message });
  });

  it("gives a violation without a description a message", () => {
    expect(toInputFieldError("billing_account.display_name", " ")).toEqual({
      field: "input.displayName",
      message: "is invalid",
    });
  });
});

describe("parseCudoProblem", () => {
  const patch: RestCall = { method: "PATCH", path: "/v1/billing-accounts/x", read: false };
  const get: RestCall = { method: "GET", path: "/v1/billing-accounts", read: true };
  const badRequest = {
    "@type": "type.googleapis.com/google.rpc.BadRequest",
    fieldViolations: [
      { field: "billing_account.credit_balance_recharge.high", description: "Too big." },
    ],
  };

  it("reads the AIP-193 shape: status name, violations, RetryInfo, RequestInfo, ErrorInfo", () => {
    const problem = parseCudoProblem(
      {
        code: 400,
        status: "INVALID_ARGUMENT",
        message: "Invalid fields in request.",
        details: [
          badRequest,
          {
            "@type": "type.googleapis.com/google.rpc.ErrorInfo",
            reason: "BAD_DECIMAL",
            domain: "compute.cudo.dev",
          },
          { "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay: "2.2s" },
          { "@type": "type.googleapis.com/google.rpc.RequestInfo", requestId: "rq-9" },
        ],
      },
      patch,
    );
    expect(problem).toEqual({
      message: "Invalid fields in request. (BAD_DECIMAL)",
      providerCode: "INVALID_ARGUMENT",
      requestId: "rq-9",
      fieldErrors: [{ field: "input.creditBalanceRecharge.high", message: "Too big." }],
      retryAfterSeconds: 3,
    });
  });

  it.each([
    [3, "INVALID_ARGUMENT"],
    [5, "NOT_FOUND"],
    [7, "PERMISSION_DENIED"],
    [8, "RESOURCE_EXHAUSTED"],
    [9, "FAILED_PRECONDITION"],
    [16, "UNAUTHENTICATED"],
    [404, "NOT_FOUND"],
    [429, "RESOURCE_EXHAUSTED"],
    [418, undefined],
    [99, undefined],
  ])("names the numeric code %d without a status as %s", (code, name) => {
    expect(parseCudoProblem({ code, message: "m", details: [] }, get).providerCode).toBe(name);
  });

  it("puts a read's violations into the message, not into input paths", () => {
    const problem = parseCudoProblem({ code: 3, message: "Invalid.", details: [badRequest] }, get);
    expect(problem.fieldErrors).toEqual([]);
    expect(problem.message).toBe(
      "Invalid. [billing_account.credit_balance_recharge.high: Too big.]",
    );
  });

  it("leaves everything undefined for a body that is not a Cudo status", () => {
    for (const body of ["<html>502</html>", undefined, null, [1, 2], { details: "nope" }]) {
      expect(parseCudoProblem(body, get)).toEqual({
        message: undefined,
        providerCode: undefined,
        requestId: undefined,
        fieldErrors: [],
        retryAfterSeconds: undefined,
      });
    }
    expect(parseCudoProblem({ error: "old gateway", code: 14 }, get)).toMatchObject({
      message: "old gateway",
      providerCode: "UNAVAILABLE",
    });
  });

  it.each([
    ["30s", 30],
    ["1.5s", 2],
    ["0.000000001s", 1],
    ["0s", 0],
    ["30", undefined],
    ["-1s", undefined],
    [30, undefined],
  ])("reads the retry delay %j as %s seconds", (value, seconds) => {
    expect(durationSeconds(value)).toBe(seconds);
  });
});

describe("isCountryCode", () => {
  it.each(["SE", "US", "DE", "GB", "AQ", "XK", "CW", "SS"])("accepts %s", code => {
    expect(isCountryCode(code)).toBe(true);
  });

  const refused = ["XX", "ZZ", "AA", "QO", "EU", "UN", "EZ", "UK", "SU", "YU", "AN", "AC", "TA"];
  it.each([...refused, "se", "S1", "SWE", ""])("refuses %j", code => {
    expect(isCountryCode(code)).toBe(false);
  });
});
