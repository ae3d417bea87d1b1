import { describe, expect, it } from "@jest/globals";
import { createDocumentStore } from "../../src/caches/document-store.js";
import { documentBytes, exceedsBytes } from "../../src/caches/document-size.js";
import { parse } from "graphql";

describe("the document store", () => {
  const doc = (n: number) => parse(`query Q${n} { a }`);

  it("keeps the most recently used documents within its bytes", async () => {
    const one = documentBytes(doc(1));
    const store = createDocumentStore(3 * one)!;
    for (const n of [1, 2, 3]) await store.set(`k${n}`, doc(n));
    expect(await store.get("k1")).toBeDefined();
    await store.set("k4", doc(4));
    // k2 was the least recently used.
    expect(await store.get("k2")).toBeUndefined();
    expect([await store.get("k1"), await store.get("k3"), await store.get("k4")].every(Boolean)).toBe(true);
    expect([store.size, store.bytes]).toEqual([3, 3 * one]);
  });

  it("stores nothing larger than the whole budget, and is off with a budget of 0", async () => {
    const store = createDocumentStore(1000)!;
    await store.set("big", parse(`{ a } # ${"x".repeat(1000)}`));
    expect(await store.get("big")).toBeUndefined();
    expect([store.size, store.bytes]).toEqual([0, 0]);
    expect(createDocumentStore(0)).toBeUndefined();
  });
});

describe("document sizes", () => {
  it("count the source text a document keeps, comments included", () => {
    const plain = documentBytes(parse("{ a }"));
    const commented = documentBytes(parse(`{ a } # ${"x".repeat(100_000)}`));
    expect(commented - plain).toBeGreaterThanOrEqual(200_000);
  });

  it("compare UTF-8 bytes with a limit", () => {
    expect(exceedsBytes("x".repeat(10), 10)).toBe(false);
    expect(exceedsBytes("x".repeat(11), 10)).toBe(true);
    expect(exceedsBytes("€".repeat(4), 10)).toBe(true); // 12 bytes in 4 characters
    expect(exceedsBytes("€".repeat(3), 10)).toBe(false);
  });
});
