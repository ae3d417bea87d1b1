import { describe, expect, it } from "@jest/globals";
import { path, segmentProblem, UnsafePathSegmentError } from "../../src/rest/path.js";

describe("path", () => {
  it("makes every value exactly one percent-encoded segment", () => {
    expect(path`/v1/items/${"a/b?c#d e"}/sub/${"%2E%2E"}`).toBe("/v1/items/a%2Fb%3Fc%23d%20e/sub/%252E%252E");
    expect(path`/v1/items/${"..."}`).toBe("/v1/items/...");
  });

  it.each([
    ["", "must not be blank"],
    [" \t", "must not be blank"],
    [".", 'must not be "." or ".."'],
    ["..", 'must not be "." or ".."'],
    ["x\ud800", "must be well-formed text"],
  ])("refuses %j (%s)", (value, problem) => {
    expect(segmentProblem(value)).toBe(problem);
    expect(() => path`/v1/items/${value}`).toThrow(UnsafePathSegmentError);
  });
});
