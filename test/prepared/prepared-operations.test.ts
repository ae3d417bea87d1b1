import { describe, expect, it } from "@jest/globals";
import { getOperationAST, parse } from "graphql";
import { PreparedOperations, type PreparedOperation } from "../../src/prepared/prepared-operations.js";

function prepared(text: string, name?: string): PreparedOperation {
  const document = parse(text);
  const operation = getOperationAST(document, name)!;
  return { document, operation, operationName: operation.name?.value ?? null };
}

describe("PreparedOperations", () => {
  it("finds an operation by its exact text and requested name only", () => {
    const operations = new PreparedOperations();
    const text = "query A { a } query B { b }";
    operations.remember(text, "A", prepared(text, "A"));
    expect(operations.get(text, "A")?.operationName).toBe("A");
    expect(operations.get(text, "B")).toBeUndefined();
    expect(operations.get(text, undefined)).toBeUndefined();
    expect(operations.get(text, "")).toBeUndefined();
    expect(operations.get(`${text} `, "A")).toBeUndefined();
  });

  it("keeps no name, an empty name and names that contain the separator apart", () => {
    const operations = new PreparedOperations();
    operations.remember("{ a }", undefined, prepared("{ a }"));
    expect(operations.get("{ a }", "")).toBeUndefined();
    operations.remember("Y\n{ a }", "X", prepared("{ a }"));
    expect(operations.get("{ a }", "X\nY")).toBeUndefined();
  });

  it("holds at most its number of entries, dropping the oldest", () => {
    const operations = new PreparedOperations({ entries: 2, characters: 1000 });
    for (const field of ["a", "b", "c"]) operations.remember(`{ ${field} }`, undefined, prepared(`{ ${field} }`));
    expect(operations.size).toBe(2);
    expect(operations.get("{ a }", undefined)).toBeUndefined();
    expect(operations.get("{ c }", undefined)).toBeDefined();
  });

  it("holds at most its budget of text, dropping the oldest, and never a text over the budget", () => {
    const operations = new PreparedOperations({ entries: 100, characters: 40 });
    const texts = ["{ aaaaaaaaaa }", "{ bbbbbbbbbb }", "{ cccccccccc }"]; // 16 characters each with the key's prefix
    for (const text of texts) operations.remember(text, undefined, prepared(text));
    expect(operations.size).toBe(2);
    expect(operations.get(texts[0]!, undefined)).toBeUndefined();
    const huge = `{ ${"x".repeat(60)} }`;
    operations.remember(huge, undefined, prepared(huge));
    expect(operations.get(huge, undefined)).toBeUndefined();
    expect(operations.size).toBe(2);
  });

  it("finds an operation by the hash of its text, until the text is evicted", () => {
    const operations = new PreparedOperations({ entries: 1 });
    operations.remember("{ a }", "A", prepared("{ a }"), "h1");
    expect(operations.getByHash("h1", "A")).toBe(operations.get("{ a }", "A"));
    expect(operations.getByHash("h1", undefined)).toBeUndefined();
    operations.remember("{ b }", undefined, prepared("{ b }"), "h2");
    expect(operations.getByHash("h1", "A")).toBeUndefined();
    expect(operations.getByHash("h2", undefined)).toBeDefined();
  });

  it("answers no hash when persisted queries are off", () => {
    const operations = new PreparedOperations({ byHash: false });
    operations.remember("{ a }", undefined, prepared("{ a }"), "h1");
    expect(operations.get("{ a }", undefined)).toBeDefined();
    expect(operations.getByHash("h1", undefined)).toBeUndefined();
  });

  it("leaves incremental delivery (@defer, @stream) to Apollo", () => {
    const operations = new PreparedOperations();
    const text = "{ a ... @defer { b } }";
    operations.remember(text, undefined, prepared(text));
    expect(operations.get(text, undefined)).toBeUndefined();
  });
});
