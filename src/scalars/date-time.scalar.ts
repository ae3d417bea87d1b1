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
  const m = ISO_8601.exec(text);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s = "00", frac = "", offset = "Z"] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  // Each part within its range, the day within its month (February 29 in leap years only).
  // Years below 100 are refused: Date.UTC would read them as 19xx.
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return undefined;
  const ms = Number((frac + "000").slice(0, 3));
  const local = Date.UTC(year, month - 1, day, Number(h), Number(mi), Number(s), ms);
  let offsetMinutes = 0;
  if (offset.toUpperCase() !== "Z") {
    const digits = offset.slice(1).replace(":", "");
    const hours = Number(digits.slice(0, 2));
    const minutes = Number(digits.slice(2) || "0");
    if (hours > 23 || minutes > 59) return undefined;
    offsetMinutes = (offset[0] === "-" ? -1 : 1) * (hours * 60 + minutes);
  }
  return new Date(local - offsetMinutes * 60_000);
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
