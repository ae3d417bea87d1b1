/**
 * Data side of the Hostup simulator (see `hostup.simulator.ts` for the HTTP side): demo keys,
 * clients with their stored preferences, and the derived views Hostup answers with.
 */

/** The invoice-notification categories `notifications.delivery.enabledEmails` may list. */
export const HOSTUP_EMAIL_CATEGORIES = [
  "notify_billing",
  "notify_support",
  "notify_services",
  "notify_domains",
] as const;

/** One of {@link HOSTUP_EMAIL_CATEGORIES}. */
export type HostupEmailCategory = (typeof HOSTUP_EMAIL_CATEGORIES)[number];

/** The two seeded clients (accounts), by the `id` that `GET /api/v2/me` answers. */
export const HOSTUP_DEMO_CLIENTS = {
  /** Has a saved card: with auto-charge configured, its status reads `active`. */
  main: "client_01hzx4a7b9c2d5e8f1g3h6j9k2",
  /** Has no saved card: auto-charge is configured but reads `needs_payment_method`. */
  noCard: "client_01hzx4b8c0d3e6f9g2h5j8k1m4",
} as const;

/**
 * Demo keys seeded in every Hostup simulator; the server uses `full` by default in simulated mode.
 * Every key is a Bearer token of one client; what it may do follows from its scopes.
 */
export const HOSTUP_DEMO_KEYS = {
  /** Main client; read:account write:account read:billing write:billing: can do everything. */
  full: "hostup_demo_full_7c41e9a2d0b35f68",
  /** Main client; read:account write:account: patches account fields, 403 on billing fields. */
  accountOnly: "hostup_demo_account_only_3b8d51c7",
  /** Main client; read:account: reads only, every PATCH is 403. */
  readOnly: "hostup_demo_read_only_5f2a90e4",
  /** Main client; read:account write:billing: patches billing fields, 403 on account fields. */
  billingOnly: "hostup_demo_billing_only_9e1c62f3",
  /** Main client; read:billing only: even reading preferences is 403. */
  noAccountScope: "hostup_demo_no_account_scope_2d7b4a18",
  /** Second client (no saved card); all four scopes. */
  noCard: "hostup_demo_full_nocard_6a0e83b5",
} as const;

/** The scopes of {@link HOSTUP_DEMO_KEYS.full}. */
export const HOSTUP_ALL_SCOPES = ["read:account", "write:account", "read:billing", "write:billing"];

/** An API key: the client it belongs to and its scopes. */
export interface HostupSimKey {
  clientId: string;
  scopes: string[];
}

/** Preferences as stored; derived fields (statuses, labels, canToggle) are computed on read. */
export interface HostupSimPreferences {
  localization: { languageCode: "sv" | "en"; timezone: string };
  notifications: {
    emailEnabled: boolean;
    smsEnabled: boolean;
    delivery: { overrideEnabled: boolean; enabledEmails: HostupEmailCategory[] };
  };
  security: { bankIdOnlyLogin: boolean; twoFactorEnabled: boolean };
  billing: {
    peppol: { optedOut: boolean; optOutReason: string | null; optedOutAt: string | null };
    /** `billing.cardAutoCharge.configured`, the only writable auto-charge field. */
    cardAutoChargeConfigured: boolean;
    /** `billing.separateInvoices.enabled`. */
    separateInvoices: boolean;
  };
  categories: Record<string, Record<string, string | boolean>>;
}

/** The profile fields of `GET /api/v2/me` (its `languageCode` comes from the preferences). */
export interface HostupSimProfile {
  firstName: string;
  lastName: string;
  email: string;
  companyName: string | null;
  countryCode: string;
  currencyCode: string;
  phoneNumber: string;
  accountType: "private" | "organisation";
  vatNumber: string | null;
  invoiceReference: string | null;
  address: { street: string; city: string; postalCode: string; countryCode: string };
}

/** One Hostup client (account). Tests may change any field between requests. */
export interface HostupSimClient {
  id: string;
  profile: HostupSimProfile;
  preferences: HostupSimPreferences;
  /** Whether the client has a saved card; drives `cardAutoCharge.status` and `hasPaymentMethod`. */
  cardSaved: boolean;
  /** Invoice CC recipients; billing email delivery can be toggled only once there is one. */
  billingRecipients: string[];
}

/** Customer-facing sentence reported as `billing.peppol.optOutReason` while opted out. [I] */
export const HOSTUP_PEPPOL_OPT_OUT_REASON =
  "You opted out of Peppol e-invoicing, so invoices are sent by email instead.";

/** In-memory Hostup state: keys by plaintext, clients by id, and the optional rate limit. */
export class HostupSimState {
  readonly keys = new Map<string, HostupSimKey>();
  readonly clients = new Map<string, HostupSimClient>();
  /** Fixed-window limit per API key; off (undefined) by default. */
  rateLimit: { limit: number; windowMs: number } | undefined = undefined;
  /** The clock of the rate-limit windows (tests move it instead of sleeping). */
  now: () => number = Date.now;
  /** Current window per API key while {@link rateLimit} is on. */
  readonly rateWindows = new Map<string, { startedAt: number; count: number }>();

