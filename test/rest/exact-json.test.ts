import { describe, expect, it } from "@jest/globals";
import { numberSource, parseJsonExact } from "../../src/rest/exact-json.js";

describe("parseJsonExact", () => {
  it("parses like JSON.parse and keeps each number's digits", () => {
    const text = '{"a":{"value":12.50},"b":"x 1.5 \\" 2.5","c":[1e3,-0.0,12345678901234567890.123456789,7],"d":3000000000}';
    const value = parseJsonExact(text) as { a: object; b: string; c: number[]; d: number };
    expect(value).toEqual(JSON.parse(text));
    expect(numberSource(value.a, "value")).toBe("12.50");
    expect(numberSource(value.c, "0")).toBe("1e3");
    expect(numberSource(value.c, "1")).toBe("-0.0");
    expect(numberSource(value.c, "2")).toBe("12345678901234567890.123456789");
    expect(numberSource(value.c, "3")).toBe("7");
    expect(numberSource(value, "d")).toBe("3000000000");
    expect(numberSource(value, "b")).toBeUndefined();
  });

  it("does not take digits inside strings for numbers", () => {
    const value = parseJsonExact('{"s":"12.5","t":"\\u0000abc:1.5","n":0.1}') as Record<string, unknown>;
    expect(value).toEqual({ s: "12.5", t: "\u0000abc:1.5", n: 0.1 });
    expect(numberSource(value, "n")).toBe("0.1");
  });

  it.each(["{\"a\": 01.5}", "{\"a\": 1.}", "{\"a\": .5}", "{\"a\": +1}", "{nope"])("refuses %s as JSON.parse does", text => {
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
    expect(() => parseJsonExact(text)).toThrow(SyntaxError);
  });

  it("keeps a number's digits after a long string full of escapes", () => {
    const text = JSON.stringify({ s: 'a\\"b'.repeat(300_000), n: 1.5 });
    const value = parseJsonExact(text) as Record<string, unknown>;
    expect(numberSource(value, "n")).toBe("1.5");
  });
});
