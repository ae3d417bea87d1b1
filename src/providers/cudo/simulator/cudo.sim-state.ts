/**
 * Demo data and in-memory state of the Cudo Compute simulator (see `cudo.simulator.ts` for the
 * HTTP side). Accounts are kept in their proto3 JSON wire form, so what a test seeds is what the
 * simulator answers (minus empty fields, which the serializer drops).
 */

import { type CudoBillingAccountDto } from "../cudo.dto.js";

/**
 * A billing account as the simulator stores and serves it: Cudo's wire shape (`cudo.dto.ts`, the
 * same types the client reads), with the id always present and the documented enum values spelled
 * out so seeds cannot invent new ones.
 */
export interface CudoSimBillingAccount extends CudoBillingAccountDto {
  id: string;
  state?:
    | "STATE_UNSPECIFIED"
    | "STATE_ACTIVE"
    | "STATE_SUSPENDED_ABUSE"
    | "STATE_SUSPENDED_PAYMENT"
    | "STATE_DELETED";
  paymentTerms?: "PAYMENT_TERMS_UNSPECIFIED" | "PAYMENT_TERMS_PREPAID" | "PAYMENT_TERMS_INVOICE";
}

/**
 * What an API key may do on one billing account. [I] Cudo keys inherit their user's account
 * roles; the simulator models only "admin" (read + update) and "viewer" (read only).
 */
export type CudoSimRole = "admin" | "viewer";

/** A demo API key: a stable id (used in page tokens, never the secret) and its account roles. */
export interface CudoSimKey {
  keyId: string;
  roles: Map<string, CudoSimRole>;
}

/** Billing account ids seeded in every Cudo simulator. */
export const CUDO_DEMO_ACCOUNTS = {
  /** Owned (admin) by `owner`, readable by `viewer`; every documented field populated. */
  main: "ba-demo-main",
  /** Owned by `two`; sparse (display name, create time, state, payment terms, monthly spend). */
  teamA: "ba-demo-team-a",
  /** Owned by `two`; only id and create time (everything else omitted, state unspecified). */
  teamB: "ba-demo-team-b",
  /** Owned by `many`; sparse, active. */
  manyOne: "ba-demo-many-1",
  /** Owned by `many`; sparse, active. */
  manyTwo: "ba-demo-many-2",
  /** Owned by `many`; sparse, active. */
  manyThree: "ba-demo-many-3",
  /** Owned by `many`; `STATE_SUSPENDED_PAYMENT`, still updatable. */
  suspended: "ba-demo-many-suspended",
  /** Owned by `many`; `STATE_DELETED` with deleteTime/purgeTime; PATCH answers 409. */
  deleted: "ba-demo-many-deleted",
  /** Owned by no demo key: every demo key gets 403 on it. */
  foreign: "ba-demo-foreign",
} as const;

/** Demo keys seeded in every Cudo simulator; the server uses `owner` in simulated mode. */
export const CUDO_DEMO_KEYS = {
  /** Admin of exactly one account (`CUDO_DEMO_ACCOUNTS.main`): reads, lists and updates it. */
  owner: "cudo_demo_owner_k7f3a9c2e1",
  /** Valid key with no account at all: lists nothing, 403 on every existing account. */
  none: "cudo_demo_none_k0b4d8e6a2",
  /** Admin of two sparse accounts (`teamA`, `teamB`): one full page at the default size. */
  two: "cudo_demo_two_k5c1e7f9b3",
  /** Admin of five accounts (three active, one suspended, one deleted): three default pages. */
  many: "cudo_demo_many_k2a6f0d4c8",
  /** Viewer of `main` only: reads and lists it, PATCH answers 403. */
  viewer: "cudo_demo_viewer_k9e3b5a1d7",
} as const;

/** Error body shapes the simulator can answer with (see `cudoErrorBody`). */
export type CudoErrorShape = "aip193" | "status";

