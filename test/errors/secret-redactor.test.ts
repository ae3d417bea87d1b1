import { describe, expect, it } from "@jest/globals";
import { combineKeyShapes, redactData, secretRedactor } from "../../src/errors/secret-redactor.js";
import { PROVIDER_MODULES } from "../../src/providers/index.js";

// The documented key formats, as the modules declare them (`keyShapes` in each `*.facts.ts`).
const KEY_SHAPES = combineKeyShapes(PROVIDER_MODULES.flatMap(m => m.keyShapes ?? []));

const KEY = "hostup_demo_full_7c41e9a2d0b35f68";

describe("secretRedactor and redactData", () => {
  const redactor = secretRedactor([KEY, undefined, "abc"], KEY_SHAPES);

  it.each([
    [KEY, "[REDACTED]"],
    [`key=${KEY}; again ${KEY}`, "key=[REDACTED]; again [REDACTED]"],
    [`partial ${KEY.slice(0, 21)}...`, "partial [REDACTED]..."],
    // Only the public prefix (and less than 4 characters past it): not a part of the key.
    [`prefix ${KEY.slice(0, 19)}`, `prefix ${KEY.slice(0, 19)}`],
    [`tail ...${KEY.slice(-9)}`, "tail ...[REDACTED]"],
    // A run of 12 from the middle is part of the key as much as a head or a tail; shorter ones
    // are words as often as not.
    [`middle ...${KEY.slice(18, 30)}...`, "middle ...[REDACTED]..."],
    [`two ${KEY.slice(17, 29)} and ${KEY.slice(19, 32)}`, "two [REDACTED] and [REDACTED]"],
    [`eleven ${KEY.slice(18, 29)}`, `eleven ${KEY.slice(18, 29)}`],
    [`short ${KEY.slice(0, 7)}`, `short ${KEY.slice(0, 7)}`],
    ["dpct_Other0123456789 and diffio_live_other_1234", "[REDACTED] and [REDACTED]"],
    ["keys start diffio_live_child", "keys start diffio_live_child"],
    ["abc and plain text", "abc and plain text"],
  ])("redacts %j as %j", (text, expected) => {
    expect(redactor.redact(text)).toBe(expected);
  });

  it("takes a run of 4 characters past a key's public prefix for part of it", () => {
    const depicta = secretRedactor(["dpct_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8s9T0u1V"], KEY_SHAPES);
    expect(depicta.redact("partial dpct_a1B2...")).toBe("partial [REDACTED]...");
    expect(depicta.redact("dpct_a1B")).toBe("dpct_a1B");
  });

  it("removes every occurrence of a credential too short to have parts, ignoring ones too short to be one", () => {
    expect(secretRedactor(["abcd1234", "42", undefined]).redact("key abcd1234 and abcd1234 again, id 42, abcd123")).toBe(
      "key [REDACTED] and [REDACTED] again, id 42, abcd123",
    );
  });

  it("walks data, copying only what changed", () => {
    const untouched = { a: ["x", 1, true, null] };
    const data = { account: { name: KEY, tags: ["ok", `has ${KEY}`], untouched } };
    const out = redactData(data, redactor);
    expect(out).toEqual({ account: { name: "[REDACTED]", tags: ["ok", "has [REDACTED]"], untouched } });
    expect(out.account.untouched).toBe(untouched);
    expect(data.account.name).toBe(KEY);
    const clean = { account: { name: "Ada" } };
    expect(redactData(clean, redactor)).toBe(clean);
  });
});
