import { describe, expect, it } from "@jest/globals";
import { ByteBudgetLru } from "../../src/caches/byte-budget-lru.js";
import { documentBytes, exceedsBytes } from "../../src/caches/document-size.js";
import { parse } from "graphql";

describe("ByteBudgetLru", () => {
  it("evicts the least recently used entries to stay within its bytes", () => {
    const lru = new ByteBudgetLru<string, number>(10);
    const evicted: string[] = [];
    lru.onEvict = key => evicted.push(key);
    lru.set("a", 1, 4);
    lru.set("b", 2, 4);
    expect(lru.get("a")).toBe(1);
    lru.set("c", 3, 4);
    expect(evicted).toEqual(["b"]);
    expect([lru.size, lru.bytes]).toEqual([2, 8]);
    expect(lru.get("b")).toBeUndefined();
  });

  it("stores nothing larger than the whole budget, and nothing at all with a budget of 0", () => {
    const lru = new ByteBudgetLru<string, number>(10);
    lru.set("a", 1, 5);
    expect(lru.set("huge", 2, 11)).toBe(false);
    expect([lru.size, lru.bytes, lru.get("a")]).toEqual([1, 5, 1]);
    const none = new ByteBudgetLru<string, number>(0);
    expect(none.set("a", 1, 1)).toBe(false);
    expect(none.size).toBe(0);
  });

  it("replaces an entry's size when it is set again", () => {
    const lru = new ByteBudgetLru<string, number>(10);
    lru.set("a", 1, 6);
    lru.set("a", 2, 3);
    expect([lru.size, lru.bytes, lru.get("a")]).toEqual([1, 3, 2]);
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