/** Canonical error codes the simulator answers with. */
export type CudoCanonicalCode =
  | "INVALID_ARGUMENT"
  | "UNAUTHENTICATED"
  | "PERMISSION_DENIED"
  | "NOT_FOUND"
  | "FAILED_PRECONDITION"
  | "RESOURCE_EXHAUSTED"
  | "UNIMPLEMENTED"
  | "INTERNAL"
  | "UNAVAILABLE";

/** gRPC numeric code of each canonical code (what grpc-gateway's `Status.code` carries). */
export const CUDO_GRPC_CODES: Record<CudoCanonicalCode, number> = {
  INVALID_ARGUMENT: 3,
  NOT_FOUND: 5,
  PERMISSION_DENIED: 7,
  RESOURCE_EXHAUSTED: 8,
  FAILED_PRECONDITION: 9,
  UNIMPLEMENTED: 12,
  INTERNAL: 13,
  UNAVAILABLE: 14,
  UNAUTHENTICATED: 16,
};

/** One `google.rpc.*` detail as it appears in `details[]` (typed by `@type`). */
export type CudoErrorDetail = { "@type": string } & Record<string, unknown>;

/**
 * An error body in either documented shape: `aip193` (docs "Errors" page) is
 * `{code: <HTTP status>, status: <canonical>, message, details}`; `status` (OpenAPI `Status`,
 * grpc-gateway's default) is `{code: <gRPC code>, message, details}`. Tests use it with
 * `control.failNext` to inject faults in the shape the simulator is set to.
 */
export function cudoErrorBody(
  shape: CudoErrorShape,
  httpStatus: number,
  canonical: CudoCanonicalCode,
  message: string,
  details: CudoErrorDetail[] = [],
) {
  return shape === "aip193"
    ? { code: httpStatus, status: canonical, message, details }
    : { code: CUDO_GRPC_CODES[canonical], message, details };
}

/** Fixed-window rate limit per API key (off unless set). */
export interface CudoRateLimit {
  limit: number;
  windowMs: number;
}

/** In-memory Cudo state: accounts by id (in listing order) and keys by plaintext secret. */
export class CudoSimState {
  readonly accounts = new Map<string, CudoSimBillingAccount>();
  readonly keys = new Map<string, CudoSimKey>();
  /** Body shape of every error the simulator answers; `aip193` by default. */
  errorShape: CudoErrorShape = "aip193";
  /** When set, each key may make `limit` requests per `windowMs`; the next ones get 429. */
  rateLimit: CudoRateLimit | undefined = undefined;
  /** The clock of the rate-limit windows (tests move it instead of sleeping). */
  now: () => number = Date.now;
  /** [I] Page size when `pageSize` is absent or 0: small so that clients must follow tokens. */
  defaultPageSize = 2;
  /** [I] Larger `pageSize` values are clamped to this (AIP-158 style). */
  maxPageSize = 100;
  /** @internal request counts per key for the current rate-limit window */
  readonly rateWindows = new Map<string, { start: number; count: number }>();
  private taxIdCounter = 0;

  constructor() {
    this.seed();
  }

  /** Restore the demo keys and accounts, the aip193 error shape and no rate limit. */
  seed(): void {
    this.accounts.clear();
    this.keys.clear();
    this.rateWindows.clear();
    this.errorShape = "aip193";
    this.rateLimit = undefined;
    this.defaultPageSize = 2;
    this.maxPageSize = 100;
    this.taxIdCounter = 0;
    for (const account of demoAccounts()) this.accounts.set(account.id, account);

    const a = CUDO_DEMO_ACCOUNTS;
    const k = CUDO_DEMO_KEYS;
    const admin = (...ids: string[]) => new Map(ids.map(id => [id, "admin" as const]));
    this.keys.set(k.owner, { keyId: "key-demo-owner", roles: admin(a.main) });
    this.keys.set(k.none, { keyId: "key-demo-none", roles: new Map() });
    this.keys.set(k.two, { keyId: "key-demo-two", roles: admin(a.teamA, a.teamB) });
    this.keys.set(k.many, {
      keyId: "key-demo-many",
      roles: admin(a.manyOne, a.manyTwo, a.manyThree, a.suspended, a.deleted),
    });
    this.keys.set(k.viewer, { keyId: "key-demo-viewer", roles: new Map([[a.main, "viewer"]]) });
  }

