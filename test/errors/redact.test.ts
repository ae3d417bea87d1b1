import { describe, expect, it } from "@jest/globals";
import { loggableError, redactCredentialPatterns } from "../../src/errors/redact.js";

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

describe("loggableError", () => {
  it("keeps type, message, stack and code, with credential-shaped text redacted", () => {
    const error = Object.assign(new TypeError("fetch https://h/x?token=s3cr3t failed"), { code: "ECONNRESET" });
    const logged = loggableError(error);
    expect(logged).toMatchObject({ type: "TypeError", message: "fetch https://h/x?token=[REDACTED] failed", code: "ECONNRESET" });
    expect(logged.stack).toContain("token=[REDACTED]");
    expect(JSON.stringify(logged)).not.toContain("s3cr3t");
  });

  it("turns a thrown non-error into an error", () => {
    expect(loggableError("Bearer abc.def")).toMatchObject({ type: "Error", message: "Bearer [REDACTED]" });
  });
});
