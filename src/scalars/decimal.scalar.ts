import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from "graphql";
import { ErrorCode } from "../errors/codes.js";
import { canonicalDecimal } from "./decimal-text.js";

const invalid = (shown: string, why = "is not a finite decimal number") =>
  new GraphQLError(`Decimal ${why}: ${shown}. Send it as a string such as "1234.56".`, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, invalidScalar: "Decimal" },
  });

function fromString(text: string): string {
  const value = canonicalDecimal(text);
  if (value === undefined) throw invalid(JSON.stringify(text).slice(0, 60));
  return value;
}

function fromInput(value: unknown): string {
  if (typeof value === "string") return fromString(value);
  if (typeof value === "number") {
    // JSON floats have already lost exactness by the time we see them; integers have not.
    if (Number.isSafeInteger(value)) return String(value);
    throw invalid(String(value), "must be a string or an integer to stay exact");
  }
  throw invalid(typeof value, "must be a string or an integer");
}

/**
 * `Decimal`: an exact decimal number, a string on the wire. Internally the canonical
 * plain-notation text (see `canonicalDecimal`): scale kept, no float ever involved.
 */
export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: "Decimal",
  description:
    'Exact decimal number as a string, e.g. "1234.567891". Never a float. Output is plain notation ' +
    'with the scale the provider sent ("9.955000" stays "9.955000"); input accepts a string with an ' +
    'optional sign, fraction and exponent ("-0.5", "2.5e8") or an integer.',
  serialize(value) {
    if (typeof value === "string") {
      const text = canonicalDecimal(value);
      if (text !== undefined) return text;
    }
    throw new GraphQLError("Decimal cannot represent this value", {
      extensions: { code: ErrorCode.UPSTREAM_ERROR },
    });
  },
  parseValue: fromInput,
  parseLiteral(ast: ValueNode) {
    if (ast.kind === Kind.STRING) return fromString(ast.value);
    // The literal's source text is exact, so integer and float literals are safe to accept.
    if (ast.kind === Kind.INT || ast.kind === Kind.FLOAT) return fromString(ast.value);
    throw invalid(ast.kind, "must be a string or a number literal");
  },
});
