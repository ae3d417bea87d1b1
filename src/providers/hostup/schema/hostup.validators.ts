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
