import { ValidateBy, type ValidationOptions } from "class-validator";

// Node's list holds canonical zones only, without "UTC" itself.
const TIME_ZONES = new Set([...Intl.supportedValuesOf("timeZone"), "UTC"]);

/** The invoice-notification categories Hostup's `enabledEmails` may list. */
export const HOSTUP_EMAIL_CATEGORIES: readonly string[] = [
  "notify_billing",
  "notify_support",
  "notify_services",
  "notify_domains",
];

/** {@link HOSTUP_EMAIL_CATEGORIES} as descriptions write them: `notify_billing`, `notify_support`, ... */
export const HOSTUP_EMAIL_CATEGORIES_TEXT = HOSTUP_EMAIL_CATEGORIES.map(name => `\`${name}\``).join(", ");

/**
 * Bounds of `categories`, a free-form object forwarded to Hostup as is: a dashboard's settings,
 * not a store. Its depth is fixed by the rules of `patch-preferences.validation.ts` (category →
 * setting → string or boolean), which apply these bounds; the input's description states them.
 */
export const CATEGORY_LIMITS = {
  categories: 50,
  /** Settings over all categories. */
  settings: 200,
  /** Characters of a category name or setting key. */
  keyLength: 100,
  /** Characters of a string value. */
  valueLength: 1000,
  /** Bytes of the whole object as JSON. */
  bytes: 32 * 1024,
} as const;

/** A canonical IANA time zone name (`Intl.supportedValuesOf("timeZone")`) or `UTC`. */
export function IsIanaTimeZone(options?: ValidationOptions) {
  return ValidateBy(
    {
      name: "isIanaTimeZone",
      validator: {
        validate: (value: unknown) => typeof value === "string" && TIME_ZONES.has(value),
        defaultMessage: () => "must be an IANA time zone name such as Europe/Stockholm or UTC",
      },
    },
    options,
  );
}

/** Only allowed while the sibling `overrideEnabled` is true (an allow-list means nothing else). */
export function OnlyWithOverride(options?: ValidationOptions) {
  return ValidateBy(
    {
      name: "onlyWithOverride",
      validator: {
        validate: (_value: unknown, args) =>
          (args?.object as { overrideEnabled?: unknown }).overrideEnabled === true,
        defaultMessage: () =>
          "can only be given with overrideEnabled: true (false returns to Hostup's defaults)",
      },
    },
    options,
  );
}
