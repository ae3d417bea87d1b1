import { describe, expect, it } from "@jest/globals";
import { HostupLanguage } from "../../src/providers/hostup/schema/hostup-language.enum.js";
import {
  HostupLocalizationPatch,
} from "../../src/providers/hostup/schema/hostup-localization-patch.input.js";
import { PatchPreferencesInput } from "../../src/providers/hostup/schema/patch-preferences.input.js";
import { toHostupAccount, toHostupPatchBody } from "../../src/providers/hostup/hostup.mapper.js";
import { pointerToPath } from "../../src/providers/hostup/hostup.pointer.js";

describe("pointerToPath", () => {
  it.each([
    ["/notifications/delivery/enabledEmails/0", "input.notifications.delivery.enabledEmails[0]"],
    ["/localization/timezone", "input.localization.timezone"],
    ["/categories/a~1b/c~0d", "input.categories.a/b.c~d"],
    // "~01" is an escaped "~" followed by "1", never "/".
    ["/categories/x~01", "input.categories.x~1"],
    ["", "input"],
  ])("translates %j", (pointer, path) => {
    expect(pointerToPath(pointer, "input")).toBe(path);
  });
});

describe("toHostupPatchBody", () => {
  it("keeps exactly the given members and maps the language to Hostup's code", () => {
    const input = Object.assign(new PatchPreferencesInput(), {
      localization: Object.assign(new HostupLocalizationPatch(), {
        languageCode: HostupLanguage.SV,
      }),
    });
    const body = toHostupPatchBody(input);
    expect(body).toEqual({ localization: { languageCode: "sv" } });
    expect(Object.keys(body)).toEqual(["localization"]);
    expect(Object.keys(body.localization!)).toEqual(["languageCode"]);
  });
});

describe("toHostupAccount", () => {
  it("reads missing top-level objects as null", () => {
    const security = { bankIdOnlyLogin: true, twoFactorEnabled: false };
    const account = toHostupAccount({ security });
    expect(account.localization).toBeNull();
    expect(account.billing).toBeNull();
    expect(account.categories).toBeNull();
    expect(account.security).toEqual({ bankIdOnlyLogin: true, twoFactorEnabled: false });
  });

  it("rejects a state field of the wrong type as an upstream error", () => {
    const dto = { notifications: { emailEnabled: "yes", smsEnabled: false } };
    expect(() => toHostupAccount(dto as never)).toThrow(/emailEnabled is not a boolean/);
  });

  it("makes an unreadable optedOutAt or a non-text reason an error at that field", () => {
    const account = toHostupAccount({
      billing: { peppol: { optedOut: true, optOutReason: { text: "x" }, optedOutAt: "yesterday" } },
    } as never);
    expect(account.billing!.peppol.optedOut).toBe(true);
    expect(() => account.billing!.peppol.optedOutAt).toThrow(/billing.peppol.optedOutAt is not an ISO 8601 timestamp/);
    expect(() => account.billing!.peppol.optOutReason).toThrow(/billing.peppol.optOutReason is an object, not text/);
  });

  it("refuses an answer with none of the preference sections (a 200 {})", () => {
    expect(() => toHostupAccount({})).toThrow(/unreadable response \(no preferences in the object\)/);
  });
});
