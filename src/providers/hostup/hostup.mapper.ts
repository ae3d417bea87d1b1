import { HostupAccount } from "./schema/hostup-account.type.js";
import {
  HostupBillingEmailDelivery,
} from "./schema/hostup-billing-email-delivery.type.js";
import { HostupBilling } from "./schema/hostup-billing.type.js";
import { HostupCanToggle } from "./schema/hostup-can-toggle.type.js";
import {
  HostupCardAutoChargeStatus,
} from "./schema/hostup-card-auto-charge-status.enum.js";
import { HostupCardAutoCharge } from "./schema/hostup-card-auto-charge.type.js";
import { HostupLanguage } from "./schema/hostup-language.enum.js";
import { HostupLocalization } from "./schema/hostup-localization.type.js";
import {
  HostupNotificationDelivery,
} from "./schema/hostup-notification-delivery.type.js";
import { HostupNotifications } from "./schema/hostup-notifications.type.js";
import { HostupPeppol } from "./schema/hostup-peppol.type.js";
import { HostupSecurity } from "./schema/hostup-security.type.js";
import { HostupSeparateInvoices } from "./schema/hostup-separate-invoices.type.js";
import { type PatchPreferencesInput } from "./schema/patch-preferences.input.js";
import { upstreamError } from "../../errors/upstream-error.js";
import { parseIsoTimestamp } from "../../scalars/index.js";
import { HOSTUP } from "./hostup.facts.js";
import { assignFields, kindOf, type Unreadable, unreadableValue } from "../../errors/unreadable-field.js";
import {
  type HostupActionsDto,
  type HostupCardAutoChargeDto,
  type HostupMeDto,
  type HostupPreferencesDto,
  type HostupPreferencesPatchBody,
  type HostupToggleDto,
} from "./hostup.dto.js";

const LANGUAGE_FROM_WIRE: Record<string, HostupLanguage> = {
  sv: HostupLanguage.SV,
  en: HostupLanguage.EN,
};
const LANGUAGE_TO_WIRE = { [HostupLanguage.SV]: "sv", [HostupLanguage.EN]: "en" } as const;

const STATUS_FROM_WIRE: Record<string, HostupCardAutoChargeStatus> = {
  active: HostupCardAutoChargeStatus.ACTIVE,
  needs_payment_method: HostupCardAutoChargeStatus.NEEDS_PAYMENT_METHOD,
  disabled: HostupCardAutoChargeStatus.DISABLED,
};

const unreadable = (reason: string) =>
  upstreamError(HOSTUP, { kind: "unreadable", status: 200, reason });

type Json = Record<string, unknown>;

/** A present object member, or undefined when Hostup left it out or sent null. */
function object(value: unknown, path: string): Json | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "object" || Array.isArray(value)) {
    throw unreadable(`${path} is not an object`);
  }
  return value as Json;
}

function boolean(value: unknown, path: string): boolean {
  if (typeof value !== "boolean") throw unreadable(`${path} is not a boolean`);
  return value;
}

function string(value: unknown, path: string): string {
  if (typeof value !== "string") throw unreadable(`${path} is not a string`);
  return value;
}

/** Optional texts: absent → null; present but not a string → an error at that field. */
const text = (value: unknown, path: string): string | null | Unreadable =>
  value == null
    ? null
    : typeof value === "string"
      ? value
      : unreadableValue(HOSTUP, path, `is ${kindOf(value)}, not text`);

/** `optedOutAt`: absent → null; anything but an ISO 8601 string → an error at that field. */
const timestamp = (value: unknown, path: string): Date | null | Unreadable => {
  if (value == null || value === "") return null;
  const date = typeof value === "string" ? parseIsoTimestamp(value) : undefined;
  return date ?? unreadableValue(HOSTUP, path, "is not an ISO 8601 timestamp");
};

