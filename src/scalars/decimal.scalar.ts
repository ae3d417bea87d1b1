import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from "graphql";
import { ErrorCode } from "../errors/codes.js";
import { canonicalDecimal, MAX_DECIMAL_LENGTH } from "./decimal-text.js";

// `node`: the literal, so formatError can name its input path (src/errors/input-path.ts).
const invalid = (shown: string, why = "is not a finite decimal number", node?: ValueNode) =>
  new GraphQLError(`Decimal ${why}: ${shown}. Send it as a string such as "1234.56".`, {
    nodes: node,
    extensions: { code: ErrorCode.BAD_USER_INPUT, invalidScalar: "Decimal" },
  });

// Decimal syntax (sign, digits, fraction, exponent) whatever its size.
const DECIMAL_LIKE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

function fromString(text: string, node?: ValueNode): string {
  const value = canonicalDecimal(text);
  if (value !== undefined) return value;
  const shown = JSON.stringify(text).slice(0, 60);
  if (DECIMAL_LIKE.test(text)) throw invalid(shown, `is out of range (at most ${MAX_DECIMAL_LENGTH} characters in plain notation)`, node);
  throw invalid(shown, undefined, node);
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
    'optional sign, fraction and exponent ("-0.5", "2.5e8") or an integer. A number literal in the ' +
    "query text (low: 12.30) is kept exact, digits and scale as written; a JSON number in variables " +
    "must be an integer (a JSON float has lost its exactness before the server reads it), so send " +
    'strings. Values longer than 200 characters in plain notation ("1e400") are refused as out of range.',
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
    if (ast.kind === Kind.STRING) return fromString(ast.value, ast);
    // The literal's source text is exact, so integer and float literals are safe to accept.
    if (ast.kind === Kind.INT || ast.kind === Kind.FLOAT) return fromString(ast.value, ast);
    throw invalid(ast.kind, "must be a string or a number literal", ast);
  },
});