  constructor() {
    this.seed();
  }

  /** Restore the demo data (keys and clients) and turn rate limiting off. */
  seed(): void {
    this.keys.clear();
    this.clients.clear();
    this.rateLimit = undefined;
    this.rateWindows.clear();
    const k = HOSTUP_DEMO_KEYS;
    const main = HOSTUP_DEMO_CLIENTS.main;
    this.keys.set(k.full, { clientId: main, scopes: [...HOSTUP_ALL_SCOPES] });
    this.keys.set(k.accountOnly, { clientId: main, scopes: ["read:account", "write:account"] });
    this.keys.set(k.readOnly, { clientId: main, scopes: ["read:account"] });
    this.keys.set(k.billingOnly, { clientId: main, scopes: ["read:account", "write:billing"] });
    this.keys.set(k.noAccountScope, { clientId: main, scopes: ["read:billing"] });
    const second = HOSTUP_DEMO_CLIENTS.noCard;
    this.keys.set(k.noCard, { clientId: second, scopes: [...HOSTUP_ALL_SCOPES] });

    // The main client reads exactly like the 200 example of the PATCH preferences page.
    this.clients.set(main, {
      id: main,
      profile: {
        firstName: "Astrid",
        lastName: "Lindqvist",
        email: "astrid@example.se",
        companyName: null,
        countryCode: "SE",
        currencyCode: "SEK",
        phoneNumber: "+46701234567",
        accountType: "private",
        vatNumber: null,
        invoiceReference: null,
        address: {
          street: "Drottninggatan 12",
          city: "Stockholm",
          postalCode: "111 51",
          countryCode: "SE",
        },
      },
      preferences: {
        localization: { languageCode: "en", timezone: "Europe/Stockholm" },
        notifications: {
          emailEnabled: true,
          smsEnabled: false,
          delivery: { overrideEnabled: true, enabledEmails: [...HOSTUP_EMAIL_CATEGORIES] },
        },
        security: { bankIdOnlyLogin: false, twoFactorEnabled: true },
        billing: {
          peppol: { optedOut: false, optOutReason: null, optedOutAt: null },
          cardAutoChargeConfigured: true,
          separateInvoices: false,
        },
        categories: { general: {}, ui: {}, notifications: {}, billing: {}, dashboard: {} },
      },
      cardSaved: true,
      billingRecipients: [],
    });
    this.clients.set(second, {
      id: second,
      profile: {
        firstName: "Nils",
        lastName: "Berg",
        email: "nils@bergbyra.example.se",
        companyName: "Bergs Byrå AB",
        countryCode: "SE",
        currencyCode: "SEK",
        phoneNumber: "+46731112233",
        accountType: "organisation",
        vatNumber: "SE556123456701",
        invoiceReference: "Nils Berg",
        address: {
          street: "Kungsgatan 3",
          city: "Göteborg",
          postalCode: "411 19",
          countryCode: "SE",
        },
      },
      preferences: {
        localization: { languageCode: "sv", timezone: "Europe/Stockholm" },
        notifications: {
          emailEnabled: true,
          smsEnabled: true,
          delivery: { overrideEnabled: false, enabledEmails: [...HOSTUP_EMAIL_CATEGORIES] },
        },
        security: { bankIdOnlyLogin: true, twoFactorEnabled: false },
        billing: {
          peppol: {
            optedOut: true,
            optOutReason: HOSTUP_PEPPOL_OPT_OUT_REASON,
            optedOutAt: "2026-03-02T08:15:00.000Z",
          },
          cardAutoChargeConfigured: true,
          separateInvoices: true,
        },
        categories: {
          general: {},
          ui: { theme: "dark", compactTables: true },
          notifications: {},
          billing: {},
          dashboard: { defaultView: "services" },
        },
      },
      cardSaved: false,
      billingRecipients: ["ekonomi@bergbyra.example.se"],
    });
  }
}

const NO_RECIPIENT_REASON =
  "Add a billing notification recipient before changing billing email delivery.";

const NO_CARD_REASON = "Save a card to activate automatic card payments.";

const canToggle = (allowed: boolean, reason: string | null) => ({ canToggle: { allowed, reason } });

/** `cardAutoCharge.status`: `needs_payment_method` is documented; `active`, `disabled` are [I]. */
export function cardAutoChargeStatus(client: HostupSimClient): string {
  if (!client.preferences.billing.cardAutoChargeConfigured) return "disabled";
  return client.cardSaved ? "active" : "needs_payment_method";
}

