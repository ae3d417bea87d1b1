import { describe, expect, it } from "@jest/globals";
import { getOperationAST, parse } from "graphql";
import { documentBytes } from "../../src/caches/document-size.js";
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

  // Each entry costs a copy of its key (2 bytes a character) plus its parsed document.
  const cost = (text: string) => 2 * (text.length + 2) + documentBytes(parse(text));

  it("holds at most its budget of bytes, dropping the least recently used", () => {
    const texts = ["{ aaaaaaaaaa }", "{ bbbbbbbbbb }", "{ cccccccccc }"];
    const operations = new PreparedOperations({ bytes: 2 * cost(texts[0]!) });
    operations.remember(texts[0]!, undefined, prepared(texts[0]!));
    operations.remember(texts[1]!, undefined, prepared(texts[1]!));
    expect(operations.get(texts[0]!, undefined)).toBeDefined(); // now the most recently used
    operations.remember(texts[2]!, undefined, prepared(texts[2]!));
    expect(operations.size).toBe(2);
    expect(operations.bytes).toBeLessThanOrEqual(2 * cost(texts[0]!));
    expect(operations.get(texts[1]!, undefined)).toBeUndefined();
    expect(operations.get(texts[0]!, undefined)).toBeDefined();
  });

  it("never keeps a document over the budget, however few its tokens (comments count)", () => {
    const operations = new PreparedOperations({ bytes: 10_000 });
    const commented = `{ a } # ${"x".repeat(6_000)}`;
    operations.remember(commented, undefined, prepared(commented));
    expect(operations.get(commented, undefined)).toBeUndefined();
    expect(operations.size).toBe(0);
    expect(operations.bytes).toBe(0);
  });

  it("leaves incremental delivery (@defer, @stream) to Apollo", () => {
    const operations = new PreparedOperations();
    const text = "{ a ... @defer { b } }";
    operations.remember(text, undefined, prepared(text));
    expect(operations.get(text, undefined)).toBeUndefined();
  });
});
