/**
 * Wire shapes of Hostup's v2 account endpoints, exactly as Hostup sends them (camelCase, no
 * success envelope). Fields the docs only show in examples are optional here: the mapper decides
 * what is required.
 */

/** `actions.canToggle`: whether the caller may flip a switch, and why not. */
export interface HostupCanToggleDto {
  allowed?: boolean;
  reason?: string | null;
}

/** `actions` of a switch in the preferences. */
export interface HostupActionsDto {
  canToggle?: HostupCanToggleDto | null;
}

/** A billing automation switch as the control panel shows it. */
export interface HostupToggleDto {
  enabled?: boolean;
  label?: string | null;
  description?: string | null;
  reason?: string | null;
  actions?: HostupActionsDto | null;
}

/** `billing.cardAutoCharge`: the switch plus the saved-card state behind it. */
export interface HostupCardAutoChargeDto extends HostupToggleDto {
  configured?: boolean;
  status?: string | null;
  hasPaymentMethod?: boolean;
  method?: string | null;
}

/** `GET` / `PATCH /api/v2/me/preferences` response (top-level objects are optional). */
export interface HostupPreferencesDto {
  localization?: { languageCode?: string; timezone?: string } | null;
  notifications?: {
    emailEnabled?: boolean;
    smsEnabled?: boolean;
    delivery?: {
      overrideEnabled?: boolean;
      enabledEmails?: string[] | null;
      billing?: { enabled?: boolean; actions?: HostupActionsDto | null } | null;
    } | null;
  } | null;
  security?: { bankIdOnlyLogin?: boolean; twoFactorEnabled?: boolean } | null;
  billing?: {
    peppol?: {
      optedOut?: boolean;
      optOutReason?: string | null;
      optedOutAt?: string | null;
    } | null;
    cardAutoCharge?: HostupCardAutoChargeDto | null;
    separateInvoices?: HostupToggleDto | null;
  } | null;
  categories?: Record<string, unknown> | null;
}

/** `GET /api/v2/me` response (AccountMe); only `id` is used here. */
export interface HostupMeDto {
  id?: string;
  name?: string;
  email?: string;
}

/** `PATCH /api/v2/me/preferences` body: only the members the caller sets. */
export interface HostupPreferencesPatchBody {
  localization?: { languageCode?: "sv" | "en"; timezone?: string };
  notifications?: {
    emailEnabled?: boolean;
    smsEnabled?: boolean;
    delivery?: { overrideEnabled: boolean; enabledEmails?: string[] };
  };
  security?: { bankIdOnlyLogin?: boolean };
  billing?: {
    peppol?: { optedOut: boolean };
    cardAutoCharge?: { configured: boolean };
    separateInvoices?: { enabled: boolean };
  };
  categories?: Record<string, Record<string, string | boolean>>;
}

/** A field error of a 400 `invalid_request` problem; `pointer` is a JSON Pointer into the body. */
export interface HostupProblemFieldDto {
  pointer?: string;
  detail?: string;
  code?: string;
}

/** Hostup's RFC 7807 problem document (every v2 error). */
export interface HostupProblemDto {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  instance?: string;
  requestId?: string;
  timestamp?: string;
  errors?: HostupProblemFieldDto[];
}
