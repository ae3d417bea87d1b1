/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Lifecycle state of a Cudo billing account (upstream `STATE_*`, prefix removed). */
export type CudoBillingAccountState =
  /** In good standing: resources may run and be billed to it. */
  | 'ACTIVE'
  /** Deleted: see `deleteTime`; it can be undeleted until `purgeTime`, and cannot be updated. */
  | 'DELETED'
  /** Suspended by Cudo for abuse or a terms-of-service violation. */
  | 'SUSPENDED_ABUSE'
  /** Suspended for non-payment (e.g. a negative credit balance or an unpaid invoice); paying or recharging credit reactivates it. */
  | 'SUSPENDED_PAYMENT'
  /** Cudo sent no state (`STATE_UNSPECIFIED` or omitted), or a state this API does not know yet; treat it as unknown, not as active. */
  | 'UNSPECIFIED';

/** A billing address. It replaces the stored address as a whole: parts left out, null or blank are cleared. Values are trimmed. */
export type CudoBillingAddressInput = {
  /** City. At most 200 characters after trimming. */
  city?: string | null | undefined;
  /** ISO 3166-1 alpha-2 country code ("SE", "us"; sent upper-case). Reserved, deprecated and user-assigned codes ("ZZ", "EU", "UK", "XX") are refused; "XK" (Kosovo) is accepted. */
  country?: string | null | undefined;
  /** First line. At most 200 characters after trimming. */
  line1?: string | null | undefined;
  /** Second line. At most 200 characters after trimming. */
  line2?: string | null | undefined;
  /** Addressee. At most 200 characters after trimming. */
  name?: string | null | undefined;
  /** Contact phone. At most 50 characters after trimming. */
  phone?: string | null | undefined;
  /** Postal or ZIP code. At most 20 characters after trimming. */
  postalCode?: string | null | undefined;
  /** State, county or region. At most 200 characters after trimming. */
  state?: string | null | undefined;
};

/** Automatic credit recharge settings, set as a whole. Amounts are exact Decimals in the account currency (USD presumed) with 0 <= low <= high. */
export type CudoCreditBalanceRechargeInput = {
  /** Turn automatic recharge on or off. */
  autoRecharge: boolean;
  /** Credit balance a recharge tops the account up to; at least `low`. */
  high: string;
  /** Credit balance below which a recharge is triggered; at least 0. */
  low: string;
};

/** How a Cudo billing account pays (upstream `PAYMENT_TERMS_*`, prefix removed). */
export type CudoPaymentTerms =
  /** Usage is invoiced after the fact (see `invoiceTime`). */
  | 'INVOICE'
  /** Usage is paid from prepaid credit (`creditBalance`, optionally auto-recharged). */
  | 'PREPAID'
  /** Cudo sent no payment terms (omitted or `PAYMENT_TERMS_UNSPECIFIED`), or terms this API does not know yet. */
  | 'UNSPECIFIED';

/** A tax identification number; both parts are required and trimmed. */
export type CudoTaxIdInput = {
  /** Tax id type in Stripe's naming, e.g. "eu_vat", "gb_vat". Trimmed, then 1 to 50 characters. */
  type: string;
  /** The number, e.g. "SE556677889901". Trimmed, then 1 to 100 characters. */
  value: string;
};

/** Who bills the account's API usage. */
export type DiffioBillingPolicyType =
  /** Usage is billed to the customer through Stripe (upstream `customerStripe`, the default). */
  | 'CUSTOMER_STRIPE'
  /** Usage is absorbed internally by Diffio (upstream `internalDiffio`). */
  | 'INTERNAL_DIFFIO';

/** Billing preferences to store; give at least one. `peppol` needs `write:account`, `cardAutoCharge` and `separateInvoices` need `write:billing`. */
export type HostupBillingPatch = {
  /** Card auto-charge preference. */
  cardAutoCharge?: HostupCardAutoChargePatch | null | undefined;
  /** Peppol e-invoicing opt-out. */
  peppol?: HostupPeppolPatch | null | undefined;
  /** Separate or consolidated renewal invoices. */
  separateInvoices?: HostupSeparateInvoicesPatch | null | undefined;
};

/** Card auto-charge preference to store. Read `status` in the result: switching it on still needs a saved card before it is active. */
export type HostupCardAutoChargePatch = {
  /** True switches auto-charge on, false off. */
  configured: boolean;
};

/** Whether due invoices are actually charged to the saved card. Read it after changing `configured`: switching auto-charge on still needs a saved card before it is active. */
export type HostupCardAutoChargeStatus =
  /** Configured and a card is saved: due invoices are charged automatically (`active`). */
  | 'ACTIVE'
  /** Not configured: invoices are not charged automatically (`disabled`). */
  | 'DISABLED'
  /** Configured, but no card is saved, so nothing is charged until one is added (`needs_payment_method`). */
  | 'NEEDS_PAYMENT_METHOD'
  /** A status this API does not know yet (Hostup documents only `needs_payment_method`). Treat it as not active and use `enabled` for the effective state. */
  | 'UNKNOWN';

/** Invoice notification delivery: `overrideEnabled: false` returns to Hostup's defaults (every category), `true` plus `enabledEmails` stores an explicit allow-list. */
export type HostupDeliveryPatch = {
  /** The categories to deliver, only with `overrideEnabled: true`: any of `notify_billing`, `notify_support`, `notify_services`, `notify_domains`. Left out: the stored list is kept. */
  enabledEmails?: Array<string> | null | undefined;
  /** False: Hostup's default delivery. True: only the categories in `enabledEmails`. */
  overrideEnabled: boolean;
};

/** Language of Hostup's control panel and of the emails it sends. */
export type HostupLanguage =
  /** English (upstream `en`). */
  | 'EN'
  /** Swedish (upstream `sv`). */
  | 'SV';

/** Language and time zone to store; give at least one. */
export type HostupLocalizationPatch = {
  /** Control-panel and email language. */
  languageCode?: HostupLanguage | null | undefined;
  /** IANA time zone name, e.g. `Europe/Stockholm` (or `UTC`). */
  timezone?: string | null | undefined;
};

/** Notification preferences to store; give at least one. `emailEnabled` and `smsEnabled` need `write:account`, `delivery` needs `write:billing`. */
export type HostupNotificationsPatch = {
  /** Invoice notification delivery by category. */
  delivery?: HostupDeliveryPatch | null | undefined;
  /** General email notification preference. */
  emailEnabled?: boolean | null | undefined;
  /** General SMS notification preference. */
  smsEnabled?: boolean | null | undefined;
};

/** Peppol e-invoicing opt-out to store. */
export type HostupPeppolPatch = {
  /** True opts out of Peppol e-invoice delivery; false opts back in. */
  optedOut: boolean;
};

/** Login security preferences to store. */
export type HostupSecurityPatch = {
  /** True disables password login and requires BankID; Hostup may ask for a BankID verification first. */
  bankIdOnlyLogin?: boolean | null | undefined;
};

/** Invoice grouping to store. */
export type HostupSeparateInvoicesPatch = {
  /** True: a separate invoice per service or domain. False: one consolidated monthly renewal invoice. */
  enabled: boolean;
};

