import { Decimal } from "decimal.js";

/**
 * decimal.js configured for money: no rounding at the precision we use, and `toFixed()` for
 * output so results are never in exponent notation.
 */
export const Money = Decimal.clone({ precision: 200, rounding: Decimal.ROUND_HALF_EVEN });

const DECIMAL_SYNTAX = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;
/** Longest plain-notation decimal we accept (guards against `1e1000000`). */
export const MAX_DECIMAL_LENGTH = 200;

/**
 * Canonical text of an exact decimal: plain notation (no exponent), no leading zeros, no `+`,
 * scale preserved (`"9.955000"` stays, `"2.5e8"` → `"250000000"`, `"0001.10"` → `"1.10"`,
 * `".5"` → `"0.5"`, `"-0"` → `"0"`). Returns undefined for anything that is not a finite decimal.
 */
export function canonicalDecimal(text: string): string | undefined {
  const match = DECIMAL_SYNTAX.exec(text);
  if (!match) return undefined;
  const [, sign = "", intPart = "", fracPart = "", expPart] = match;
  if (intPart === "" && fracPart === "") return undefined;
  const exponent = expPart === undefined ? 0 : Number(expPart);
  if (!Number.isSafeInteger(exponent) || Math.abs(exponent) > MAX_DECIMAL_LENGTH) return undefined;

  // Move the decimal point by the exponent over the digit string.
  const digits = intPart + fracPart;
  let point = intPart.length + exponent;
  const scale = Math.max(0, fracPart.length - exponent);
  let padded = digits;
  if (point < 0) {
    padded = "0".repeat(-point) + padded;
    point = 0;
  }
  if (point > padded.length) padded = padded + "0".repeat(point - padded.length);
  const whole = padded.slice(0, point).replace(/^0+/, "") || "0";
  const fraction = padded.slice(point, point + scale);
  const result = fraction.length > 0 ? `${whole}.${fraction}` : whole;
  if (result.length > MAX_DECIMAL_LENGTH) return undefined;
  const isZero = /^[0.]*$/.test(result);
  return sign === "-" && !isZero ? `-${result}` : result;
}