function canToggle(
  actions: HostupActionsDto | null | undefined,
  path: string,
): HostupCanToggle | null {
  const dto = object(object(actions, `${path}.actions`)?.canToggle, `${path}.actions.canToggle`);
  if (!dto) return null;
  return assignFields(new HostupCanToggle(), {
    allowed: boolean(dto.allowed, `${path}.actions.canToggle.allowed`),
    reason: text(dto.reason, `${path}.actions.canToggle.reason`),
  });
}

/** The fields every billing switch shares (the `HostupBillingToggle` interface). */
function toggle(dto: HostupToggleDto, path: string) {
  return {
    enabled: boolean(dto.enabled, `${path}.enabled`),
    label: text(dto.label, `${path}.label`),
    description: text(dto.description, `${path}.description`),
    reason: text(dto.reason, `${path}.reason`),
    canToggle: canToggle(dto.actions, path),
  };
}

function localization(dto: Json | undefined): HostupLocalization | null {
  if (!dto) return null;
  const code = string(dto.languageCode, "localization.languageCode");
  const languageCode = LANGUAGE_FROM_WIRE[code];
  if (!languageCode) throw unreadable(`unknown localization.languageCode "${code.slice(0, 20)}"`);
  return Object.assign(new HostupLocalization(), {
    languageCode,
    timezone: string(dto.timezone, "localization.timezone"),
  });
}

function delivery(dto: Json | undefined): HostupNotificationDelivery | null {
  if (!dto) return null;
  const emails = dto.enabledEmails;
  if (emails != null && (!Array.isArray(emails) || emails.some(e => typeof e !== "string"))) {
    throw unreadable("notifications.delivery.enabledEmails is not a list of strings");
  }
  const billing = object(dto.billing, "notifications.delivery.billing");
  return Object.assign(new HostupNotificationDelivery(), {
    overrideEnabled: boolean(dto.overrideEnabled, "notifications.delivery.overrideEnabled"),
    enabledEmails: (emails as string[] | null | undefined) ?? null,
    billing: billing
      ? Object.assign(new HostupBillingEmailDelivery(), {
          enabled: boolean(billing.enabled, "notifications.delivery.billing.enabled"),
          canToggle: canToggle(
            billing.actions as HostupActionsDto,
            "notifications.delivery.billing",
          ),
        })
      : null,
  });
}

function notifications(dto: Json | undefined): HostupNotifications | null {
  if (!dto) return null;
  return Object.assign(new HostupNotifications(), {
    emailEnabled: boolean(dto.emailEnabled, "notifications.emailEnabled"),
    smsEnabled: boolean(dto.smsEnabled, "notifications.smsEnabled"),
    delivery: delivery(object(dto.delivery, "notifications.delivery")),
  });
}

function security(dto: Json | undefined): HostupSecurity | null {
  if (!dto) return null;
  return Object.assign(new HostupSecurity(), {
    bankIdOnlyLogin: boolean(dto.bankIdOnlyLogin, "security.bankIdOnlyLogin"),
    twoFactorEnabled: boolean(dto.twoFactorEnabled, "security.twoFactorEnabled"),
  });
}

function cardAutoCharge(dto: HostupCardAutoChargeDto | undefined): HostupCardAutoCharge | null {
  if (!dto) return null;
  const path = "billing.cardAutoCharge";
  return assignFields(new HostupCardAutoCharge(), {
    ...toggle(dto, path),
    configured: boolean(dto.configured, `${path}.configured`),
    // Hostup documents one status value; one it adds later must not fail the whole account.
    status:
      (typeof dto.status === "string" && STATUS_FROM_WIRE[dto.status]) ||
      HostupCardAutoChargeStatus.UNKNOWN,
    hasPaymentMethod: boolean(dto.hasPaymentMethod, `${path}.hasPaymentMethod`),
    method: text(dto.method, `${path}.method`),
  });
}