/** The Hostup preferences to change. Every part is optional but at least one is required; only the fields given are sent, the rest keep their values. Null is not accepted: leave a field out instead. */
export type PatchPreferencesInput = {
  /** Peppol e-invoicing and billing automation. */
  billing?: HostupBillingPatch | null | undefined;
  /** Dashboard and UI settings to merge, by category: `{"ui": {"theme": "dark"}}`. Each category is an object of string or boolean values; keys not given keep their values. At most 50 categories and 200 settings in all, names and keys up to 100 characters, string values up to 1000, and 32 KiB as JSON. */
  categories?: Record<string, unknown> | null | undefined;
  /** Language and time zone. */
  localization?: HostupLocalizationPatch | null | undefined;
  /** Notification channels and invoice email delivery. */
  notifications?: HostupNotificationsPatch | null | undefined;
  /** Login security. */
  security?: HostupSecurityPatch | null | undefined;
};

/** An upstream SaaS provider whose account settings this API exposes. */
export type Provider =
  /** Cudo Compute (rest.compute.cudo.org): billing accounts. */
  | 'CUDO'
  /** Depicta (api.depicta.ai): user profile and credit balance. */
  | 'DEPICTA'
  /** Diffio (api.diffio.ai): API account billing settings. */
  | 'DIFFIO'
  /** Hostup (cloud.hostup.se): control-panel account preferences. */
  | 'HOSTUP';

/** Fields to set on a Cudo billing account. Give at least one besides `id`; only the fields given are sent (they make up Cudo's `updateMask`), the others are left as they are. `billingAddress`, `taxId` and `creditBalanceRecharge` are replaced as a whole, and null clears them. */
export type UpdateBillingAccountInput = {
  /** New billing address (replaces the stored one); null clears it. */
  billingAddress?: CudoBillingAddressInput | null | undefined;
  /** New automatic recharge settings; null clears them (no auto recharge). */
  creditBalanceRecharge?: CudoCreditBalanceRechargeInput | null | undefined;
  /** New display name; it cannot be cleared (null). Trimmed, then 1 to 200 characters. */
  displayName?: string | null | undefined;
  /** The billing account to update. */
  id: string | number;
  /** New tax id (replaces the stored one); null clears it. */
  taxId?: CudoTaxIdInput | null | undefined;
};

/** The billing policy to store on the caller's Diffio account. */
export type UpdateBillingPolicyInput = {
  /** Optional reason stored with the update (audit log); blank means no reason. At most 500 characters after trimming. */
  reason?: string | null | undefined;
  /** The policy type to store. */
  type: DiffioBillingPolicyType;
};

/** The new display name of the caller's Depicta profile. */
export type UpdateProfileNameInput = {
  /** New display name. `null` clears the name. Required: leaving it out is an error rather than a silent clear. Trimmed, then 1 to 100 characters. */
  name?: string | null | undefined;
};

export type AllAccountsQueryVariables = Exact<{ [key: string]: never; }>;


export type AllAccountsQuery = { accounts: Array<
    | { provider: Provider, id: string }
    | { provider: Provider, id: string }
    | { provider: Provider, id: string }
    | { provider: Provider, id: string }
   | null> };

export type CudoBillingAccountOverviewQueryVariables = Exact<{
  id?: string | number | null | undefined;
}>;


export type CudoBillingAccountOverviewQuery = { account:
    | { displayName: string | null, state: CudoBillingAccountState | null, paymentTerms: CudoPaymentTerms | null, creditBalance: string | null, monthlySpend: string | null, monthlySpendLimit: string | null, nextInvoiceTotal: string | null, invoiceTime: string | null, id: string, creditBalanceRecharge: { autoRecharge: boolean, low: string | null, high: string | null } | null, billingAddress: { name: string | null, line1: string | null, line2: string | null, postalCode: string | null, city: string | null, state: string | null, country: string | null } | null, taxId: { type: string | null, value: string | null } | null }
    | { id: string }
    | { id: string }
    | { id: string }
   | null };

export type RenameCudoBillingAccountMutationVariables = Exact<{
  id: string | number;
  displayName: string;
}>;


export type RenameCudoBillingAccountMutation = { updateBillingAccount: { id: string, displayName: string | null } };

export type SetCudoAutoRechargeMutationVariables = Exact<{
  id: string | number;
  low: string;
  high: string;
}>;


export type SetCudoAutoRechargeMutation = { updateBillingAccount: { id: string, creditBalance: string | null, creditBalanceRecharge: { autoRecharge: boolean, low: string | null, high: string | null } | null } };

export type SetCudoInvoiceDetailsMutationVariables = Exact<{
  id: string | number;
  billingAddress: CudoBillingAddressInput;
  taxId: CudoTaxIdInput;
}>;


export type SetCudoInvoiceDetailsMutation = { updateBillingAccount: { id: string, billingAddress: { name: string | null, line1: string | null, line2: string | null, postalCode: string | null, city: string | null, state: string | null, country: string | null } | null, taxId: { type: string | null, value: string | null } | null } };

export type DepictaProfileQueryVariables = Exact<{ [key: string]: never; }>;


export type DepictaProfileQuery = { account:
    | { id: string }
    | { name: string | null, email: string, emailVerified: boolean, balanceEur: string, heldEur: string, freeTrialPendingEur: string | null, creditLimitEur: string, creditsExpireAt: string | null, id: string }
    | { id: string }
    | { id: string }
   | null };

export type RenameDepictaProfileMutationVariables = Exact<{
  name?: string | null | undefined;
}>;


export type RenameDepictaProfileMutation = { updateProfileName: { id: string, name: string | null } };

export type DiffioBillingPolicyQueryVariables = Exact<{ [key: string]: never; }>;


export type DiffioBillingPolicyQuery = { account:
    | { id: string }
    | { id: string }
    | { id: string, billingPolicy: { type: DiffioBillingPolicyType, reason: string | null, updatedAt: string | null } }
    | { id: string }
   | null };

export type UseInternalDiffioBillingMutationVariables = Exact<{
  reason: string;
}>;


export type UseInternalDiffioBillingMutation = { updateBillingPolicy: { id: string, billingPolicy: { type: DiffioBillingPolicyType, reason: string | null, updatedAt: string | null } } };

export type HostupPreferencesQueryVariables = Exact<{ [key: string]: never; }>;


export type HostupPreferencesQuery = { account:
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string, localization: { languageCode: HostupLanguage, timezone: string } | null, notifications: { emailEnabled: boolean, delivery: { overrideEnabled: boolean, enabledEmails: Array<string> | null } | null } | null, billing: { cardAutoCharge: { configured: boolean, status: HostupCardAutoChargeStatus, reason: string | null, canToggle: { allowed: boolean, reason: string | null } | null } | null, separateInvoices: { enabled: boolean } | null } | null }
   | null };

export type HostupUseSeparateInvoicesInSwedishMutationVariables = Exact<{ [key: string]: never; }>;