/** The preferences object answered by GET and PATCH `/api/v2/me/preferences` (no envelope). */
export function preferencesView(client: HostupSimClient) {
  const p = client.preferences;
  const { overrideEnabled, enabledEmails } = p.notifications.delivery;
  // overrideEnabled false means Hostup's defaults: every category is delivered.
  const effectiveEmails = overrideEnabled ? [...enabledEmails] : [...HOSTUP_EMAIL_CATEGORIES];
  const hasRecipient = client.billingRecipients.length > 0;
  const status = cardAutoChargeStatus(client);
  const categories: Record<string, Record<string, string | boolean>> = {
    general: {},
    ui: {},
    notifications: {},
    billing: {},
    dashboard: {},
  };
  for (const [name, values] of Object.entries(p.categories)) categories[name] = { ...values };
  return {
    localization: { ...p.localization },
    notifications: {
      emailEnabled: p.notifications.emailEnabled,
      smsEnabled: p.notifications.smsEnabled,
      delivery: {
        overrideEnabled,
        enabledEmails: effectiveEmails,
        // [I] the example's canToggle reason suggests the toggle depends on a CC recipient.
        billing: {
          enabled: effectiveEmails.includes("notify_billing"),
          actions: hasRecipient ? canToggle(true, null) : canToggle(false, NO_RECIPIENT_REASON),
        },
      },
    },
    security: { ...p.security },
    billing: {
      peppol: { ...p.billing.peppol },
      cardAutoCharge: {
        enabled: status === "active",
        label: "Card auto-charge",
        description: "Automatically charge the saved card when invoices are due.",
        // [I] a customer-facing reason only while auto-charge is configured but not effective.
        reason: status === "needs_payment_method" ? NO_CARD_REASON : null,
        actions: canToggle(true, null),
        method: "card",
        status,
        configured: p.billing.cardAutoChargeConfigured,
        hasPaymentMethod: client.cardSaved,
      },
      separateInvoices: {
        enabled: p.billing.separateInvoices,
        label: "Separate service invoices",
        description: "Create separate invoices for services instead of grouping them together.",
        reason: null,
        actions: canToggle(true, null),
      },
    },
    categories,
  };
}

/** The AccountMe object answered by `GET /api/v2/me`. */
export function accountMeView(client: HostupSimClient) {
  const { profile } = client;
  return {
    id: client.id,
    name: `${profile.firstName} ${profile.lastName}`,
    email: profile.email,
    firstName: profile.firstName,
    lastName: profile.lastName,
    companyName: profile.companyName,
    countryCode: profile.countryCode,
    // [I] one stored language per client, so a preferences PATCH shows here too.
    languageCode: client.preferences.localization.languageCode,
    currencyCode: profile.currencyCode,
    phoneNumber: profile.phoneNumber,
    accountType: profile.accountType,
    vatNumber: profile.vatNumber,
    invoiceReference: profile.invoiceReference,
    address: { ...profile.address },
  };
}

/** A PATCH `/api/v2/me/preferences` body that already passed validation. */
export interface HostupPreferencesPatch {
  localization?: { languageCode?: "sv" | "en"; timezone?: string };
  notifications?: {
    emailEnabled?: boolean;
    smsEnabled?: boolean;
    delivery?: { overrideEnabled?: boolean; enabledEmails?: HostupEmailCategory[] };
  };
  security?: { bankIdOnlyLogin?: boolean };
  billing?: {
    peppol?: { optedOut: boolean };
    cardAutoCharge?: { configured: boolean };
    separateInvoices?: { enabled: boolean };
  };
  categories?: Record<string, Record<string, string | boolean>>;
}

/** Deep-merge a validated patch into the client's stored preferences. */
export function applyPreferencesPatch(
  client: HostupSimClient,
  patch: HostupPreferencesPatch,
  now = new Date(),
): void {
  const p = client.preferences;
  Object.assign(p.localization, patch.localization);
  const { delivery, ...notifications } = patch.notifications ?? {};
  Object.assign(p.notifications, notifications);
  if (delivery) {
    const stored = p.notifications.delivery;
    stored.overrideEnabled = delivery.overrideEnabled ?? stored.overrideEnabled;
    // Returning to defaults forgets the allow-list, so a later override starts from "all".
    if (!stored.overrideEnabled) stored.enabledEmails = [...HOSTUP_EMAIL_CATEGORIES];
    else if (delivery.enabledEmails) stored.enabledEmails = [...new Set(delivery.enabledEmails)];
  }
  Object.assign(p.security, patch.security);
  const billing = patch.billing ?? {};
  // [I] repeating an opt-out keeps the original optedOutAt.
  if (billing.peppol?.optedOut === true && !p.billing.peppol.optedOut) {
    p.billing.peppol = {
      optedOut: true,
      optOutReason: HOSTUP_PEPPOL_OPT_OUT_REASON,
      optedOutAt: now.toISOString(),
    };
  } else if (billing.peppol?.optedOut === false) {
    p.billing.peppol = { optedOut: false, optOutReason: null, optedOutAt: null };
  }
  if (billing.cardAutoCharge) {
    p.billing.cardAutoChargeConfigured = billing.cardAutoCharge.configured;
  }
  if (billing.separateInvoices) p.billing.separateInvoices = billing.separateInvoices.enabled;
  for (const [name, values] of Object.entries(patch.categories ?? {})) {
    p.categories[name] = { ...p.categories[name], ...values };
  }
}
