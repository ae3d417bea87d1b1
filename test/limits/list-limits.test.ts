import { describe, expect, it } from "@jest/globals";
import { getOperationAST, parse } from "graphql";
import { checkListLimits, hasArray } from "../../src/limits/list-limits.js";

const LIMITS = { maxListItems: 3, maxCost: 1000 };
const check = (text: string, variables?: Record<string, unknown>, limits = LIMITS) => {
  const document = parse(text);
  return checkListLimits(document, getOperationAST(document)!, variables, limits);
};

describe("checkListLimits", () => {
  it("passes lists up to the limit, literal or variable", () => {
    expect(check("{ f(a: [1, 2, 3]) { x } }")).toBeUndefined();
    expect(check("query Q($a: [Int]) { f(a: $a) { x } }", { a: [1, 2, 3] })).toBeUndefined();
  });

  it("names the first list over the limit, wherever it is in the argument", () => {
    const literal = check("{ f(a: [1, 2, 3, 4]) { x } }");
    expect(literal?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      fieldErrors: [{ field: "a", message: "has 4 items; at most 3 are accepted" }],
    });
    const nested = check("query Q($in: In) { f(input: $in) { x } }", { in: { deep: [{ tags: [1, 2, 3, 4, 5] }] } });
    expect(nested?.extensions?.fieldErrors).toEqual([{ field: "input.deep[0].tags", message: "has 5 items; at most 3 are accepted" }]);
    const inLiteralObject = check('query Q($t: [String]) { f(input: { tags: $t }) { x } }', { t: ["a", "b", "c", "d"] });
    expect(inLiteralObject?.extensions?.fieldErrors).toEqual([{ field: "input.tags", message: "has 4 items; at most 3 are accepted" }]);
  });

  it("counts a variable's default when the variable is not given, and ignores unused variables", () => {
    expect(check("query Q($a: [Int] = [1, 2, 3, 4]) { f(a: $a) { x } }")?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(check("query Q($a: [Int] = [1, 2, 3, 4]) { f(a: $a) { x } }", { a: [1] })).toBeUndefined();
    expect(check("{ f { x } }", { unused: [1, 2, 3, 4, 5] })).toBeUndefined();
  });

  it("costs a field once per item of its longest list argument, with graphql-armor's weights", () => {
    // armor: an object field is 2 + 1.5 × its children; a scalar is 1. `{ f { x } }` costs 3.5.
    expect(check("{ f { x } }", undefined, { maxListItems: 100, maxCost: 3.5 })).toBeUndefined();
    const limits = { maxListItems: 100, maxCost: 349 };
    const error = check("query Q($a: [Int]) { f(a: $a) { x } }", { a: Array(100).fill(1) }, limits);
    expect(error?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(error?.message).toBe("Query Cost limit of 349 exceeded, found 350 (each item of a list argument counts).");
  });

  it("costs each fragment once however often it is spread, so nested spreads stay linear", () => {
    const depth = 40;
    const fragments = Array.from({ length: depth }, (_, i) =>
      i === depth - 1 ? `fragment F${i} on T { x }` : `fragment F${i} on T { a { ...F${i + 1} } b { ...F${i + 1} } }`,
    );
    // 2^40 paths if expanded; the answer is immediate and far over any limit.
    const error = check(`{ t { ...F0 } } ${fragments.join(" ")}`, undefined, { maxListItems: 10, maxCost: 1e6 });
    expect(error?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });
});

describe("hasArray", () => {
  it("finds an array anywhere in the variables", () => {
    expect(hasArray(undefined)).toBe(false);
    expect(hasArray({ a: 1, b: { c: "x" } })).toBe(false);
    expect(hasArray({ a: { b: { c: [] } } })).toBe(true);
  });
});