export type HostupUseSeparateInvoicesInSwedishMutation = { patchPreferences: { localization: { languageCode: HostupLanguage } | null, billing: { separateInvoices: { enabled: boolean } | null, cardAutoCharge: { status: HostupCardAutoChargeStatus } | null } | null } };

export type CudoAllFragment = { provider: Provider, id: string, displayName: string | null, state: CudoBillingAccountState | null, paymentTerms: CudoPaymentTerms | null, stripeRef: string | null, createBy: string | null, creditBalance: string | null, billingThreshold: string | null, monthlySpend: string | null, monthlySpendLimit: string | null, hourlySpendLimit: string | null, hourlySpendRate: string | null, nextInvoiceTotal: string | null, createTime: string | null, invoiceTime: string | null, deleteTime: string | null, purgeTime: string | null, billingAddress: { name: string | null, phone: string | null, line1: string | null, line2: string | null, city: string | null, state: string | null, postalCode: string | null, country: string | null } | null, taxId: { id: string | null, type: string | null, value: string | null } | null, creditBalanceRecharge: { autoRecharge: boolean, low: string | null, high: string | null, transaction: { id: string | null, amount: string | null, description: string | null, createTime: string | null, status: string | null, succeeded: boolean, latestCharge: { amount: string | null, createTime: string | null, paid: boolean, refunded: boolean, status: string | null, failureCode: string | null } | null, lastPaymentError: { code: string | null, declineCode: string | null } | null } | null } | null };

export type CudoAccountQueryVariables = Exact<{
  id?: string | number | null | undefined;
}>;


export type CudoAccountQuery = { account:
    | { provider: Provider, id: string, displayName: string | null, state: CudoBillingAccountState | null, paymentTerms: CudoPaymentTerms | null, stripeRef: string | null, createBy: string | null, creditBalance: string | null, billingThreshold: string | null, monthlySpend: string | null, monthlySpendLimit: string | null, hourlySpendLimit: string | null, hourlySpendRate: string | null, nextInvoiceTotal: string | null, createTime: string | null, invoiceTime: string | null, deleteTime: string | null, purgeTime: string | null, billingAddress: { name: string | null, phone: string | null, line1: string | null, line2: string | null, city: string | null, state: string | null, postalCode: string | null, country: string | null } | null, taxId: { id: string | null, type: string | null, value: string | null } | null, creditBalanceRecharge: { autoRecharge: boolean, low: string | null, high: string | null, transaction: { id: string | null, amount: string | null, description: string | null, createTime: string | null, status: string | null, succeeded: boolean, latestCharge: { amount: string | null, createTime: string | null, paid: boolean, refunded: boolean, status: string | null, failureCode: string | null } | null, lastPaymentError: { code: string | null, declineCode: string | null } | null } | null } | null }
    | Record<PropertyKey, never>
   | null };

export type CudoAccountPairQueryVariables = Exact<{
  a: string | number;
  b: string | number;
}>;


export type CudoAccountPairQuery = { a:
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
   | null, b:
    | { displayName: string | null }
    | Record<PropertyKey, never>
   | null };

export type CudoDefaultAndByIdQueryVariables = Exact<{
  id: string | number;
}>;


export type CudoDefaultAndByIdQuery = { byDefault:
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
   | null, byId:
    | { displayName: string | null }
    | Record<PropertyKey, never>
   | null };

export type CudoAccountsQueryVariables = Exact<{ [key: string]: never; }>;


export type CudoAccountsQuery = { accounts: Array<
    | { provider: Provider, id: string }
    | { provider: Provider, id: string }
    | { provider: Provider, id: string }
    | { provider: Provider, id: string }
   | null> };

export type CudoUpdateBillingAccountMutationVariables = Exact<{
  input: UpdateBillingAccountInput;
}>;


export type CudoUpdateBillingAccountMutation = { updateBillingAccount: { provider: Provider, id: string, displayName: string | null, state: CudoBillingAccountState | null, paymentTerms: CudoPaymentTerms | null, stripeRef: string | null, createBy: string | null, creditBalance: string | null, billingThreshold: string | null, monthlySpend: string | null, monthlySpendLimit: string | null, hourlySpendLimit: string | null, hourlySpendRate: string | null, nextInvoiceTotal: string | null, createTime: string | null, invoiceTime: string | null, deleteTime: string | null, purgeTime: string | null, billingAddress: { name: string | null, phone: string | null, line1: string | null, line2: string | null, city: string | null, state: string | null, postalCode: string | null, country: string | null } | null, taxId: { id: string | null, type: string | null, value: string | null } | null, creditBalanceRecharge: { autoRecharge: boolean, low: string | null, high: string | null, transaction: { id: string | null, amount: string | null, description: string | null, createTime: string | null, status: string | null, succeeded: boolean, latestCharge: { amount: string | null, createTime: string | null, paid: boolean, refunded: boolean, status: string | null, failureCode: string | null } | null, lastPaymentError: { code: string | null, declineCode: string | null } | null } | null } | null } };

export type DepictaAllFragment = { provider: Provider, id: string, name: string | null, email: string, emailVerified: boolean, balanceEur: string, heldEur: string, freeTrialPendingEur: string | null, creditLimitCents: number, creditLimitEur: string, createdAt: string, creditsExpireAt: string | null, pendingCreditNotice: boolean, promptAnalysisOptIn: boolean, twoFactorEnabled: boolean, oauthProviders: Array<string> | null };

export type DepictaAccountQueryVariables = Exact<{ [key: string]: never; }>;


export type DepictaAccountQuery = { account:
    | { provider: Provider, id: string }
    | { provider: Provider, id: string, name: string | null, email: string, emailVerified: boolean, balanceEur: string, heldEur: string, freeTrialPendingEur: string | null, creditLimitCents: number, creditLimitEur: string, createdAt: string, creditsExpireAt: string | null, pendingCreditNotice: boolean, promptAnalysisOptIn: boolean, twoFactorEnabled: boolean, oauthProviders: Array<string> | null }
    | { provider: Provider, id: string }
    | { provider: Provider, id: string }
   | null };

export type DepictaAccountByIdQueryVariables = Exact<{
  id: string | number;
}>;


export type DepictaAccountByIdQuery = { account:
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
   | null };

export type DepictaBalanceQueryVariables = Exact<{ [key: string]: never; }>;


export type DepictaBalanceQuery = { account:
    | { balanceEur: string }
    | Record<PropertyKey, never>
   | null };

export type DepictaAliasesQueryVariables = Exact<{ [key: string]: never; }>;


export type DepictaAliasesQuery = { a:
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
   | null, b:
    | { balanceEur: string }
    | Record<PropertyKey, never>
   | null, all: Array<
    | { email: string }
    | Record<PropertyKey, never>
   | null> };

export type UpdateProfileNameMutationVariables = Exact<{
  input: UpdateProfileNameInput;
}>;


export type UpdateProfileNameMutation = { updateProfileName: { provider: Provider, id: string, name: string | null, email: string, emailVerified: boolean, balanceEur: string, heldEur: string, freeTrialPendingEur: string | null, creditLimitCents: number, creditLimitEur: string, createdAt: string, creditsExpireAt: string | null, pendingCreditNotice: boolean, promptAnalysisOptIn: boolean, twoFactorEnabled: boolean, oauthProviders: Array<string> | null } };

