import { describe, expect, it } from "@jest/globals";
import { redactCredentialPatterns, redactSecrets } from "../../src/errors/redact.js";

describe("redactSecrets", () => {
  it("removes every occurrence of each known secret, ignoring ones too short to be one", () => {
    expect(redactSecrets("key abcd1234 and abcd1234 again, id 42", ["abcd1234", "42", undefined])).toBe(
      "key [REDACTED] and [REDACTED] again, id 42",
    );
  });
});

describe("redactCredentialPatterns", () => {
  it.each([
    ["boom at http://10.0.0.1/internal?token=s3cr3t&page=2", "boom at http://10.0.0.1/internal?token=[REDACTED]&page=2", "s3cr3t"],
    ["GET /x?api_key=AKIA123&access_token=zzz9", "GET /x?api_key=[REDACTED]&access_token=[REDACTED]", "AKIA123"],
    ["sent Authorization: Bearer eyJhbGciOi.abc.def to upstream", "sent Authorization: Bearer [REDACTED] to upstream", "eyJhbGciOi"],
    ['headers {"x-depicta-api-key":"dk_live_77"}', 'headers {"x-depicta-api-key":"[REDACTED]"}', "dk_live_77"],
    ["x-cudo-api-key=cudo-secret-1 in env", "x-cudo-api-key=[REDACTED] in env", "cudo-secret-1"],
  ])("redacts %s", (text, expected, secret) => {
    const out = redactCredentialPatterns(text);
    expect(out).toBe(expected);
    expect(out).not.toContain(secret);
  });

  it("leaves ordinary text alone", () => {
    const text = "Cannot read properties of undefined (reading 'billingPolicy') at mapAccount (diffio.mapper.ts:12:7)";
    expect(redactCredentialPatterns(text)).toBe(text);
  });
});