function billing(dto: Json | undefined): HostupBilling | null {
  if (!dto) return null;
  const peppol = object(dto.peppol, "billing.peppol");
  if (!peppol) throw unreadable("no billing.peppol");
  const invoices = object(dto.separateInvoices, "billing.separateInvoices");
  return Object.assign(new HostupBilling(), {
    peppol: assignFields(new HostupPeppol(), {
      optedOut: boolean(peppol.optedOut, "billing.peppol.optedOut"),
      optOutReason: text(peppol.optOutReason, "billing.peppol.optOutReason"),
      optedOutAt: timestamp(peppol.optedOutAt, "billing.peppol.optedOutAt"),
    }),
    cardAutoCharge: cardAutoCharge(object(dto.cardAutoCharge, "billing.cardAutoCharge")),
    separateInvoices: invoices
      ? assignFields(new HostupSeparateInvoices(), toggle(invoices, "billing.separateInvoices"))
      : null,
  });
}

const SECTIONS = ["localization", "notifications", "security", "billing", "categories"];

/**
 * Hostup preferences (GET or PATCH answer) → `HostupAccount`, without `id` (that comes from
 * `GET /api/v2/me`, see {@link toHostupAccountId}). Missing top-level objects read as null, but
 * an answer with none of them (a 200 `{}`) is not an account's preferences: unreadable. A state
 * field of the wrong type or an unknown language is an upstream error rather than a guess; a
 * display text or timestamp of the wrong type errors at its field; an unknown auto-charge status
 * reads as UNKNOWN.
 */
export function toHostupAccount(dto: HostupPreferencesDto | undefined): HostupAccount {
  const root = object(dto, "the preferences");
  if (!root) throw unreadable("no preferences object");
  if (!SECTIONS.some(section => root[section] != null)) throw unreadable("no preferences in the object");
  return Object.assign(new HostupAccount(), {
    provider: HOSTUP.id,
    localization: localization(object(root.localization, "localization")),
    notifications: notifications(object(root.notifications, "notifications")),
    security: security(object(root.security, "security")),
    billing: billing(object(root.billing, "billing")),
    categories: object(root.categories, "categories") ?? null,
  });
}

/** `GET /api/v2/me` → the account id (Hostup's client id, e.g. `client_01…`). */
export function toHostupAccountId(dto: HostupMeDto | undefined): string {
  const id = object(dto, "the account")?.id;
  if (typeof id !== "string" || !id) throw unreadable("no account id");
  return id;
}

/** Drop members that were not given, so the body carries exactly the caller's fields. */
function given<T extends object>(members: T): T {
  return Object.fromEntries(
    Object.entries(members).filter(([, value]) => value !== undefined && value !== null),
  ) as T;
}

/**
 * `patchPreferences` input (already validated: no nulls, no empty parts) → the PATCH body with
 * exactly the fields given, in Hostup's names.
 */
export function toHostupPatchBody(input: PatchPreferencesInput): HostupPreferencesPatchBody {
  const { localization, notifications, security, billing } = input;
  const delivery = notifications?.delivery;
  return given({
    localization:
      localization &&
      given({
        languageCode: localization.languageCode && LANGUAGE_TO_WIRE[localization.languageCode],
        timezone: localization.timezone,
      }),
    notifications:
      notifications &&
      given({
        emailEnabled: notifications.emailEnabled,
        smsEnabled: notifications.smsEnabled,
        delivery:
          delivery &&
          given({
            overrideEnabled: delivery.overrideEnabled,
            enabledEmails: delivery.enabledEmails,
          }),
      }),
    security: security && given({ bankIdOnlyLogin: security.bankIdOnlyLogin }),
    billing:
      billing &&
      given({
        peppol: billing.peppol && { optedOut: billing.peppol.optedOut },
        cardAutoCharge: billing.cardAutoCharge && { configured: billing.cardAutoCharge.configured },
        separateInvoices: billing.separateInvoices && { enabled: billing.separateInvoices.enabled },
      }),
    categories: input.categories as HostupPreferencesPatchBody["categories"],
  });
}