export type UpdateProfileNameThenReadMutationVariables = Exact<{
  input: UpdateProfileNameInput;
}>;


export type UpdateProfileNameThenReadMutation = { updateProfileName: { id: string, name: string | null } };

export type DiffioAccountQueryVariables = Exact<{ [key: string]: never; }>;


export type DiffioAccountQuery = { account:
    | { provider: Provider, id: string }
    | { provider: Provider, id: string }
    | { userId: string, apiKeyId: string | null, billingMode: string, billingStatus: string, currency: string, updatedAt: string | null, provider: Provider, id: string, billingPolicy: { type: DiffioBillingPolicyType, reason: string | null, updatedAt: string | null, updatedByKeyId: string | null } }
    | { provider: Provider, id: string }
   | null };

export type DiffioAccountByIdQueryVariables = Exact<{
  id: string | number;
}>;


export type DiffioAccountByIdQuery = { account:
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
   | null };

export type DiffioThreeAliasesQueryVariables = Exact<{ [key: string]: never; }>;


export type DiffioThreeAliasesQuery = { a:
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
   | null, b:
    | { currency: string }
    | Record<PropertyKey, never>
   | null, c:
    | { billingPolicy: { type: DiffioBillingPolicyType } }
    | Record<PropertyKey, never>
   | null };

export type UpdateBillingPolicyMutationVariables = Exact<{
  input: UpdateBillingPolicyInput;
}>;


export type UpdateBillingPolicyMutation = { updateBillingPolicy: { id: string, apiKeyId: string | null, updatedAt: string | null, billingPolicy: { type: DiffioBillingPolicyType, reason: string | null, updatedAt: string | null, updatedByKeyId: string | null } } };

export type UpdateThenReadMutationVariables = Exact<{
  input: UpdateBillingPolicyInput;
}>;


export type UpdateThenReadMutation = { updateBillingPolicy: { id: string, currency: string } };

export type HostupAccountFieldsFragment = { provider: Provider, categories: Record<string, unknown> | null, localization: { languageCode: HostupLanguage, timezone: string } | null, notifications: { emailEnabled: boolean, smsEnabled: boolean, delivery: { overrideEnabled: boolean, enabledEmails: Array<string> | null, billing: { enabled: boolean, canToggle: { allowed: boolean, reason: string | null } | null } | null } | null } | null, security: { bankIdOnlyLogin: boolean, twoFactorEnabled: boolean } | null, billing: { peppol: { optedOut: boolean, optOutReason: string | null, optedOutAt: string | null }, cardAutoCharge: { configured: boolean, enabled: boolean, status: HostupCardAutoChargeStatus, hasPaymentMethod: boolean, method: string | null, label: string | null, description: string | null, reason: string | null, canToggle: { allowed: boolean, reason: string | null } | null } | null, separateInvoices: { enabled: boolean, label: string | null, description: string | null, reason: string | null, canToggle: { allowed: boolean, reason: string | null } | null } | null } | null };

export type HostupAccountFullQueryVariables = Exact<{ [key: string]: never; }>;


export type HostupAccountFullQuery = { account:
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string, provider: Provider, categories: Record<string, unknown> | null, localization: { languageCode: HostupLanguage, timezone: string } | null, notifications: { emailEnabled: boolean, smsEnabled: boolean, delivery: { overrideEnabled: boolean, enabledEmails: Array<string> | null, billing: { enabled: boolean, canToggle: { allowed: boolean, reason: string | null } | null } | null } | null } | null, security: { bankIdOnlyLogin: boolean, twoFactorEnabled: boolean } | null, billing: { peppol: { optedOut: boolean, optOutReason: string | null, optedOutAt: string | null }, cardAutoCharge: { configured: boolean, enabled: boolean, status: HostupCardAutoChargeStatus, hasPaymentMethod: boolean, method: string | null, label: string | null, description: string | null, reason: string | null, canToggle: { allowed: boolean, reason: string | null } | null } | null, separateInvoices: { enabled: boolean, label: string | null, description: string | null, reason: string | null, canToggle: { allowed: boolean, reason: string | null } | null } | null } | null }
   | null };

export type HostupPreferencesWithoutIdQueryVariables = Exact<{ [key: string]: never; }>;


export type HostupPreferencesWithoutIdQuery = { account:
    | { provider: Provider, categories: Record<string, unknown> | null, localization: { languageCode: HostupLanguage, timezone: string } | null, notifications: { emailEnabled: boolean, smsEnabled: boolean, delivery: { overrideEnabled: boolean, enabledEmails: Array<string> | null, billing: { enabled: boolean, canToggle: { allowed: boolean, reason: string | null } | null } | null } | null } | null, security: { bankIdOnlyLogin: boolean, twoFactorEnabled: boolean } | null, billing: { peppol: { optedOut: boolean, optOutReason: string | null, optedOutAt: string | null }, cardAutoCharge: { configured: boolean, enabled: boolean, status: HostupCardAutoChargeStatus, hasPaymentMethod: boolean, method: string | null, label: string | null, description: string | null, reason: string | null, canToggle: { allowed: boolean, reason: string | null } | null } | null, separateInvoices: { enabled: boolean, label: string | null, description: string | null, reason: string | null, canToggle: { allowed: boolean, reason: string | null } | null } | null } | null }
    | Record<PropertyKey, never>
   | null };

export type HostupAccountByIdQueryVariables = Exact<{
  id: string | number;
}>;


export type HostupAccountByIdQuery = { account:
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string, localization: { timezone: string } | null }
   | null };

export type HostupIdAliasesQueryVariables = Exact<{ [key: string]: never; }>;


export type HostupIdAliasesQuery = { a:
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
   | null, b:
    | { theId: string }
    | { theId: string }
    | { theId: string }
    | { theId: string, security: { twoFactorEnabled: boolean } | null }
   | null, c: Array<
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
   | null> };

export type HostupTogglesQueryVariables = Exact<{ [key: string]: never; }>;


export type HostupTogglesQuery = { account:
    | { billing: { cardAutoCharge: { __typename: 'HostupCardAutoCharge', enabled: boolean, label: string | null, canToggle: { allowed: boolean } | null } | null, separateInvoices: { __typename: 'HostupSeparateInvoices', enabled: boolean, label: string | null, canToggle: { allowed: boolean } | null } | null } | null }
    | Record<PropertyKey, never>
   | null };

type HostupToggleFields_HostupCardAutoCharge_Fragment = { __typename: 'HostupCardAutoCharge', enabled: boolean, label: string | null, canToggle: { allowed: boolean } | null };

type HostupToggleFields_HostupSeparateInvoices_Fragment = { __typename: 'HostupSeparateInvoices', enabled: boolean, label: string | null, canToggle: { allowed: boolean } | null };

export type HostupToggleFieldsFragment =
  | HostupToggleFields_HostupCardAutoCharge_Fragment
  | HostupToggleFields_HostupSeparateInvoices_Fragment
