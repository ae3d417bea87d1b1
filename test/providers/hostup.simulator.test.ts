import { afterAll, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import {
  HOSTUP_DEMO_CLIENTS,
  HOSTUP_DEMO_KEYS,
  HOSTUP_PEPPOL_OPT_OUT_REASON,
  startHostupSimulator,
  type RunningHostupSim,
} from "../../src/providers/hostup/simulator/hostup.simulator.js";

const PREFS = "/api/v2/me/preferences";
const K = HOSTUP_DEMO_KEYS;

// The 200 example of the PATCH preferences page; the seeded main client reads exactly like it.
const DOC_EXAMPLE = {
  localization: { languageCode: "en", timezone: "Europe/Stockholm" },
  notifications: {
    emailEnabled: true,
    smsEnabled: false,
    delivery: {
      overrideEnabled: true,
      enabledEmails: ["notify_billing", "notify_support", "notify_services", "notify_domains"],
      billing: {
        enabled: true,
        actions: {
          canToggle: {
            allowed: false,
            reason: "Add a billing notification recipient before changing billing email delivery.",
          },
        },
      },
    },
  },
  security: { bankIdOnlyLogin: false, twoFactorEnabled: true },
  billing: {
    peppol: { optedOut: false, optOutReason: null, optedOutAt: null },
    cardAutoCharge: {
      enabled: true,
      label: "Card auto-charge",
      description: "Automatically charge the saved card when invoices are due.",
      reason: null,
      actions: { canToggle: { allowed: true, reason: null } },
      method: "card",
      status: "active",
      configured: true,
      hasPaymentMethod: true,
    },
    separateInvoices: {
      enabled: false,
      label: "Separate service invoices",
      description: "Create separate invoices for services instead of grouping them together.",
      reason: null,
      actions: { canToggle: { allowed: true, reason: null } },
    },
  },
  categories: { general: {}, ui: {}, notifications: {}, billing: {}, dashboard: {} },
};

interface Answer {
  status: number;
  headers: Headers;
  // Parsed JSON; tests index into it freely.
  body: any;
}

let sim: RunningHostupSim;

async function request(
  method: string,
  path: string,
  options: { key?: string; body?: unknown; rawBody?: string; authorization?: string } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (options.key) headers.authorization = `Bearer ${options.key}`;
  if (options.authorization) headers.authorization = options.authorization;
  let payload: string | undefined = options.rawBody;
  if (options.body !== undefined) payload = JSON.stringify(options.body);
  if (payload !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(`${sim.url}${path}`, { method, headers, body: payload });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

const getPrefs = (key: string = K.full) => request("GET", PREFS, { key });
const patchPrefs = (body: unknown, key: string = K.full) => request("PATCH", PREFS, { key, body });
const pointers = (answer: Answer) => answer.body.errors.map((e: { pointer: string }) => e.pointer);

function expectProblem(answer: Answer, status: number, code: string, instance: string): void {
  expect(answer.status).toBe(status);
  expect(answer.headers.get("content-type")).toBe("application/problem+json");
  expect(answer.body).toMatchObject({
    type: `https://developer.hostup.se/errors/${code}`,
    status,
    code,
    instance,
  });
  expect(typeof answer.body.title).toBe("string");
  expect(typeof answer.body.detail).toBe("string");
  expect(answer.body.requestId).toMatch(/^req_[0-9a-z]{26}$/);
  expect(answer.headers.get("x-request-id")).toBe(answer.body.requestId);
  expect(new Date(answer.body.timestamp).toISOString()).toBe(answer.body.timestamp);
}

beforeAll(async () => {
  sim = await startHostupSimulator();
});

afterAll(async () => {
  await sim.close();
});

beforeEach(() => {
  sim.state.seed();
  sim.control.reset();
  // A test that stopped the simulator's clock does not stop it for the next one.
  sim.state.now = Date.now;
});

describe("reading preferences", () => {
  it("answers the documented shape without an envelope", async () => {
    const answer = await getPrefs();
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toMatch(/^application\/json/);
    expect(answer.body).toEqual(DOC_EXAMPLE);
    expect(answer.headers.get("x-request-id")).toMatch(/^req_[0-9a-z]{26}$/);
  });

  it("keeps each client's state apart", async () => {
    const answer = await getPrefs(K.noCard);
    expect(answer.status).toBe(200);
    expect(answer.body.localization.languageCode).toBe("sv");
    expect(answer.body.notifications.delivery).toMatchObject({
      overrideEnabled: false,
      enabledEmails: ["notify_billing", "notify_support", "notify_services", "notify_domains"],
      billing: { enabled: true, actions: { canToggle: { allowed: true, reason: null } } },
    });
    expect(answer.body.billing.peppol).toEqual({
      optedOut: true,
      optOutReason: HOSTUP_PEPPOL_OPT_OUT_REASON,
      optedOutAt: "2026-03-02T08:15:00.000Z",
    });
    expect(answer.body.categories.ui).toEqual({ theme: "dark", compactTables: true });
  });

  it("gives every request its own requestId", async () => {
    const ids = new Set<string | null>();
    for (let i = 0; i < 5; i++) ids.add((await getPrefs()).headers.get("x-request-id"));
    expect(ids.size).toBe(5);
  });

  it("logs calls in the shared control", async () => {
    await patchPrefs({ security: { bankIdOnlyLogin: true } });
    expect(sim.control.count("PATCH /api/v2/me/preferences")).toBe(1);
    expect(sim.control.calls[0]!.body).toEqual({ security: { bankIdOnlyLogin: true } });
  });
});

describe("patching preferences", () => {
  it("updates localization and leaves everything else alone", async () => {
    const answer = await patchPrefs({ localization: { timezone: "America/New_York" } });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      ...DOC_EXAMPLE,
      localization: { languageCode: "en", timezone: "America/New_York" },
    });
    expect((await getPrefs()).body.localization.timezone).toBe("America/New_York");
  });

  it("accepts UTC and Swedish", async () => {
    const answer = await patchPrefs({ localization: { languageCode: "sv", timezone: "UTC" } });
    expect(answer.status).toBe(200);
    expect(answer.body.localization).toEqual({ languageCode: "sv", timezone: "UTC" });
  });

  it("updates general notification switches", async () => {
    const answer = await patchPrefs({ notifications: { emailEnabled: false, smsEnabled: true } });
    expect(answer.status).toBe(200);
    expect(answer.body.notifications).toMatchObject({ emailEnabled: false, smsEnabled: true });
    expect(answer.body.notifications.delivery).toEqual(DOC_EXAMPLE.notifications.delivery);
  });

  it("saves an explicit allow-list and returns to defaults", async () => {
    const narrowed = await patchPrefs({
      notifications: { delivery: { overrideEnabled: true, enabledEmails: ["notify_support"] } },
    });
    expect(narrowed.status).toBe(200);
    expect(narrowed.body.notifications.delivery).toMatchObject({
      overrideEnabled: true,
      enabledEmails: ["notify_support"],
      billing: { enabled: false },
    });

    const defaults = await patchPrefs({ notifications: { delivery: { overrideEnabled: false } } });
    expect(defaults.status).toBe(200);
    expect(defaults.body.notifications.delivery).toMatchObject({
      overrideEnabled: false,
      enabledEmails: ["notify_billing", "notify_support", "notify_services", "notify_domains"],
      billing: { enabled: true },
    });
  });

  it("accepts enabledEmails alone while the stored override is on", async () => {
    const answer = await patchPrefs({
      notifications: { delivery: { enabledEmails: ["notify_domains", "notify_billing"] } },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.notifications.delivery.enabledEmails).toEqual([
      "notify_domains",
      "notify_billing",
    ]);
  });

  it("updates the BankID-only login switch", async () => {
    const answer = await patchPrefs({ security: { bankIdOnlyLogin: true } });
    expect(answer.status).toBe(200);
    expect(answer.body.security).toEqual({ bankIdOnlyLogin: true, twoFactorEnabled: true });
  });

  it("switches to separate invoices", async () => {
    const answer = await patchPrefs({ billing: { separateInvoices: { enabled: true } } });
    expect(answer.status).toBe(200);
    expect(answer.body.billing.separateInvoices).toMatchObject({ enabled: true, reason: null });
    expect((await getPrefs()).body.billing.separateInvoices.enabled).toBe(true);
  });

  it("deep-merges categories", async () => {
    await patchPrefs({ categories: { ui: { theme: "dark" } } });
    const answer = await patchPrefs({ categories: { ui: { compact: true }, custom: { a: "b" } } });
    expect(answer.status).toBe(200);
    expect(answer.body.categories).toEqual({
      general: {},
      ui: { theme: "dark", compact: true },
      notifications: {},
      billing: {},
      dashboard: {},
      custom: { a: "b" },
    });
  });

  it("treats an empty body as a no-op", async () => {
    const answer = await patchPrefs({});
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(DOC_EXAMPLE);
  });
});

describe("card auto-charge status", () => {
  it("is disabled when not configured", async () => {
    const answer = await patchPrefs({ billing: { cardAutoCharge: { configured: false } } });
    expect(answer.status).toBe(200);
    expect(answer.body.billing.cardAutoCharge).toMatchObject({
      configured: false,
      enabled: false,
      status: "disabled",
      hasPaymentMethod: true,
    });
  });

  it("is active when configured with a saved card", async () => {
    await patchPrefs({ billing: { cardAutoCharge: { configured: false } } });
    const answer = await patchPrefs({ billing: { cardAutoCharge: { configured: true } } });
    expect(answer.body.billing.cardAutoCharge).toMatchObject({
      configured: true,
      enabled: true,
      status: "active",
      hasPaymentMethod: true,
      reason: null,
    });
  });

  it("needs a payment method when configured without a card", async () => {
    const body = { billing: { cardAutoCharge: { configured: true } } };
    const answer = await patchPrefs(body, K.noCard);
    expect(answer.status).toBe(200);
    expect(answer.body.billing.cardAutoCharge).toMatchObject({
      configured: true,
      enabled: false,
      status: "needs_payment_method",
      hasPaymentMethod: false,
    });
    expect(typeof answer.body.billing.cardAutoCharge.reason).toBe("string");
  });

  it("follows the card flag in the state", async () => {
    sim.state.clients.get(HOSTUP_DEMO_CLIENTS.main)!.cardSaved = false;
    expect((await getPrefs()).body.billing.cardAutoCharge.status).toBe("needs_payment_method");
    sim.state.clients.get(HOSTUP_DEMO_CLIENTS.noCard)!.cardSaved = true;
    const other = (await getPrefs(K.noCard)).body.billing.cardAutoCharge;
    expect(other).toMatchObject({ status: "active", enabled: true, hasPaymentMethod: true });
  });
});

describe("peppol opt-out", () => {
  it("stamps the opt-out time and reason, and clears both on opt-in", async () => {
    const before = Date.now();
    const out = await patchPrefs({ billing: { peppol: { optedOut: true } } });
    const after = Date.now();
    expect(out.status).toBe(200);
    const peppol = out.body.billing.peppol;
    expect(peppol.optedOut).toBe(true);
    expect(peppol.optOutReason).toBe(HOSTUP_PEPPOL_OPT_OUT_REASON);
    expect(peppol.optedOutAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    const at = Date.parse(peppol.optedOutAt);
    expect(at).toBeGreaterThanOrEqual(before);
    expect(at).toBeLessThanOrEqual(after);

    const back = await patchPrefs({ billing: { peppol: { optedOut: false } } });
    expect(back.body.billing.peppol).toEqual({
      optedOut: false,
      optOutReason: null,
      optedOutAt: null,
    });
  });

  it("keeps the first opt-out time when opting out again", async () => {
    const answer = await patchPrefs({ billing: { peppol: { optedOut: true } } }, K.noCard);
    expect(answer.body.billing.peppol.optedOutAt).toBe("2026-03-02T08:15:00.000Z");
  });

  it("needs only write:account", async () => {
    const answer = await patchPrefs({ billing: { peppol: { optedOut: true } } }, K.accountOnly);
    expect(answer.status).toBe(200);
    expect(answer.body.billing.peppol.optedOut).toBe(true);
  });
});

describe("scopes", () => {
  it("refuses billing fields to an account-only key", async () => {
    const answer = await patchPrefs(
      { billing: { separateInvoices: { enabled: true } } },
      K.accountOnly,
    );
    expectProblem(answer, 403, "forbidden", PREFS);
    expect(answer.body.title).toBe("Forbidden");
    expect(answer.body.detail).toContain("write:billing");
    expect((await getPrefs()).body.billing.separateInvoices.enabled).toBe(false);
  });

  it("refuses notification delivery to an account-only key", async () => {
    const answer = await patchPrefs(
      { notifications: { delivery: { overrideEnabled: false } } },
      K.accountOnly,
    );
    expectProblem(answer, 403, "forbidden", PREFS);
    expect(answer.body.detail).toContain("write:billing");
  });

  it("refuses any patch to a read-only key", async () => {
    for (const body of [{ localization: { languageCode: "sv" } }, {}]) {
      const answer = await patchPrefs(body, K.readOnly);
      expectProblem(answer, 403, "forbidden", PREFS);
      expect(answer.body.detail).toContain("write:account");
    }
    const both = await patchPrefs(
      { security: { bankIdOnlyLogin: true }, billing: { cardAutoCharge: { configured: false } } },
      K.readOnly,
    );
    expect(both.body.detail).toContain("write:account, write:billing");
  });

  it("rejects a mixed body whole and changes nothing", async () => {
    const answer = await patchPrefs(
      {
        localization: { languageCode: "sv" },
        billing: { separateInvoices: { enabled: true } },
      },
      K.accountOnly,
    );
    expectProblem(answer, 403, "forbidden", PREFS);
    expect((await getPrefs()).body).toEqual(DOC_EXAMPLE);
  });

  it("lets a billing-only key patch billing but not account fields", async () => {
    const billing = await patchPrefs(
      { billing: { cardAutoCharge: { configured: false } } },
      K.billingOnly,
    );
    expect(billing.status).toBe(200);
    const account = await patchPrefs({ billing: { peppol: { optedOut: true } } }, K.billingOnly);
    expectProblem(account, 403, "forbidden", PREFS);
    expect(account.body.detail).toContain("write:account");
  });

  it("checks scopes before validating", async () => {
    const body = { billing: { separateInvoices: { enabled: "x" } } };
    const answer = await patchPrefs(body, K.accountOnly);
    expect(answer.status).toBe(403);
  });

  it("needs read:account to read", async () => {
    const prefs = await getPrefs(K.noAccountScope);
    expectProblem(prefs, 403, "forbidden", PREFS);
    expect(prefs.body.detail).toContain("read:account");
    const me = await request("GET", "/api/v2/me", { key: K.noAccountScope });
    expectProblem(me, 403, "forbidden", "/api/v2/me");
  });
});

describe("validation", () => {
  it("rejects an unknown time zone with a pointer", async () => {
    const answer = await patchPrefs({ localization: { timezone: "Europe/Atlantis" } });
    expectProblem(answer, 400, "invalid_request", PREFS);
    expect(answer.body.title).toBe("Validation failed");
    expect(answer.body.errors).toEqual([
      { pointer: "/localization/timezone", detail: expect.any(String), code: "invalid_value" },
    ]);
  });

  it("rejects an unsupported language", async () => {
    const answer = await patchPrefs({ localization: { languageCode: "de" } });
    expectProblem(answer, 400, "invalid_request", PREFS);
    expect(pointers(answer)).toEqual(["/localization/languageCode"]);
  });

  it("points at the bad enabledEmails entry", async () => {
    const answer = await patchPrefs({
      notifications: {
        delivery: { overrideEnabled: true, enabledEmails: ["notify_billing", "notify_spam"] },
      },
    });
    expectProblem(answer, 400, "invalid_request", PREFS);
    expect(pointers(answer)).toEqual(["/notifications/delivery/enabledEmails/1"]);
  });

  it("rejects enabledEmails with overrideEnabled false in the body", async () => {
    const answer = await patchPrefs({
      notifications: { delivery: { overrideEnabled: false, enabledEmails: ["notify_billing"] } },
    });
    expectProblem(answer, 400, "invalid_request", PREFS);
    expect(pointers(answer)).toEqual(["/notifications/delivery/enabledEmails"]);
  });

  it("rejects enabledEmails alone while the stored override is off", async () => {
    const answer = await patchPrefs(
      { notifications: { delivery: { enabledEmails: ["notify_billing"] } } },
      K.noCard,
    );
    expectProblem(answer, 400, "invalid_request", PREFS);
    expect(pointers(answer)).toEqual(["/notifications/delivery/enabledEmails"]);
  });

  it("rejects non-booleans", async () => {
    const answer = await patchPrefs({
      notifications: { emailEnabled: "yes" },
      billing: { cardAutoCharge: { configured: 1 } },
    });
    expectProblem(answer, 400, "invalid_request", PREFS);
    expect(answer.body.errors).toEqual([
      { pointer: "/notifications/emailEnabled", detail: expect.any(String), code: "invalid_type" },
      {
        pointer: "/billing/cardAutoCharge/configured",
        detail: expect.any(String),
        code: "invalid_type",
      },
    ]);
  });

  it("rejects unknown and read-only members", async () => {
    const answer = await patchPrefs({
      theme: "dark",
      localization: { currency: "SEK" },
      security: { twoFactorEnabled: false },
      billing: { cardAutoCharge: { configured: true, status: "active" } },
    });
    expectProblem(answer, 400, "invalid_request", PREFS);
    expect(answer.body.errors).toEqual([
      { pointer: "/theme", detail: expect.any(String), code: "unknown_field" },
      { pointer: "/localization/currency", detail: expect.any(String), code: "unknown_field" },
      { pointer: "/security/twoFactorEnabled", detail: expect.any(String), code: "read_only" },
      { pointer: "/billing/cardAutoCharge/status", detail: expect.any(String), code: "read_only" },
    ]);
  });

  it("requires the single writable field of billing sub-objects", async () => {
    const answer = await patchPrefs({ billing: { peppol: {}, separateInvoices: { label: "x" } } });
    expectProblem(answer, 400, "invalid_request", PREFS);
    expect(answer.body.errors).toEqual([
      { pointer: "/billing/peppol/optedOut", detail: expect.any(String), code: "missing_required" },
      {
        pointer: "/billing/separateInvoices/enabled",
        detail: expect.any(String),
        code: "missing_required",
      },
      { pointer: "/billing/separateInvoices/label", detail: expect.any(String), code: "read_only" },
    ]);
  });

  it("collects every error at once and changes nothing", async () => {
    const answer = await patchPrefs({
      localization: { languageCode: "fi", timezone: "Mars/Olympus" },
      notifications: { smsEnabled: null, delivery: { overrideEnabled: true, enabledEmails: [7] } },
      security: { bankIdOnlyLogin: true },
      categories: { ui: { fontSize: 12 }, dashboard: "wide" },
    });
    expectProblem(answer, 400, "invalid_request", PREFS);
    expect(pointers(answer)).toEqual([
      "/localization/languageCode",
      "/localization/timezone",
      "/notifications/smsEnabled",
      "/notifications/delivery/enabledEmails/0",
      "/categories/ui/fontSize",
      "/categories/dashboard",
    ]);
    expect((await getPrefs()).body).toEqual(DOC_EXAMPLE);
  });

  it("rejects a body that is not an object", async () => {
    for (const body of [[], "text", null]) {
      const answer = await patchPrefs(body);
      expectProblem(answer, 400, "invalid_request", PREFS);
      expect(pointers(answer)).toEqual([""]);
    }
    const missing = await request("PATCH", PREFS, { key: K.full });
    expect(pointers(missing)).toEqual([""]);
  });

  it("rejects malformed JSON", async () => {
    const answer = await request("PATCH", PREFS, { key: K.full, rawBody: "{localization:" });
    expectProblem(answer, 400, "invalid_request", PREFS);
    expect(answer.body.errors[0].code).toBe("invalid_json");
  });

  it("escapes member names in pointers", async () => {
    const answer = await patchPrefs({ localization: { "a/b~c": 1 } });
    expect(pointers(answer)).toEqual(["/localization/a~1b~0c"]);
  });
});

describe("GET /api/v2/me", () => {
  it("answers the client's AccountMe", async () => {
    const answer = await request("GET", "/api/v2/me", { key: K.readOnly });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      id: HOSTUP_DEMO_CLIENTS.main,
      name: "Astrid Lindqvist",
      email: "astrid@example.se",
      firstName: "Astrid",
      lastName: "Lindqvist",
      companyName: null,
      countryCode: "SE",
      languageCode: "en",
      currencyCode: "SEK",
    });
    expect(answer.body.id).toMatch(/^client_01[0-9a-z]{24}$/);
  });

  it("answers per client and follows the language preference", async () => {
    await patchPrefs({ localization: { languageCode: "en" } }, K.noCard);
    const answer = await request("GET", "/api/v2/me", { key: K.noCard });
    expect(answer.body).toMatchObject({
      id: HOSTUP_DEMO_CLIENTS.noCard,
      companyName: "Bergs Byrå AB",
      languageCode: "en",
    });
  });
});

describe("authentication and routing", () => {
  it("answers 401 without credentials", async () => {
    const answer = await request("GET", PREFS);
    expectProblem(answer, 401, "unauthorized", PREFS);
    expect(answer.body.title).toBe("Unauthorized");
    expect(answer.body.errors).toBeUndefined();
  });

  it("answers 401 for an unknown key or another scheme", async () => {
    expectProblem(await getPrefs("hostup_demo_nope"), 401, "unauthorized", PREFS);
    const basic = await request("GET", "/api/v2/me", { authorization: `Basic ${K.full}` });
    expectProblem(basic, 401, "unauthorized", "/api/v2/me");
  });

  it("answers 404 for unknown routes", async () => {
    const answer = await request("GET", "/api/v2/me/nothing", { key: K.full });
    expectProblem(answer, 404, "not_found", "/api/v2/me/nothing");
    const v1 = await request("GET", "/api/account/preferences", { key: K.full });
    expect(v1.status).toBe(404);
  });

  it("answers 405 with Allow for a wrong method", async () => {
    const answer = await request("DELETE", PREFS, { key: K.full });
    expectProblem(answer, 405, "method_not_allowed", PREFS);
    expect(answer.headers.get("allow")).toBe("GET, PATCH");
    const me = await request("PUT", "/api/v2/me", { key: K.full, body: {} });
    expect(me.status).toBe(405);
    expect(me.headers.get("allow")).toBe("GET");
  });
});

describe("rate limiting", () => {
  it("is off by default", async () => {
    const answer = await getPrefs();
    expect(answer.headers.get("x-ratelimit-limit")).toBeNull();
  });

  it("counts per key and answers 429 with the documented headers", async () => {
    // The simulator's clock stands still: the window's end and the wait are exact, however slow
    // the requests.
    const clock = Date.parse("2026-12-01T12:00:00Z");
    sim.state.now = () => clock;
    sim.state.rateLimit = { limit: 2, windowMs: 60_000 };
    const first = await getPrefs();
    expect(first.status).toBe(200);
    expect(first.headers.get("x-ratelimit-limit")).toBe("2");
    expect(first.headers.get("x-ratelimit-remaining")).toBe("1");
    const second = await patchPrefs({ security: { bankIdOnlyLogin: true } });
    expect(second.status).toBe(200);
    expect(second.headers.get("x-ratelimit-remaining")).toBe("0");

    const limited = await getPrefs();
    expectProblem(limited, 429, "rate_limited", PREFS);
    expect(limited.headers.get("retry-after")).toBe("60");
    expect(limited.headers.get("x-ratelimit-limit")).toBe("2");
    expect(limited.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(limited.headers.get("x-ratelimit-reset")).toBe("2026-12-01T12:01:00.000Z");

    expect((await getPrefs(K.readOnly)).status).toBe(200);
  });

  it("opens a new window once the old one ends", async () => {
    let clock = Date.parse("2026-12-01T12:00:00Z");
    sim.state.now = () => clock;
    try {
      sim.state.rateLimit = { limit: 1, windowMs: 150 };
      expect((await getPrefs()).status).toBe(200);
      clock += 149;
      const limited = await getPrefs();
      expect(limited.status).toBe(429);
      expect(limited.headers.get("x-ratelimit-reset")).toBe("2026-12-01T12:00:00.150Z");
      clock += 1;
      const again = await getPrefs();
      expect(again.status).toBe(200);
      expect(again.headers.get("x-ratelimit-remaining")).toBe("0");
    } finally {
      sim.state.now = Date.now;
    }
  });
});
