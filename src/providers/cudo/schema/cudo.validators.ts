import { ValidateBy, type ValidationArguments, type ValidationOptions } from "class-validator";
import { canonicalDecimal, Money } from "../../../scalars/index.js";

// Made on first use: building it pages in about 4 MB of ICU's data, which a server that never
// validates a Cudo address need not hold.
let regionNames: Intl.DisplayNames | undefined;
// Codes ICU names that ISO 3166-1 does not assign: exceptionally reserved (AC, CP, CQ, DG, EA,
// IC, TA), groupings (EU, EZ, QO, UN) and pseudo or unknown regions (XA, XB, ZZ). Deprecated
// codes (UK, SU, YU...) are caught by canonicalisation below.
const NOT_ISO = new Set(["AC", "CP", "CQ", "DG", "EA", "EU", "EZ", "IC", "QO", "TA", "UN"]);
// User-assigned ranges; XK (Kosovo) is the one such code in common use (Stripe, CLDR, the EU).
const USER_ASSIGNED = /^(AA|Q[M-Z]|X[A-JL-Z]|ZZ)$/;

/**
 * True for an officially assigned ISO 3166-1 alpha-2 code (upper case), plus `XK` (Kosovo).
 * `Intl.DisplayNames` alone also names reserved, deprecated and pseudo codes ("ZZ", "UK", "EU").
 */
export function isCountryCode(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code) || USER_ASSIGNED.test(code) || NOT_ISO.has(code)) return false;
  regionNames ??= new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });
  if (regionNames.of(code) === undefined) return false;
  return new Intl.Locale(`und-${code}`).region === code;
}

/** A country code (any case) that {@link isCountryCode} accepts once upper-cased, or blank. */
export function IsCountryCode(options?: ValidationOptions) {
  return ValidateBy(
    {
      name: "isCountryCode",
      validator: {
        // Blank means "no country" (cleared), like the other address parts.
        validate: (value: unknown) =>
          typeof value === "string" &&
          (value.trim() === "" || isCountryCode(value.trim().toUpperCase())),
        defaultMessage: () => 'must be an ISO 3166-1 alpha-2 country code such as "SE" or "US"',
      },
    },
    options,
  );
}

const decimal = (value: unknown) =>
  typeof value === "string" && canonicalDecimal(value) !== undefined ? new Money(value) : undefined;

/** A Decimal (canonical string) that is at least `min`, compared exactly. */
export function DecimalAtLeast(min: string, options?: ValidationOptions) {
  return ValidateBy(
    {
      name: "decimalAtLeast",
      constraints: [min],
      validator: {
        validate: (value: unknown) => decimal(value)?.gte(min) ?? false,
        defaultMessage: () => `must be at least ${min}`,
      },
    },
    options,
  );
}

/**
 * A Decimal that is not below the Decimal in `property` of the same object, compared exactly.
 * Passes when the other value is missing or invalid: its own validators report that.
 */
export function DecimalNotBelow(property: string, options?: ValidationOptions) {
  return ValidateBy(
    {
      name: "decimalNotBelow",
      constraints: [property],
      validator: {
        validate: (value: unknown, args?: ValidationArguments) => {
          const other = decimal((args?.object as Record<string, unknown> | undefined)?.[property]);
          const self = decimal(value);
          return self !== undefined && (other === undefined || self.gte(other));
        },
        defaultMessage: (args?: ValidationArguments) => {
          const other = (args?.object as Record<string, unknown> | undefined)?.[property];
          return `must be at least ${property} (${String(other)})`;
        },
      },
    },
    options,
  );
}
