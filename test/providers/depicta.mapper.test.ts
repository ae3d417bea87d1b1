import { describe, expect, it } from "@jest/globals";
import { DepictaAccount } from "../../src/providers/depicta/schema/depicta-account.type.js";
import { type DepictaUserDto } from "../../src/providers/depicta/depicta.dto.js";
import {
  centsToEur,
  toDepictaAccount,
  toDepictaUpdateBody,
} from "../../src/providers/depicta/depicta.mapper.js";

const user = (overrides: Record<string, unknown> = {}): DepictaUserDto =>
  ({
    id: "6eb15ef1-9de7-4971-b55e-babbe35b7544",
    email: "ada@example.com",
    email_verified: true,
    name: "Ada",
    created_at: "2025-03-14T10:26:53.589+01:00",
    balance_eur: "9.955000",
    held_eur: "0.000000",
    credit_limit_cents: 2500,
    credits_expire_at: null,
    pending_credit_notice: false,
    prompt_analysis_opt_in: false,
    providers: null,
    two_factor_enabled: false,
    ...overrides,
  }) as DepictaUserDto;

const reasonOf = (fn: () => unknown): { message: string; code: unknown } => {
  try {
    fn();
  } catch (error) {
    const e = error as { message: string; extensions: { code: unknown } };
    return { message: e.message, code: e.extensions.code };
  }
  throw new Error("expected an error");
};

describe("centsToEur", () => {
  it.each([
    [2500, "25.00"],
    [5, "0.05"],
    [-150, "-1.50"],
    [0, "0.00"],
    [-5, "-0.05"],
    [Number.MAX_SAFE_INTEGER, "90071992547409.91"],
  ])("%i cents → %s", (cents, eur) => {
    expect(centsToEur(cents)).toBe(eur);
  });
});

describe("toDepictaAccount", () => {
  it("builds a DepictaAccount with exact decimals and UTC dates", () => {
    const dto = user({
      free_trial_pending_eur: "1.000000",
      balance_eur: "0012.500000",
      providers: ["google"],
    });
    const account = toDepictaAccount(dto);
    expect(account).toBeInstanceOf(DepictaAccount);
    expect(account).toMatchObject({
      provider: "DEPICTA",
      balanceEur: "12.500000",
      heldEur: "0.000000",
      freeTrialPendingEur: "1.000000",
      creditLimitEur: "25.00",
      oauthProviders: ["google"],
      creditsExpireAt: null,
    });
    expect(account.createdAt.toISOString()).toBe("2025-03-14T09:26:53.589Z");
  });

  it("reads an absent and a null free-trial amount as null", () => {
    expect(toDepictaAccount(user()).freeTrialPendingEur).toBeNull();
    expect(toDepictaAccount(user({ free_trial_pending_eur: null })).freeTrialPendingEur).toBeNull();
  });

  it("lists every missing or malformed required key in one UPSTREAM_ERROR", () => {
    const dto = user({
      balance_eur: 9.955,
      created_at: "yesterday",
      two_factor_enabled: undefined,
    });
    const { message, code } = reasonOf(() => toDepictaAccount(dto));
    expect(code).toBe("UPSTREAM_ERROR");
    expect(message).toContain("user.balance_eur not a decimal string");
    expect(message).toContain("user.created_at not an ISO 8601 timestamp");
    expect(message).toContain("user.two_factor_enabled missing");
  });

  it("refuses a fractional cent amount and a providers list that is not strings", () => {
    const { message } = reasonOf(() =>
      toDepictaAccount(user({ credit_limit_cents: 12.5, providers: [{ name: "google" }] })),
    );
    expect(message).toContain("user.credit_limit_cents not an integer");
    expect(message).toContain("user.providers not a list of strings");
  });

  it("turns a malformed optional value into an error at that field, not a wrong one", () => {
    const account = toDepictaAccount(
      user({ credits_expire_at: "soon", free_trial_pending_eur: "1,00" }),
    );
    expect(() => account.creditsExpireAt).toThrow(/user.credits_expire_at is not an ISO 8601 timestamp/);
    expect(() => account.freeTrialPendingEur).toThrow(/user.free_trial_pending_eur is not a decimal string/);
    expect(account.email).toBe(user().email);
  });

  it("treats a response without a user as unreadable", () => {
    expect(reasonOf(() => toDepictaAccount(undefined)).message).toContain("no user object");
  });
});

describe("toDepictaUpdateBody", () => {
  it("trims the name and passes null through", () => {
    expect(toDepictaUpdateBody({ name: "  Ada  " })).toEqual({ name: "Ada" });
    expect(toDepictaUpdateBody({ name: null })).toEqual({ name: null });
  });

  it("refuses a left-out name", () => {
    expect(reasonOf(() => toDepictaUpdateBody({})).code).toBe("BAD_USER_INPUT");
  });
});
