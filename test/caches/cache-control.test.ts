import { describe, expect, it } from "@jest/globals";
import { answerFreshness } from "../../src/caches/cache-control.js";

// What a provider's caching headers allow the read cache (RFC 9111 for a private cache, RFC 5861).
const NOW = Date.parse("2026-05-09T12:00:00Z");

describe("answerFreshness", () => {
  it("says nothing without caching headers: account-graph's own TTL applies", () => {
    expect(answerFreshness({ "content-type": "application/json" }, NOW)).toEqual({ storable: true });
  });

  it.each([
    ["no-store", { "cache-control": "no-store" }],
    ["no-cache", { "cache-control": "max-age=60, no-cache" }],
    ["no-cache with field names", { "cache-control": 'no-cache="set-cookie", max-age=60' }],
    ["upper case", { "cache-control": "No-Store" }],
    ["in a second header line", { "cache-control": ["max-age=60", "no-store"] }],
    ["Vary: *", { vary: "accept, *" }],
  ])("forbids keeping an answer with %s", (_name, headers) => {
    expect(answerFreshness(headers, NOW).storable).toBe(false);
  });

  it("keeps private answers: every entry belongs to one credential, and s-maxage is for shared caches", () => {
    expect(answerFreshness({ "cache-control": "private, max-age=20, s-maxage=0, proxy-revalidate" }, NOW)).toEqual({
      storable: true,
      freshMs: 20_000,
    });
  });

  it("takes max-age less the Age the answer already has, never below 0", () => {
    expect(answerFreshness({ "cache-control": "max-age=30", age: "12" }, NOW).freshMs).toBe(18_000);
    expect(answerFreshness({ "cache-control": "max-age=30", age: "45" }, NOW).freshMs).toBe(0);
    expect(answerFreshness({ "cache-control": 'max-age="7"' }, NOW).freshMs).toBe(7_000);
  });

  it("reads Expires against Date when there is no max-age; an invalid one has expired", () => {
    const headers = { expires: "Sat, 09 May 2026 12:00:40 GMT", date: "Sat, 09 May 2026 12:00:10 GMT" };
    expect(answerFreshness(headers, NOW).freshMs).toBe(30_000);
    expect(answerFreshness({ expires: "Sat, 09 May 2026 12:00:05 GMT" }, NOW).freshMs).toBe(5_000);
    expect(answerFreshness({ expires: "0" }, NOW).freshMs).toBe(0);
    // max-age wins over Expires.
    expect(answerFreshness({ "cache-control": "max-age=3", ...headers }, NOW).freshMs).toBe(3_000);
  });

  it("reads the provider's stale-if-error, and forbids stale answers with must-revalidate", () => {
    expect(answerFreshness({ "cache-control": "max-age=10, stale-if-error=120" }, NOW)).toEqual({
      storable: true,
      freshMs: 10_000,
      staleIfErrorMs: 120_000,
    });
    expect(answerFreshness({ "cache-control": "max-age=10, must-revalidate, stale-if-error=120" }, NOW).staleIfErrorMs).toBe(0);
  });

  it("ignores values that are not delta-seconds", () => {
    expect(answerFreshness({ "cache-control": "max-age=-1, stale-if-error=soon" }, NOW)).toEqual({ storable: true });
  });
});