;

export type HostupPatchPreferencesMutationVariables = Exact<{
  input: PatchPreferencesInput;
}>;


export type HostupPatchPreferencesMutation = { patchPreferences: { provider: Provider, categories: Record<string, unknown> | null, localization: { languageCode: HostupLanguage, timezone: string } | null, notifications: { emailEnabled: boolean, smsEnabled: boolean, delivery: { overrideEnabled: boolean, enabledEmails: Array<string> | null, billing: { enabled: boolean, canToggle: { allowed: boolean, reason: string | null } | null } | null } | null } | null, security: { bankIdOnlyLogin: boolean, twoFactorEnabled: boolean } | null, billing: { peppol: { optedOut: boolean, optOutReason: string | null, optedOutAt: string | null }, cardAutoCharge: { configured: boolean, enabled: boolean, status: HostupCardAutoChargeStatus, hasPaymentMethod: boolean, method: string | null, label: string | null, description: string | null, reason: string | null, canToggle: { allowed: boolean, reason: string | null } | null } | null, separateInvoices: { enabled: boolean, label: string | null, description: string | null, reason: string | null, canToggle: { allowed: boolean, reason: string | null } | null } | null } | null } };

export type HostupPatchPreferencesWithIdMutationVariables = Exact<{
  input: PatchPreferencesInput;
}>;


export type HostupPatchPreferencesWithIdMutation = { patchPreferences: { id: string, again: string, security: { bankIdOnlyLogin: boolean } | null } };

