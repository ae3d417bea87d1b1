import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from "graphql";
import { ErrorCode } from "../errors/codes.js";

const ISO_8601 =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?([Zz]|[+-]\d{2}(?::?\d{2})?)$/;

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : DAYS[month - 1]!;
}

/**
 * Parse an ISO 8601 / RFC 3339 timestamp with a UTC offset (`Z` or `±hh:mm`). Fractions beyond
 * milliseconds (a provider's microseconds) are truncated. Undefined for anything else, including
 * impossible dates such as February 30 and timestamps without an offset.
 */
export function parseIsoTimestamp(text: string): Date | undefined {
  const utc = readUtc(text);
  if (utc !== NOT_UTC) return utc;
  const m = ISO_8601.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s = "00", frac = "", offset = "Z"] = m;
  let offsetMinutes = 0;
  if (offset.toUpperCase() !== "Z") {
    const digits = offset.slice(1).replace(":", "");
    const hours = Number(digits.slice(0, 2));
    const minutes = Number(digits.slice(2) || "0");
    if (hours > 23 || minutes > 59) return undefined;
    offsetMinutes = (offset[0] === "-" ? -1 : 1) * (hours * 60 + minutes);
  }
  const ms = Number((frac + "000").slice(0, 3));
  return toDate(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s), ms, offsetMinutes);
}

const NOT_UTC = null;

// Providers write their timestamps as `toISOString` does (`2026-05-09T12:00:00.000Z`): that shape
// is read digit by digit, without the regexp's match array and its nine strings. NOT_UTC for any
// other shape, which the regexp then reads.
function readUtc(text: string): Date | undefined | typeof NOT_UTC {
  const n = text.length;
  const z = text.charCodeAt(n - 1);
  if (n < 20 || (z !== 90 && z !== 122)) return NOT_UTC; // Z, z
  const t = text.charCodeAt(10);
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || (t !== 84 && t !== 116 && t !== 32)) return NOT_UTC;
  if (text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return NOT_UTC; // -, T t space, :
  let ms = 0;
  if (n > 20) {
    const dot = text.charCodeAt(19);
    if (n === 21 || (dot !== 46 && dot !== 44)) return NOT_UTC; // . ,
    for (let i = 20; i < n - 1; i++) {
      const digit = text.charCodeAt(i) - 48;
      if (digit < 0 || digit > 9) return NOT_UTC;
      if (i < 23) ms += digit * (i === 20 ? 100 : i === 21 ? 10 : 1);
    }
  }
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  const hours = digitsAt(text, 11, 2);
  const minutes = digitsAt(text, 14, 2);
  const seconds = digitsAt(text, 17, 2);
  if ((year | month | day | hours | minutes | seconds) < 0) return NOT_UTC;
  return toDate(year, month, day, hours, minutes, seconds, ms, 0);
}

// The decimal number of `count` digits at `from`; -1 when one is not a digit.
function digitsAt(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

// The instant, when each part is within its range and the day within its month (February 29 in
// leap years only). Years below 100 are refused: Date.UTC would read them as 19xx.
function toDate(year: number, month: number, day: number, hours: number, minutes: number, seconds: number, ms: number, offsetMinutes: number): Date | undefined {
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hours > 23 || minutes > 59 || seconds > 59) return undefined;
  return new Date(Date.UTC(year, month - 1, day, hours, minutes, seconds, ms) - offsetMinutes * 60_000);
}

const invalid = (shown: string) =>
  new GraphQLError(
    `DateTime must be an ISO 8601 timestamp with an offset, e.g. "2026-05-09T12:00:00Z": ${shown}`,
    { extensions: { code: ErrorCode.BAD_USER_INPUT, invalidScalar: "DateTime" } },
  );

function fromInput(value: unknown): Date {
  if (typeof value !== "string") throw invalid(typeof value);
  const date = parseIsoTimestamp(value);
  if (!date) throw invalid(JSON.stringify(value).slice(0, 60));
  return date;
}

/** `DateTime`: ISO 8601 in UTC with milliseconds on output (`toISOString()`); inputs need an offset. */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: "DateTime",
  description:
    'ISO 8601 timestamp in UTC, e.g. "2026-05-09T12:00:00.000Z". Inputs may use any UTC offset ' +
    '("2026-05-09T14:00:00+02:00") and are normalised to UTC; sub-millisecond digits are truncated.',
  serialize(value) {
    if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
    throw new GraphQLError("The provider sent a timestamp that is not a valid date", {
      extensions: { code: ErrorCode.UPSTREAM_ERROR },
    });
  },
  parseValue: fromInput,
  parseLiteral(ast: ValueNode) {
    if (ast.kind !== Kind.STRING) throw invalid(ast.kind);
    return fromInput(ast.value);
  },
});
