import { describe, expect, it } from "@jest/globals";
import { buildSchema, execute, GraphQLScalarType, parse, validate } from "graphql";
import { scalarFieldErrors } from "../../src/errors/input-path.js";
import { DecimalScalar } from "../../src/scalars/decimal.scalar.js";

// Input paths through lists, nested objects, aliases and fragments, on a schema of our own so
// shapes the real schema lacks (lists of Decimals) are covered too.
const schema = buildSchema(`
  scalar Decimal
  input Line { amount: Decimal!, tags: [String!] }
  input Order { lines: [Line!]!, total: Decimal }
  type Query { price(order: Order, limit: Decimal): String, other(amounts: [Decimal!]): String }
`);
Object.assign(schema.getType("Decimal") as GraphQLScalarType, {
  parseValue: DecimalScalar.parseValue,
  parseLiteral: DecimalScalar.parseLiteral,
});

const literalPaths = (query: string) => validate(schema, parse(query)).map(e => scalarFieldErrors(e)?.map(f => f.field));
const variablePaths = async (query: string, variableValues: Record<string, unknown>) => {
  const result = await execute({ schema, document: parse(query), variableValues });
  return (result.errors ?? []).map(e => scalarFieldErrors(e)?.map(f => f.field));
};

describe("scalarFieldErrors", () => {
  it("names literals inside lists and nested input objects", () => {
    expect(literalPaths(`{ price(order: { lines: [{ amount: "1" }, { amount: "1.2.3" }] }) }`)).toEqual([["order.lines[1].amount"]]);
    expect(literalPaths(`{ other(amounts: ["1", "x"]) }`)).toEqual([["amounts[1]"]]);
  });

  it("names literals under aliases, inline fragments and named fragments", () => {
    expect(literalPaths(`{ a: price(limit: "1") ... on Query { b: price(limit: "oops") } }`)).toEqual([["limit"]]);
    expect(literalPaths(`{ ...F } fragment F on Query { price(order: { lines: [], total: "1e400" }) }`)).toEqual([["order.total"]]);
  });

  it("names a variable by where the operation uses it, plus the path inside its value", async () => {
    const query = `query Q($order: Order, $limit: Decimal) { price(order: $order, limit: $limit) }`;
    expect(await variablePaths(query, { order: { lines: [{ amount: "2" }, { amount: 1.5 }] }, limit: "z" })).toEqual([
      ["order.lines[1].amount"],
      ["limit"],
    ]);
    const nested = `query Q($amount: Decimal!) { price(order: { lines: [{ amount: "1" }, { amount: $amount }] }) }`;
    expect(await variablePaths(nested, { amount: "no" })).toEqual([["order.lines[1].amount"]]);
  });

  it("leaves errors of other kinds alone", () => {
    const [unknownField] = validate(schema, parse(`{ nope }`));
    expect(scalarFieldErrors(unknownField)).toBeUndefined();
    expect(scalarFieldErrors(new Error("plain"))).toBeUndefined();
  });
});