export const CudoAllFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CudoAll"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CudoBillingAccount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"paymentTerms"}},{"kind":"Field","name":{"kind":"Name","value":"billingAddress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"line1"}},{"kind":"Field","name":{"kind":"Name","value":"line2"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"postalCode"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}},{"kind":"Field","name":{"kind":"Name","value":"taxId"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stripeRef"}},{"kind":"Field","name":{"kind":"Name","value":"createBy"}},{"kind":"Field","name":{"kind":"Name","value":"creditBalance"}},{"kind":"Field","name":{"kind":"Name","value":"billingThreshold"}},{"kind":"Field","name":{"kind":"Name","value":"monthlySpend"}},{"kind":"Field","name":{"kind":"Name","value":"monthlySpendLimit"}},{"kind":"Field","name":{"kind":"Name","value":"hourlySpendLimit"}},{"kind":"Field","name":{"kind":"Name","value":"hourlySpendRate"}},{"kind":"Field","name":{"kind":"Name","value":"nextInvoiceTotal"}},{"kind":"Field","name":{"kind":"Name","value":"creditBalanceRecharge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"autoRecharge"}},{"kind":"Field","name":{"kind":"Name","value":"low"}},{"kind":"Field","name":{"kind":"Name","value":"high"}},{"kind":"Field","name":{"kind":"Name","value":"transaction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"createTime"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"succeeded"}},{"kind":"Field","name":{"kind":"Name","value":"latestCharge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"createTime"}},{"kind":"Field","name":{"kind":"Name","value":"paid"}},{"kind":"Field","name":{"kind":"Name","value":"refunded"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"failureCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lastPaymentError"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"declineCode"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"createTime"}},{"kind":"Field","name":{"kind":"Name","value":"invoiceTime"}},{"kind":"Field","name":{"kind":"Name","value":"deleteTime"}},{"kind":"Field","name":{"kind":"Name","value":"purgeTime"}}]}}]} as unknown as DocumentNode<CudoAllFragment, unknown>;
export const DepictaAllFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DepictaAll"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DepictaAccount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"emailVerified"}},{"kind":"Field","name":{"kind":"Name","value":"balanceEur"}},{"kind":"Field","name":{"kind":"Name","value":"heldEur"}},{"kind":"Field","name":{"kind":"Name","value":"freeTrialPendingEur"}},{"kind":"Field","name":{"kind":"Name","value":"creditLimitCents"}},{"kind":"Field","name":{"kind":"Name","value":"creditLimitEur"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"creditsExpireAt"}},{"kind":"Field","name":{"kind":"Name","value":"pendingCreditNotice"}},{"kind":"Field","name":{"kind":"Name","value":"promptAnalysisOptIn"}},{"kind":"Field","name":{"kind":"Name","value":"twoFactorEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"oauthProviders"}}]}}]} as unknown as DocumentNode<DepictaAllFragment, unknown>;
export const HostupAccountFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HostupAccountFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"HostupAccount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"localization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"languageCode"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}}]}},{"kind":"Field","name":{"kind":"Name","value":"notifications"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"emailEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"smsEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"delivery"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"overrideEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"enabledEmails"}},{"kind":"Field","name":{"kind":"Name","value":"billing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"canToggle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"allowed"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"security"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bankIdOnlyLogin"}},{"kind":"Field","name":{"kind":"Name","value":"twoFactorEnabled"}}]}},{"kind":"Field","name":{"kind":"Name","value":"billing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"peppol"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"optedOut"}},{"kind":"Field","name":{"kind":"Name","value":"optOutReason"}},{"kind":"Field","name":{"kind":"Name","value":"optedOutAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cardAutoCharge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"configured"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"hasPaymentMethod"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"canToggle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"allowed"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"separateInvoices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"canToggle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"allowed"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"categories"}}]}}]} as unknown as DocumentNode<HostupAccountFieldsFragment, unknown>;
export const HostupToggleFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HostupToggleFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"HostupBillingToggle"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"canToggle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"allowed"}}]}}]}}]} as unknown as DocumentNode<HostupToggleFieldsFragment, unknown>;
export const AllAccountsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AllAccounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<AllAccountsQuery, AllAccountsQueryVariables>;
export const CudoBillingAccountOverviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CudoBillingAccountOverview"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"provider"},"value":{"kind":"EnumValue","value":"CUDO"}},{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CudoBillingAccount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"paymentTerms"}},{"kind":"Field","name":{"kind":"Name","value":"creditBalance"}},{"kind":"Field","name":{"kind":"Name","value":"monthlySpend"}},{"kind":"Field","name":{"kind":"Name","value":"monthlySpendLimit"}},{"kind":"Field","name":{"kind":"Name","value":"nextInvoiceTotal"}},{"kind":"Field","name":{"kind":"Name","value":"invoiceTime"}},{"kind":"Field","name":{"kind":"Name","value":"creditBalanceRecharge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"autoRecharge"}},{"kind":"Field","name":{"kind":"Name","value":"low"}},{"kind":"Field","name":{"kind":"Name","value":"high"}}]}},{"kind":"Field","name":{"kind":"Name","value":"billingAddress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"line1"}},{"kind":"Field","name":{"kind":"Name","value":"line2"}},{"kind":"Field","name":{"kind":"Name","value":"postalCode"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}},{"kind":"Field","name":{"kind":"Name","value":"taxId"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]}}]} as unknown as DocumentNode<CudoBillingAccountOverviewQuery, CudoBillingAccountOverviewQueryVariables>;
export const RenameCudoBillingAccountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RenameCudoBillingAccount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"displayName"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateBillingAccount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"displayName"},"value":{"kind":"Variable","name":{"kind":"Name","value":"displayName"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<RenameCudoBillingAccountMutation, RenameCudoBillingAccountMutationVariables>;
export const SetCudoAutoRechargeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetCudoAutoRecharge"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"low"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Decimal"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"high"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Decimal"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateBillingAccount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"creditBalanceRecharge"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"autoRecharge"},"value":{"kind":"BooleanValue","value":true}},{"kind":"ObjectField","name":{"kind":"Name","value":"low"},"value":{"kind":"Variable","name":{"kind":"Name","value":"low"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"high"},"value":{"kind":"Variable","name":{"kind":"Name","value":"high"}}}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"creditBalance"}},{"kind":"Field","name":{"kind":"Name","value":"creditBalanceRecharge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"autoRecharge"}},{"kind":"Field","name":{"kind":"Name","value":"low"}},{"kind":"Field","name":{"kind":"Name","value":"high"}}]}}]}}]}}]} as unknown as DocumentNode<SetCudoAutoRechargeMutation, SetCudoAutoRechargeMutationVariables>;
export const SetCudoInvoiceDetailsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetCudoInvoiceDetails"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"billingAddress"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CudoBillingAddressInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"taxId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CudoTaxIdInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateBillingAccount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"billingAddress"},"value":{"kind":"Variable","name":{"kind":"Name","value":"billingAddress"}}},{"kind":"ObjectField","name":{"kind":"Name","value":"taxId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"taxId"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"billingAddress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"line1"}},{"kind":"Field","name":{"kind":"Name","value":"line2"}},{"kind":"Field","name":{"kind":"Name","value":"postalCode"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}},{"kind":"Field","name":{"kind":"Name","value":"taxId"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}}]}}]} as unknown as DocumentNode<SetCudoInvoiceDetailsMutation, SetCudoInvoiceDetailsMutationVariables>;
export const DepictaProfileDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DepictaProfile"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"provider"},"value":{"kind":"EnumValue","value":"DEPICTA"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DepictaAccount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"emailVerified"}},{"kind":"Field","name":{"kind":"Name","value":"balanceEur"}},{"kind":"Field","name":{"kind":"Name","value":"heldEur"}},{"kind":"Field","name":{"kind":"Name","value":"freeTrialPendingEur"}},{"kind":"Field","name":{"kind":"Name","value":"creditLimitEur"}},{"kind":"Field","name":{"kind":"Name","value":"creditsExpireAt"}}]}}]}}]}}]} as unknown as DocumentNode<DepictaProfileQuery, DepictaProfileQueryVariables>;
export const RenameDepictaProfileDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RenameDepictaProfile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateProfileName"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<RenameDepictaProfileMutation, RenameDepictaProfileMutationVariables>;
export const DiffioBillingPolicyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DiffioBillingPolicy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"provider"},"value":{"kind":"EnumValue","value":"DIFFIO"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DiffioAccount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"billingPolicy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DiffioBillingPolicyQuery, DiffioBillingPolicyQueryVariables>;
export const UseInternalDiffioBillingDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UseInternalDiffioBilling"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateBillingPolicy"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"type"},"value":{"kind":"EnumValue","value":"INTERNAL_DIFFIO"}},{"kind":"ObjectField","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"billingPolicy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]}}]} as unknown as DocumentNode<UseInternalDiffioBillingMutation, UseInternalDiffioBillingMutationVariables>;
export const HostupPreferencesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HostupPreferences"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"provider"},"value":{"kind":"EnumValue","value":"HOSTUP"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"HostupAccount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"localization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"languageCode"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}}]}},{"kind":"Field","name":{"kind":"Name","value":"notifications"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"emailEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"delivery"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"overrideEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"enabledEmails"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"billing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cardAutoCharge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"configured"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"canToggle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"allowed"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"separateInvoices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enabled"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<HostupPreferencesQuery, HostupPreferencesQueryVariables>;
export const HostupUseSeparateInvoicesInSwedishDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"HostupUseSeparateInvoicesInSwedish"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"patchPreferences"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"localization"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"languageCode"},"value":{"kind":"EnumValue","value":"SV"}}]}},{"kind":"ObjectField","name":{"kind":"Name","value":"billing"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"separateInvoices"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"enabled"},"value":{"kind":"BooleanValue","value":true}}]}}]}}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"localization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"languageCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"billing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"separateInvoices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enabled"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cardAutoCharge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}}]} as unknown as DocumentNode<HostupUseSeparateInvoicesInSwedishMutation, HostupUseSeparateInvoicesInSwedishMutationVariables>;
export const CudoAccountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CudoAccount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"provider"},"value":{"kind":"EnumValue","value":"CUDO"}},{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CudoAll"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CudoAll"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CudoBillingAccount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"paymentTerms"}},{"kind":"Field","name":{"kind":"Name","value":"billingAddress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"line1"}},{"kind":"Field","name":{"kind":"Name","value":"line2"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"postalCode"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}},{"kind":"Field","name":{"kind":"Name","value":"taxId"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stripeRef"}},{"kind":"Field","name":{"kind":"Name","value":"createBy"}},{"kind":"Field","name":{"kind":"Name","value":"creditBalance"}},{"kind":"Field","name":{"kind":"Name","value":"billingThreshold"}},{"kind":"Field","name":{"kind":"Name","value":"monthlySpend"}},{"kind":"Field","name":{"kind":"Name","value":"monthlySpendLimit"}},{"kind":"Field","name":{"kind":"Name","value":"hourlySpendLimit"}},{"kind":"Field","name":{"kind":"Name","value":"hourlySpendRate"}},{"kind":"Field","name":{"kind":"Name","value":"nextInvoiceTotal"}},{"kind":"Field","name":{"kind":"Name","value":"creditBalanceRecharge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"autoRecharge"}},{"kind":"Field","name":{"kind":"Name","value":"low"}},{"kind":"Field","name":{"kind":"Name","value":"high"}},{"kind":"Field","name":{"kind":"Name","value":"transaction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"createTime"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"succeeded"}},{"kind":"Field","name":{"kind":"Name","value":"latestCharge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"createTime"}},{"kind":"Field","name":{"kind":"Name","value":"paid"}},{"kind":"Field","name":{"kind":"Name","value":"refunded"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"failureCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lastPaymentError"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"declineCode"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"createTime"}},{"kind":"Field","name":{"kind":"Name","value":"invoiceTime"}},{"kind":"Field","name":{"kind":"Name","value":"deleteTime"}},{"kind":"Field","name":{"kind":"Name","value":"purgeTime"}}]}}]} as unknown as DocumentNode<CudoAccountQuery, CudoAccountQueryVariables>;
export const CudoAccountPairDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CudoAccountPair"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"a"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"b"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"a"},"name":{"kind":"Name","value":"account"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"provider"},"value":{"kind":"EnumValue","value":"CUDO"}},{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"a"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"b"},"name":{"kind":"Name","value":"account"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"provider"},"value":{"kind":"EnumValue","value":"CUDO"}},{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"b"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CudoBillingAccount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}}]} as unknown as DocumentNode<CudoAccountPairQuery, CudoAccountPairQueryVariables>;
export const CudoDefaultAndByIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CudoDefaultAndById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"byDefault"},"name":{"kind":"Name","value":"account"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"provider"},"value":{"kind":"EnumValue","value":"CUDO"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"byId"},"name":{"kind":"Name","value":"account"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"provider"},"value":{"kind":"EnumValue","value":"CUDO"}},{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CudoBillingAccount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}}]} as unknown as DocumentNode<CudoDefaultAndByIdQuery, CudoDefaultAndByIdQueryVariables>;
export const CudoAccountsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CudoAccounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"accounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"providers"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"CUDO"},{"kind":"EnumValue","value":"DIFFIO"}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<CudoAccountsQuery, CudoAccountsQueryVariables>;
export const CudoUpdateBillingAccountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CudoUpdateBillingAccount"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateBillingAccountInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateBillingAccount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"CudoAll"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"CudoAll"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CudoBillingAccount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"paymentTerms"}},{"kind":"Field","name":{"kind":"Name","value":"billingAddress"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"phone"}},{"kind":"Field","name":{"kind":"Name","value":"line1"}},{"kind":"Field","name":{"kind":"Name","value":"line2"}},{"kind":"Field","name":{"kind":"Name","value":"city"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"postalCode"}},{"kind":"Field","name":{"kind":"Name","value":"country"}}]}},{"kind":"Field","name":{"kind":"Name","value":"taxId"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stripeRef"}},{"kind":"Field","name":{"kind":"Name","value":"createBy"}},{"kind":"Field","name":{"kind":"Name","value":"creditBalance"}},{"kind":"Field","name":{"kind":"Name","value":"billingThreshold"}},{"kind":"Field","name":{"kind":"Name","value":"monthlySpend"}},{"kind":"Field","name":{"kind":"Name","value":"monthlySpendLimit"}},{"kind":"Field","name":{"kind":"Name","value":"hourlySpendLimit"}},{"kind":"Field","name":{"kind":"Name","value":"hourlySpendRate"}},{"kind":"Field","name":{"kind":"Name","value":"nextInvoiceTotal"}},{"kind":"Field","name":{"kind":"Name","value":"creditBalanceRecharge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"autoRecharge"}},{"kind":"Field","name":{"kind":"Name","value":"low"}},{"kind":"Field","name":{"kind":"Name","value":"high"}},{"kind":"Field","name":{"kind":"Name","value":"transaction"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"createTime"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"succeeded"}},{"kind":"Field","name":{"kind":"Name","value":"latestCharge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"createTime"}},{"kind":"Field","name":{"kind":"Name","value":"paid"}},{"kind":"Field","name":{"kind":"Name","value":"refunded"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"failureCode"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lastPaymentError"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"declineCode"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"createTime"}},{"kind":"Field","name":{"kind":"Name","value":"invoiceTime"}},{"kind":"Field","name":{"kind":"Name","value":"deleteTime"}},{"kind":"Field","name":{"kind":"Name","value":"purgeTime"}}]}}]} as unknown as DocumentNode<CudoUpdateBillingAccountMutation, CudoUpdateBillingAccountMutationVariables>;
export const DepictaAccountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DepictaAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"provider"},"value":{"kind":"EnumValue","value":"DEPICTA"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"DepictaAll"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DepictaAll"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DepictaAccount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"emailVerified"}},{"kind":"Field","name":{"kind":"Name","value":"balanceEur"}},{"kind":"Field","name":{"kind":"Name","value":"heldEur"}},{"kind":"Field","name":{"kind":"Name","value":"freeTrialPendingEur"}},{"kind":"Field","name":{"kind":"Name","value":"creditLimitCents"}},{"kind":"Field","name":{"kind":"Name","value":"creditLimitEur"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"creditsExpireAt"}},{"kind":"Field","name":{"kind":"Name","value":"pendingCreditNotice"}},{"kind":"Field","name":{"kind":"Name","value":"promptAnalysisOptIn"}},{"kind":"Field","name":{"kind":"Name","value":"twoFactorEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"oauthProviders"}}]}}]} as unknown as DocumentNode<DepictaAccountQuery, DepictaAccountQueryVariables>;
export const DepictaAccountByIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DepictaAccountById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"provider"},"value":{"kind":"EnumValue","value":"DEPICTA"}},{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<DepictaAccountByIdQuery, DepictaAccountByIdQueryVariables>;
export const DepictaBalanceDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DepictaBalance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"provider"},"value":{"kind":"EnumValue","value":"DEPICTA"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DepictaAccount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"balanceEur"}}]}}]}}]}}]} as unknown as DocumentNode<DepictaBalanceQuery, DepictaBalanceQueryVariables>;
export const DepictaAliasesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DepictaAliases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"a"},"name":{"kind":"Name","value":"account"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"provider"},"value":{"kind":"EnumValue","value":"DEPICTA"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"b"},"name":{"kind":"Name","value":"account"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"provider"},"value":{"kind":"EnumValue","value":"DEPICTA"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DepictaAccount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"balanceEur"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"all"},"name":{"kind":"Name","value":"accounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"providers"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"DEPICTA"}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DepictaAccount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]}}]} as unknown as DocumentNode<DepictaAliasesQuery, DepictaAliasesQueryVariables>;
export const UpdateProfileNameDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateProfileName"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateProfileNameInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateProfileName"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DepictaAll"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DepictaAll"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DepictaAccount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"emailVerified"}},{"kind":"Field","name":{"kind":"Name","value":"balanceEur"}},{"kind":"Field","name":{"kind":"Name","value":"heldEur"}},{"kind":"Field","name":{"kind":"Name","value":"freeTrialPendingEur"}},{"kind":"Field","name":{"kind":"Name","value":"creditLimitCents"}},{"kind":"Field","name":{"kind":"Name","value":"creditLimitEur"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"creditsExpireAt"}},{"kind":"Field","name":{"kind":"Name","value":"pendingCreditNotice"}},{"kind":"Field","name":{"kind":"Name","value":"promptAnalysisOptIn"}},{"kind":"Field","name":{"kind":"Name","value":"twoFactorEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"oauthProviders"}}]}}]} as unknown as DocumentNode<UpdateProfileNameMutation, UpdateProfileNameMutationVariables>;
export const UpdateProfileNameThenReadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateProfileNameThenRead"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateProfileNameInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateProfileName"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<UpdateProfileNameThenReadMutation, UpdateProfileNameThenReadMutationVariables>;
export const DiffioAccountDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DiffioAccount"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"provider"},"value":{"kind":"EnumValue","value":"DIFFIO"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DiffioAccount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"userId"}},{"kind":"Field","name":{"kind":"Name","value":"apiKeyId"}},{"kind":"Field","name":{"kind":"Name","value":"billingMode"}},{"kind":"Field","name":{"kind":"Name","value":"billingStatus"}},{"kind":"Field","name":{"kind":"Name","value":"billingPolicy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedByKeyId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"currency"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]}}]} as unknown as DocumentNode<DiffioAccountQuery, DiffioAccountQueryVariables>;
export const DiffioAccountByIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DiffioAccountById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"provider"},"value":{"kind":"EnumValue","value":"DIFFIO"}},{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<DiffioAccountByIdQuery, DiffioAccountByIdQueryVariables>;
export const DiffioThreeAliasesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DiffioThreeAliases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"a"},"name":{"kind":"Name","value":"account"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"provider"},"value":{"kind":"EnumValue","value":"DIFFIO"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"b"},"name":{"kind":"Name","value":"account"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"provider"},"value":{"kind":"EnumValue","value":"DIFFIO"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DiffioAccount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"c"},"name":{"kind":"Name","value":"account"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"provider"},"value":{"kind":"EnumValue","value":"DIFFIO"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DiffioAccount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"billingPolicy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DiffioThreeAliasesQuery, DiffioThreeAliasesQueryVariables>;
export const UpdateBillingPolicyDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateBillingPolicy"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateBillingPolicyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateBillingPolicy"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"apiKeyId"}},{"kind":"Field","name":{"kind":"Name","value":"billingPolicy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"updatedByKeyId"}}]}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}}]}}]}}]} as unknown as DocumentNode<UpdateBillingPolicyMutation, UpdateBillingPolicyMutationVariables>;
export const UpdateThenReadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateThenRead"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateBillingPolicyInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateBillingPolicy"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}}]}}]} as unknown as DocumentNode<UpdateThenReadMutation, UpdateThenReadMutationVariables>;
export const HostupAccountFullDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HostupAccountFull"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"provider"},"value":{"kind":"EnumValue","value":"HOSTUP"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"HostupAccountFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HostupAccountFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"HostupAccount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"localization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"languageCode"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}}]}},{"kind":"Field","name":{"kind":"Name","value":"notifications"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"emailEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"smsEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"delivery"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"overrideEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"enabledEmails"}},{"kind":"Field","name":{"kind":"Name","value":"billing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"canToggle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"allowed"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"security"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bankIdOnlyLogin"}},{"kind":"Field","name":{"kind":"Name","value":"twoFactorEnabled"}}]}},{"kind":"Field","name":{"kind":"Name","value":"billing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"peppol"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"optedOut"}},{"kind":"Field","name":{"kind":"Name","value":"optOutReason"}},{"kind":"Field","name":{"kind":"Name","value":"optedOutAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cardAutoCharge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"configured"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"hasPaymentMethod"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"canToggle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"allowed"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"separateInvoices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"canToggle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"allowed"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"categories"}}]}}]} as unknown as DocumentNode<HostupAccountFullQuery, HostupAccountFullQueryVariables>;
export const HostupPreferencesWithoutIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HostupPreferencesWithoutId"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"provider"},"value":{"kind":"EnumValue","value":"HOSTUP"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"HostupAccountFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HostupAccountFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"HostupAccount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"localization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"languageCode"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}}]}},{"kind":"Field","name":{"kind":"Name","value":"notifications"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"emailEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"smsEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"delivery"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"overrideEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"enabledEmails"}},{"kind":"Field","name":{"kind":"Name","value":"billing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"canToggle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"allowed"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"security"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bankIdOnlyLogin"}},{"kind":"Field","name":{"kind":"Name","value":"twoFactorEnabled"}}]}},{"kind":"Field","name":{"kind":"Name","value":"billing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"peppol"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"optedOut"}},{"kind":"Field","name":{"kind":"Name","value":"optOutReason"}},{"kind":"Field","name":{"kind":"Name","value":"optedOutAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cardAutoCharge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"configured"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"hasPaymentMethod"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"canToggle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"allowed"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"separateInvoices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"canToggle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"allowed"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"categories"}}]}}]} as unknown as DocumentNode<HostupPreferencesWithoutIdQuery, HostupPreferencesWithoutIdQueryVariables>;
export const HostupAccountByIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HostupAccountById"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"provider"},"value":{"kind":"EnumValue","value":"HOSTUP"}},{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"HostupAccount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"localization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"timezone"}}]}}]}}]}}]}}]} as unknown as DocumentNode<HostupAccountByIdQuery, HostupAccountByIdQueryVariables>;
export const HostupIdAliasesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HostupIdAliases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"a"},"name":{"kind":"Name","value":"account"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"provider"},"value":{"kind":"EnumValue","value":"HOSTUP"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","alias":{"kind":"Name","value":"b"},"name":{"kind":"Name","value":"account"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"provider"},"value":{"kind":"EnumValue","value":"HOSTUP"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","alias":{"kind":"Name","value":"theId"},"name":{"kind":"Name","value":"id"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"HostupAccount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"security"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"twoFactorEnabled"}}]}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"c"},"name":{"kind":"Name","value":"accounts"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"providers"},"value":{"kind":"ListValue","values":[{"kind":"EnumValue","value":"HOSTUP"}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<HostupIdAliasesQuery, HostupIdAliasesQueryVariables>;
export const HostupTogglesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"HostupToggles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"account"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"provider"},"value":{"kind":"EnumValue","value":"HOSTUP"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"HostupAccount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"billing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cardAutoCharge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"HostupToggleFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"separateInvoices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"HostupToggleFields"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HostupToggleFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"HostupBillingToggle"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"canToggle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"allowed"}}]}}]}}]} as unknown as DocumentNode<HostupTogglesQuery, HostupTogglesQueryVariables>;
export const HostupPatchPreferencesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"HostupPatchPreferences"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PatchPreferencesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"patchPreferences"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"HostupAccountFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"HostupAccountFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"HostupAccount"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"localization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"languageCode"}},{"kind":"Field","name":{"kind":"Name","value":"timezone"}}]}},{"kind":"Field","name":{"kind":"Name","value":"notifications"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"emailEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"smsEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"delivery"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"overrideEnabled"}},{"kind":"Field","name":{"kind":"Name","value":"enabledEmails"}},{"kind":"Field","name":{"kind":"Name","value":"billing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"canToggle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"allowed"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"security"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bankIdOnlyLogin"}},{"kind":"Field","name":{"kind":"Name","value":"twoFactorEnabled"}}]}},{"kind":"Field","name":{"kind":"Name","value":"billing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"peppol"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"optedOut"}},{"kind":"Field","name":{"kind":"Name","value":"optOutReason"}},{"kind":"Field","name":{"kind":"Name","value":"optedOutAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"cardAutoCharge"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"configured"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"hasPaymentMethod"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"canToggle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"allowed"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"separateInvoices"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"canToggle"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"allowed"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"categories"}}]}}]} as unknown as DocumentNode<HostupPatchPreferencesMutation, HostupPatchPreferencesMutationVariables>;
export const HostupPatchPreferencesWithIdDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"HostupPatchPreferencesWithId"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PatchPreferencesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"patchPreferences"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","alias":{"kind":"Name","value":"again"},"name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"security"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bankIdOnlyLogin"}}]}}]}}]}}]} as unknown as DocumentNode<HostupPatchPreferencesWithIdMutation, HostupPatchPreferencesWithIdMutationVariables>;