  /** A fresh server-assigned tax id id (Stripe-like), for a taxId whose type or value changed. */
  nextTaxIdId(): string {
    this.taxIdCounter += 1;
    return `txi_sim_${String(this.taxIdCounter).padStart(6, "0")}`;
  }
}

function demoAccounts(): CudoSimBillingAccount[] {
  const a = CUDO_DEMO_ACCOUNTS;
  return [
    // Every documented field is set (booleans true, since proto3 JSON omits false) so that
    // mappers see each one; no single real account would carry all of them at once.
    {
      id: a.main,
      displayName: "Demo Main Billing",
      createTime: "2024-03-01T10:20:30.123456Z",
      createBy: "owner@demo.cudo.example",
      stripeRef: "cus_DemoMain4f9c2a",
      monthlySpend: "1234.567891",
      hourlySpendRate: { value: "0.000001" },
      taxId: { id: "txi_demo_main01", type: "eu_vat", value: "SE556677889901" },
      invoiceTime: "2026-06-01T00:00:00Z",
      billingThreshold: { value: "2.5e8" },
      monthlySpendLimit: { value: "12345678901234567890.123456789" },
      hourlySpendLimit: { value: "1234.567891" },
      nextInvoiceTotal: { value: "987.65" },
      creditBalance: { value: "-12.5" },
      creditBalanceRecharge: {
        low: { value: "50" },
        high: { value: "250.00" },
        autoRecharge: true,
        transaction: {
          id: "txn_demo_recharge_01",
          amount: { value: "200.00" },
          description: "Automatic credit recharge",
          createTime: "2026-05-02T08:15:00.654321Z",
          status: "succeeded",
          succeeded: true,
          latestCharge: {
            amount: { value: "200.00" },
            createTime: "2026-05-02T08:15:01.000001Z",
            paid: true,
            refunded: true,
            status: "succeeded",
            failureCode: "card_declined",
          },
          lastPaymentError: { code: "card_declined", declineCode: "insufficient_funds" },
        },
      },
      billingAddress: {
        name: "Demo Compute AB",
        phone: "+46 8 123 456 78",
        city: "Stockholm",
        line1: "Drottninggatan 1",
        line2: "Floor 4",
        state: "Stockholms län",
        postalCode: "111 51",
        country: "SE",
      },
      state: "STATE_ACTIVE",
      paymentTerms: "PAYMENT_TERMS_PREPAID",
    },
    {
      id: a.teamA,
      displayName: "Team A",
      createTime: "2025-01-15T08:00:00Z",
      monthlySpend: "0",
      state: "STATE_ACTIVE",
      paymentTerms: "PAYMENT_TERMS_INVOICE",
    },
    { id: a.teamB, createTime: "2025-02-01T12:00:00.5Z" },
    { id: a.manyOne, displayName: "Many 1", state: "STATE_ACTIVE", creditBalance: { value: "10" } },
    { id: a.manyTwo, displayName: "Many 2", state: "STATE_ACTIVE" },
    { id: a.manyThree, displayName: "Many 3", state: "STATE_ACTIVE" },
    {
      id: a.suspended,
      displayName: "Many Suspended",
      state: "STATE_SUSPENDED_PAYMENT",
      creditBalance: { value: "-0.01" },
    },
    {
      id: a.deleted,
      displayName: "Many Deleted",
      state: "STATE_DELETED",
      createTime: "2023-07-01T00:00:00Z",
      deleteTime: "2026-04-01T09:30:00.000123Z",
      purgeTime: "2026-05-01T09:30:00.000123Z",
    },
    { id: a.foreign, displayName: "Someone Else", state: "STATE_ACTIVE" },
  ];
}
