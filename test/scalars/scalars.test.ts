import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { GraphQLError, Kind, type ValueNode } from "graphql";
import { canonicalDecimal } from "../../src/scalars/decimal-text.js";
import { DateTimeScalar, DecimalScalar, parseIsoTimestamp } from "../../src/scalars/index.js";

const literal = (kind: Kind.STRING | Kind.INT | Kind.FLOAT, value: string) => ({ kind, value }) as ValueNode;
const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as GraphQLError).extensions?.code;
  }
  return "no error";
};

describe("Decimal", () => {
  it.each([
    ["-0.5", "-0.5"],
    ["1e3", "1000"],
    ["2.5e8", "250000000"],
    ["2.5E8", "250000000"],
    ["0001.10", "1.10"],
    ["9.955000", "9.955000"],
    ["+2.5", "2.5"],
    [".5", "0.5"],
    ["5.", "5"],
    ["-0", "0"],
    ["-0.000", "0.000"],
    ["1.50e-3", "0.00150"],
    ["123456789012345678901234567890", "123456789012345678901234567890"],
    ["-12345678901234567890.1234567890", "-12345678901234567890.1234567890"],
    ["0.000000000000000000000000000001", "0.000000000000000000000000000001"],
  ])("parses %s as %s (string variable)", (input, expected) => {
    expect(DecimalScalar.parseValue(input)).toBe(expected);
    expect(canonicalDecimal(input)).toBe(expected);
  });

  it("parses string, integer and float literals exactly from their source text", () => {
    expect(DecimalScalar.parseLiteral(literal(Kind.STRING, "0001.10"))).toBe("1.10");
    expect(DecimalScalar.parseLiteral(literal(Kind.INT, "123456789012345678901234567890"))).toBe(
      "123456789012345678901234567890",
    );
    expect(DecimalScalar.parseLiteral(literal(Kind.FLOAT, "1e3"))).toBe("1000");
    expect(DecimalScalar.parseLiteral(literal(Kind.FLOAT, "0.1"))).toBe("0.1");
  });

  it("accepts safe integers from JSON variables and refuses floats that may have lost digits", () => {
    expect(DecimalScalar.parseValue(42)).toBe("42");
    expect(DecimalScalar.parseValue(-7)).toBe("-7");
    expect(codeOf(() => DecimalScalar.parseValue(0.1))).toBe("BAD_USER_INPUT");
    expect(codeOf(() => DecimalScalar.parseValue(2 ** 60))).toBe("BAD_USER_INPUT");
  });

  it.each([["NaN"], [""], ["Infinity"], ["-Infinity"], ["1,000"], [" 1"], ["0x10"], ["1e"], ["."], ["--1"], ["1.2.3"], ["1e100000"], ["abc"]])(
    "rejects %j with BAD_USER_INPUT",
    input => {
      expect(codeOf(() => DecimalScalar.parseValue(input))).toBe("BAD_USER_INPUT");
      expect(canonicalDecimal(input)).toBeUndefined();
    },
  );

  it("rejects non-numeric values and literals", () => {
    expect(codeOf(() => DecimalScalar.parseValue(Number.NaN))).toBe("BAD_USER_INPUT");
    expect(codeOf(() => DecimalScalar.parseValue(true))).toBe("BAD_USER_INPUT");
    expect(codeOf(() => DecimalScalar.parseValue(null))).toBe("BAD_USER_INPUT");
    expect(codeOf(() => DecimalScalar.parseLiteral({ kind: Kind.BOOLEAN, value: true } as ValueNode))).toBe("BAD_USER_INPUT");
  });

  it("serializes canonical strings as sent and refuses anything else", () => {
    expect(DecimalScalar.serialize("9.955000")).toBe("9.955000");
    expect(DecimalScalar.serialize("2.5e8")).toBe("250000000");
    expect(() => DecimalScalar.serialize(0.1)).toThrow(GraphQLError);
    expect(() => DecimalScalar.serialize("garbage")).toThrow(GraphQLError);
  });
});

describe("DateTime", () => {
  it("serializes with toISOString (UTC, milliseconds)", () => {
    expect(DateTimeScalar.serialize(new Date(Date.UTC(2026, 4, 9, 12)))).toBe("2026-05-09T12:00:00.000Z");
  });

  it.each([
    ["2026-05-09T12:00:00Z", "2026-05-09T12:00:00.000Z"],
    ["2026-05-09T14:00:00+02:00", "2026-05-09T12:00:00.000Z"],
    ["2026-05-09T07:30:00-04:30", "2026-05-09T12:00:00.000Z"],
    ["2026-05-09T12:00:00.123456Z", "2026-05-09T12:00:00.123Z"],
    ["2024-03-01T10:20:30.123456789+00:00", "2024-03-01T10:20:30.123Z"],
    ["2026-05-09T12:00Z", "2026-05-09T12:00:00.000Z"],
    ["2024-02-29T00:00:00Z", "2024-02-29T00:00:00.000Z"],
  ])("parses %s", (input, expected) => {
    expect((DateTimeScalar.parseValue(input) as Date).toISOString()).toBe(expected);
    expect(parseIsoTimestamp(input)?.toISOString()).toBe(expected);
  });

  it.each([["2026-05-09T12:00:00"], ["2026-05-09"], ["2026-02-30T00:00:00Z"], ["2023-02-29T00:00:00Z"], ["2026-05-09T25:00:00Z"], ["2026-05-09T12:00:00+25:00"], ["yesterday"], [""]])(
    "rejects %j with BAD_USER_INPUT",
    input => {
      expect(codeOf(() => DateTimeScalar.parseValue(input))).toBe("BAD_USER_INPUT");
    },
  );

  // Year, month, day, hour, minute, second, each a little past its range at both ends.
  const dateParts = [
    fc.integer({ min: 0, max: 9999 }),
    fc.integer({ min: 0, max: 13 }),
    fc.integer({ min: 0, max: 32 }),
    fc.integer({ min: 0, max: 25 }),
    fc.integer({ min: 0, max: 61 }),
    fc.integer({ min: 0, max: 61 }),
  ] as const;
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");

  it("accepts exactly the calendar's dates and times (against Date's own arithmetic)", () => {
    fc.assert(
      fc.property(
        ...dateParts,
        (y, mo, d, h, mi, s) => {
          const text = `${pad(y, 4)}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:${pad(s)}Z`;
          const date = new Date(0);
          date.setUTCFullYear(y, mo - 1, d);
          date.setUTCHours(h, mi, s, 0);
          const real =
            y >= 100 && date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d &&
            date.getUTCHours() === h && date.getUTCMinutes() === mi && date.getUTCSeconds() === s;
          expect(parseIsoTimestamp(text)?.toISOString()).toBe(real ? date.toISOString() : undefined);
        },
      ),
      { seed: 9, numRuns: 2000 },
    );
  });

  it("reads a UTC timestamp in toISOString's shape as it reads the same instant written with +00:00", () => {
    // The first goes digit by digit, the second through the regexp: both must agree, invalid dates included.
    fc.assert(
      fc.property(
        ...dateParts,
        fc.constantFrom("", ".", ",", ".1", ",12", ".123", ".1234567", ".12a"),
        fc.constantFrom("T", "t", " ", "x"),
        fc.constantFrom("Z", "z"),
        (y, mo, d, h, mi, s, fraction, separator, zone) => {
          const local = `${pad(y, 4)}-${pad(mo)}-${pad(d)}${separator}${pad(h)}:${pad(mi)}:${pad(s)}${fraction}`;
          expect(parseIsoTimestamp(local + zone)?.getTime()).toBe(parseIsoTimestamp(local + "+00:00")?.getTime());
        },
      ),
      { seed: 11, numRuns: 3000 },
    );
  });

  it("rejects non-strings and refuses to serialize an invalid date", () => {
    expect(codeOf(() => DateTimeScalar.parseValue(1715256000000))).toBe("BAD_USER_INPUT");
    expect(() => DateTimeScalar.serialize(new Date(Number.NaN))).toThrow(GraphQLError);
  });
});
