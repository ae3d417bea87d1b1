import { afterAll, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import {
  HOSTUP_DEMO_CLIENTS,
  HOSTUP_DEMO_KEYS,
  HOSTUP_PEPPOL_OPT_OUT_REASON,
  startHostupSimulator,
} from "../../src/providers/hostup/simulator/hostup.simulator.js";
import {
  HostupAccountByIdDocument,
  HostupAccountFullDocument,
  HostupIdAliasesDocument,
  HostupPatchPreferencesDocument,
  HostupPatchPreferencesWithIdDocument,
  HostupPreferencesWithoutIdDocument,
  HostupTogglesDocument,
  type PatchPreferencesInput,
} from "../__generated__/operations.js";
import { startTestServer, type TestServer } from "../helpers/server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());
beforeEach(() => server.resetSims());

const hostup = () => server.sims.hostup.control;
const key = (value: string) => ({ "X-Hostup-Api-Key": value });
const PREFS = "/api/v2/me/preferences";
const ME = "/api/v2/me";
/** Calls to exactly `METHOD path` (`count()` matches substrings; /me prefixes /me/preferences). */
const calls = (method: string, path: string) =>
  hostup().calls.filter(call => call.method === method && call.path === path);

const ALL_EMAILS = ["notify_billing", "notify_support", "notify_services", "notify_domains"];

// The seeded main client reads exactly like the 200 example of the PATCH preferences page.
const MAIN_PREFERENCES = {
  provider: "HOSTUP",
  localization: { languageCode: "EN", timezone: "Europe/Stockholm" },
  notifications: {
    emailEnabled: true,
    smsEnabled: false,
    delivery: {
      overrideEnabled: true,
      enabledEmails: ALL_EMAILS,
      billing: {
        enabled: true,
        canToggle: {
          allowed: false,
          reason: "Add a billing notification recipient before changing billing email delivery.",
        },
      },
    },
  },
  security: { bankIdOnlyLogin: false, twoFactorEnabled: true },
  billing: {
    peppol: { optedOut: false, optOutReason: null, optedOutAt: null },
    cardAutoCharge: {
      configured: true,
      enabled: true,
      status: "ACTIVE",
      hasPaymentMethod: true,
      method: "card",
      label: "Card auto-charge",
      description: "Automatically charge the saved card when invoices are due.",
      reason: null,
      canToggle: { allowed: true, reason: null },
    },
    separateInvoices: {
      enabled: false,
      label: "Separate service invoices",
      description: "Create separate invoices for services instead of grouping them together.",
      reason: null,
      canToggle: { allowed: true, reason: null },
    },
  },
  categories: { general: {}, ui: {}, notifications: {}, billing: {}, dashboard: {} },
};

describe("Hostup read", () => {
  it("maps every field of the preferences and takes id from GET /api/v2/me", async () => {
    const { status, body } = await server.gql(HostupAccountFullDocument);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data?.account).toEqual({ id: HOSTUP_DEMO_CLIENTS.main, ...MAIN_PREFERENCES });
    expect(calls("GET", PREFS)).toHaveLength(1);
    expect(calls("GET", ME)).toHaveLength(1);
    expect(hostup().calls).toHaveLength(2);
    for (const call of hostup().calls) {
      expect(call.headers.authorization).toBe(`Bearer ${HOSTUP_DEMO_KEYS.full}`);
      expect(call.headers.accept).toMatch(/application\/json/);
      expect(call.rawBody).toBe("");
    }
  });

  it("maps the second client: Swedish, Peppol opt-out, auto-charge needing a card", async () => {
    const { body } = await server.gql(HostupAccountFullDocument, {}, key(HOSTUP_DEMO_KEYS.noCard));
    expect(body.errors).toBeUndefined();
    const account = body.data!.account as typeof MAIN_PREFERENCES & { id: string };
    expect(account.id).toBe(HOSTUP_DEMO_CLIENTS.noCard);
    expect(account.localization.languageCode).toBe("SV");
    expect(account.security).toEqual({ bankIdOnlyLogin: true, twoFactorEnabled: false });
    expect(account.billing.peppol).toEqual({
      optedOut: true,
      optOutReason: HOSTUP_PEPPOL_OPT_OUT_REASON,
      optedOutAt: "2026-03-02T08:15:00.000Z",
    });
    expect(account.billing.cardAutoCharge).toMatchObject({
      configured: true,
      enabled: false,
      status: "NEEDS_PAYMENT_METHOD",
      hasPaymentMethod: false,
      reason: "Save a card to activate automatic card payments.",
    });
    expect(account.billing.separateInvoices.enabled).toBe(true);
    expect(account.notifications.delivery.overrideEnabled).toBe(false);
    const billingEmails = account.notifications.delivery.billing;
    expect(billingEmails.canToggle).toEqual({ allowed: true, reason: null });
    expect(account.categories).toMatchObject({
      ui: { theme: "dark", compactTables: true },
      dashboard: { defaultView: "services" },
    });
    expect(hostup().calls[0]!.headers.authorization).toBe(`Bearer ${HOSTUP_DEMO_KEYS.noCard}`);
  });

  it("does not call GET /api/v2/me when id is not selected", async () => {
    const { body } = await server.gql(HostupPreferencesWithoutIdDocument);
    expect(body.errors).toBeUndefined();
    expect(body.data?.account).toEqual(MAIN_PREFERENCES);
    expect(calls("GET", ME)).toHaveLength(0);
    expect(calls("GET", PREFS)).toHaveLength(1);
  });

  it("calls GET /api/v2/me once however many aliases select id (accounts included)", async () => {
    const { body } = await server.gql(HostupIdAliasesDocument);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      a: { id: HOSTUP_DEMO_CLIENTS.main },
      b: { theId: HOSTUP_DEMO_CLIENTS.main, security: { twoFactorEnabled: true } },
      c: [{ id: HOSTUP_DEMO_CLIENTS.main }],
    });
    expect(calls("GET", ME)).toHaveLength(1);
    expect(calls("GET", PREFS)).toHaveLength(1);
  });

  it("exposes both billing switches through the shared HostupBillingToggle interface", async () => {
    const { body } = await server.gql(HostupTogglesDocument);
    expect(body.errors).toBeUndefined();
    expect(body.data?.account).toEqual({
      billing: {
        cardAutoCharge: {
          __typename: "HostupCardAutoCharge",
          enabled: true,
          label: "Card auto-charge",
          canToggle: { allowed: true },
        },
        separateInvoices: {
          __typename: "HostupSeparateInvoices",
          enabled: false,
          label: "Separate service invoices",
          canToggle: { allowed: true },
        },
      },
    });
  });

  it("reads an auto-charge status Hostup adds later as UNKNOWN instead of failing", async () => {
    const page = await server.gql(HostupPreferencesWithoutIdDocument);
    const dto = {
      ...(page.body.data!.account as object),
      localization: { languageCode: "en", timezone: "UTC" },
      billing: {
        peppol: { optedOut: false, optOutReason: null, optedOutAt: null },
        cardAutoCharge: {
          enabled: false,
          configured: true,
          status: "paused",
          hasPaymentMethod: true,
        },
        separateInvoices: null,
      },
    };
    hostup().failNext({ status: 200, body: dto, match: `GET ${PREFS}` });
    const { body } = await server.gql(HostupPreferencesWithoutIdDocument);
    expect(body.errors).toBeUndefined();
    const account = body.data!.account as typeof MAIN_PREFERENCES;
    expect(account.billing.cardAutoCharge).toMatchObject({
      status: "UNKNOWN",
      label: null,
      canToggle: null,
    });
    expect(account.billing.separateInvoices).toBeNull();
  });

  it("answers UPSTREAM_ERROR for preferences it cannot read (an unknown language)", async () => {
    hostup().failNext({
      status: 200,
      body: { localization: { languageCode: "de", timezone: "UTC" } },
      match: `GET ${PREFS}`,
    });
    const { body } = await server.gql(HostupPreferencesWithoutIdDocument);
    expect(body.data?.account).toBeNull();
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: "UPSTREAM_ERROR",
      provider: "HOSTUP",
    });
    expect(body.errors?.[0]?.message).toContain("languageCode");
  });
});

describe("Hostup answers that are not preferences", () => {
  it("refuses a 200 {} as no preferences", async () => {
    hostup().failNext({ status: 200, body: {}, match: `GET ${PREFS}` });
    const { body } = await server.gql(HostupPreferencesWithoutIdDocument);
    expect(body.data?.account).toBeNull();
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "UPSTREAM_ERROR", provider: "HOSTUP", upstreamStatus: 200 });
    expect(body.errors?.[0]?.message).toContain("no preferences");
  });

  it("errors at a timestamp or text of the wrong type instead of serving null", async () => {
    hostup().failNext({
      status: 200,
      body: { billing: { peppol: { optedOut: true, optOutReason: 42, optedOutAt: { seconds: 1700000000 } } } },
      match: `GET ${PREFS}`,
    });
    const { body } = await server.gql("{ account(provider: HOSTUP) { ... on HostupAccount { billing { peppol { optedOut optOutReason optedOutAt } } } } }");
    expect(body.data?.account).toEqual({ billing: { peppol: { optedOut: true, optOutReason: null, optedOutAt: null } } });
    const errors = (body.errors ?? []).map(e => [e.path?.join("."), e.extensions?.code, e.extensions?.provider]);
    expect(errors.sort()).toEqual([
      ["account.billing.peppol.optOutReason", "UPSTREAM_ERROR", "HOSTUP"],
      ["account.billing.peppol.optedOutAt", "UPSTREAM_ERROR", "HOSTUP"],
    ]);
  });
});

describe("Hostup account ids", () => {
  it("answers the caller's own id and NOT_FOUND, without data, for any other id", async () => {
    const own = await server.gql(HostupAccountByIdDocument, { id: HOSTUP_DEMO_CLIENTS.main });
    expect(own.body.errors).toBeUndefined();
    expect(own.body.data?.account).toEqual({
      id: HOSTUP_DEMO_CLIENTS.main,
      localization: { timezone: "Europe/Stockholm" },
    });
    expect(calls("GET", ME)).toHaveLength(1);

    const other = await server.gql(
      HostupAccountByIdDocument,
      { id: HOSTUP_DEMO_CLIENTS.main },
      key(HOSTUP_DEMO_KEYS.noCard),
    );
    expect(other.body.data?.account).toBeNull();
    expect(other.body.errors?.[0]?.extensions).toMatchObject({
      code: "NOT_FOUND",
      provider: "HOSTUP",
    });
    expect(JSON.stringify(other.body)).not.toContain("Europe/Stockholm");
  });

  it("resolves entity references through the same loaders and checks their ids", async () => {
    const query = `query ($reps: [_Any!]!) {
      _entities(representations: $reps) { ... on HostupAccount { id security { bankIdOnlyLogin } } }
    }`;
    const reps = [
      { __typename: "HostupAccount", id: HOSTUP_DEMO_CLIENTS.main },
      { __typename: "HostupAccount", id: HOSTUP_DEMO_CLIENTS.main },
      { __typename: "HostupAccount", id: HOSTUP_DEMO_CLIENTS.noCard },
    ];
    const { body } = await server.gql<{ _entities: unknown[] }>(query, { reps });
    expect(body.data?._entities).toEqual([
      { id: HOSTUP_DEMO_CLIENTS.main, security: { bankIdOnlyLogin: false } },
      { id: HOSTUP_DEMO_CLIENTS.main, security: { bankIdOnlyLogin: false } },
      null,
    ]);
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0]).toMatchObject({
      path: ["_entities", 2],
      extensions: { code: "NOT_FOUND", provider: "HOSTUP" },
    });
    expect(calls("GET", ME)).toHaveLength(1);
    expect(calls("GET", PREFS)).toHaveLength(1);
  });
});

const patch = (input: PatchPreferencesInput, headers?: Record<string, string>) =>
  server.gql(HostupPatchPreferencesDocument, { input }, headers);

describe("patchPreferences", () => {
  type Result = typeof MAIN_PREFERENCES;
  const cases: [string, PatchPreferencesInput, unknown, (result: Result) => unknown, unknown][] = [
    [
      "localization",
      { localization: { languageCode: "SV", timezone: "America/New_York" } },
      { localization: { languageCode: "sv", timezone: "America/New_York" } },
      r => r.localization,
      { languageCode: "SV", timezone: "America/New_York" },
    ],
    [
      "localization.timezone alone (UTC)",
      { localization: { timezone: "UTC" } },
      { localization: { timezone: "UTC" } },
      r => r.localization,
      { languageCode: "EN", timezone: "UTC" },
    ],
    [
      "notifications.emailEnabled and smsEnabled",
      { notifications: { emailEnabled: false, smsEnabled: true } },
      { notifications: { emailEnabled: false, smsEnabled: true } },
      r => [r.notifications.emailEnabled, r.notifications.smsEnabled],
      [false, true],
    ],
    [
      "notifications.delivery with an allow-list",
      { notifications: { delivery: { overrideEnabled: true, enabledEmails: ["notify_domains"] } } },
      { notifications: { delivery: { overrideEnabled: true, enabledEmails: ["notify_domains"] } } },
      r => r.notifications.delivery.enabledEmails,
      ["notify_domains"],
    ],
    [
      "notifications.delivery back to defaults",
      { notifications: { delivery: { overrideEnabled: false } } },
      { notifications: { delivery: { overrideEnabled: false } } },
      r => [r.notifications.delivery.overrideEnabled, r.notifications.delivery.enabledEmails],
      [false, ALL_EMAILS],
    ],
    [
      "security",
      { security: { bankIdOnlyLogin: true } },
      { security: { bankIdOnlyLogin: true } },
      r => r.security,
      { bankIdOnlyLogin: true, twoFactorEnabled: true },
    ],
    [
      "billing.peppol",
      { billing: { peppol: { optedOut: true } } },
      { billing: { peppol: { optedOut: true } } },
      r => [r.billing.peppol.optedOut, r.billing.peppol.optOutReason],
      [true, HOSTUP_PEPPOL_OPT_OUT_REASON],
    ],
    [
      "billing.cardAutoCharge",
      { billing: { cardAutoCharge: { configured: false } } },
      { billing: { cardAutoCharge: { configured: false } } },
      r => [r.billing.cardAutoCharge.configured, r.billing.cardAutoCharge.status],
      [false, "DISABLED"],
    ],
    [
      "billing.separateInvoices",
      { billing: { separateInvoices: { enabled: true } } },
      { billing: { separateInvoices: { enabled: true } } },
      r => r.billing.separateInvoices.enabled,
      true,
    ],
    [
      "categories",
      { categories: { ui: { theme: "dark", compactTables: true } } },
      { categories: { ui: { theme: "dark", compactTables: true } } },
      r => (r.categories as Record<string, unknown>).ui,
      { theme: "dark", compactTables: true },
    ],
  ];

  it.each(cases)("patches %s alone", async (_n, input, sent, pick, expected) => {
    const { body } = await patch(input);
    expect(body.errors).toBeUndefined();
    expect(pick(body.data!.patchPreferences as Result)).toEqual(expected);
    expect(hostup().calls).toHaveLength(1);
    const [call] = hostup().calls;
    expect(call!.method).toBe("PATCH");
    expect(call!.path).toBe(PREFS);
    expect(call!.body).toEqual(sent);
    expect(call!.rawBody).not.toContain("null");
    expect(call!.headers["content-type"]).toMatch(/^application\/json/);
  });

  it("sends a mixed patch as one body and stores every part", async () => {
    const input: PatchPreferencesInput = {
      localization: { languageCode: "SV" },
      notifications: {
        smsEnabled: true,
        delivery: { overrideEnabled: true, enabledEmails: ["notify_billing", "notify_support"] },
      },
      security: { bankIdOnlyLogin: true },
      billing: {
        peppol: { optedOut: true },
        cardAutoCharge: { configured: false },
        separateInvoices: { enabled: true },
      },
      categories: { dashboard: { defaultView: "domains" } },
    };
    const { body } = await patch(input);
    expect(body.errors).toBeUndefined();
    expect(hostup().calls).toHaveLength(1);
    expect(hostup().calls[0]!.body).toEqual({
      localization: { languageCode: "sv" },
      notifications: {
        smsEnabled: true,
        delivery: { overrideEnabled: true, enabledEmails: ["notify_billing", "notify_support"] },
      },
      security: { bankIdOnlyLogin: true },
      billing: {
        peppol: { optedOut: true },
        cardAutoCharge: { configured: false },
        separateInvoices: { enabled: true },
      },
      categories: { dashboard: { defaultView: "domains" } },
    });
    const result = body.data!.patchPreferences as Result;
    expect(result.localization.languageCode).toBe("SV");
    const { delivery } = result.notifications;
    expect(delivery.enabledEmails).toEqual(["notify_billing", "notify_support"]);
    expect(result.billing.peppol.optedOutAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(result.billing.cardAutoCharge.status).toBe("DISABLED");
    expect(result.categories).toMatchObject({ dashboard: { defaultView: "domains" } });

    const read = await server.gql(HostupPreferencesWithoutIdDocument);
    expect(read.body.data?.account).toEqual(result);
  });

  it("serves any selection from the PATCH answer, and id with one GET /api/v2/me", async () => {
    await patch({ security: { bankIdOnlyLogin: true } });
    expect(hostup().calls).toHaveLength(1);

    hostup().reset();
    const { body } = await server.gql(HostupPatchPreferencesWithIdDocument, {
      input: { security: { bankIdOnlyLogin: false } },
    });
    expect(body.errors).toBeUndefined();
    expect(body.data?.patchPreferences).toEqual({
      id: HOSTUP_DEMO_CLIENTS.main,
      again: HOSTUP_DEMO_CLIENTS.main,
      security: { bankIdOnlyLogin: false },
    });
    expect(calls("PATCH", PREFS)).toHaveLength(1);
    expect(calls("GET", ME)).toHaveLength(1);
    expect(calls("GET", PREFS)).toHaveLength(0);
  });

  it("does not retry a failed PATCH", async () => {
    const problem = { title: "Unavailable", code: "upstream_unavailable" };
    hostup().failNext({ status: 503, body: problem });
    const { body } = await patch({ security: { bankIdOnlyLogin: true } });
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: "UPSTREAM_ERROR",
      provider: "HOSTUP",
      upstreamStatus: 503,
      upstreamCode: "upstream_unavailable",
      retryable: true,
    });
    expect(hostup().calls).toHaveLength(1);
  });
});

describe("patchPreferences local validation (nothing sent to Hostup)", () => {
  const cases: [string, PatchPreferencesInput, { field: string; message: RegExp }[]][] = [
    ["an empty input", {}, [{ field: "input", message: /at least one of localization/ }]],
    [
      "an empty part",
      { localization: {} },
      [{ field: "input.localization", message: /at least one field/ }],
    ],
    [
      "an empty nested part",
      { notifications: { emailEnabled: true }, billing: {} },
      [{ field: "input.billing", message: /at least one field/ }],
    ],
    [
      "an unknown time zone",
      { localization: { timezone: "Mars/Olympus_Mons" } },
      [{ field: "input.localization.timezone", message: /IANA time zone/ }],
    ],
    [
      "enabledEmails without overrideEnabled: true",
      {
        notifications: { delivery: { overrideEnabled: false, enabledEmails: ["notify_billing"] } },
      },
      [{ field: "input.notifications.delivery.enabledEmails", message: /overrideEnabled: true/ }],
    ],
    [
      "an unknown email category",
      {
        notifications: {
          delivery: { overrideEnabled: true, enabledEmails: ["notify_billing", "notify_spam"] },
        },
      },
      [{ field: "input.notifications.delivery.enabledEmails[1]", message: /notify_spam/ }],
    ],
    [
      "a category value that is neither string nor boolean",
      { categories: { ui: { theme: "dark", columns: 3 } } },
      [{ field: "input.categories.ui.columns", message: /string or a boolean/ }],
    ],
    [
      "a category that is not an object",
      { categories: { ui: "dark" } },
      [{ field: "input.categories.ui", message: /object of settings/ }],
    ],
    [
      "empty categories",
      { categories: {} },
      [{ field: "input.categories", message: /at least one category/ }],
    ],
    [
      "20,000 category settings",
      { categories: { ui: Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`k${i}`, true])) } },
      [{ field: "input.categories", message: /at most 200 settings/ }],
    ],
    [
      "60 categories",
      { categories: Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`c${i}`, { on: true }])) },
      [{ field: "input.categories", message: /at most 50 categories/ }],
    ],
    [
      "a 900 KB setting value",
      { categories: { ui: { theme: "x".repeat(900_000) } } },
      [{ field: "input.categories.ui.theme", message: /at most 1000 characters/ }],
    ],
    [
      "a setting key of 101 characters",
      { categories: { ui: { ["k".repeat(101)]: true } } },
      [{ field: "input.categories.ui", message: /keys must be at most 100/ }],
    ],
    [
      "categories over 32 KiB as JSON",
      { categories: { ui: Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${i}`, "v".repeat(999)])) } },
      [{ field: "input.categories", message: /at most 32 KiB/ }],
    ],
    [
      "an explicit null for a nullable field",
      { security: { bankIdOnlyLogin: null } },
      [{ field: "input.security.bankIdOnlyLogin", message: /must not be null/ }],
    ],
    [
      "an explicit null part",
      { localization: null, security: { bankIdOnlyLogin: true } },
      [{ field: "input.localization", message: /must not be null/ }],
    ],
    [
      "several problems at once",
      {
        localization: { timezone: "Europe/Atlantis" },
        notifications: { delivery: { overrideEnabled: true, enabledEmails: ["spam"] } },
        categories: { ui: { theme: null } },
      },
      [
        { field: "input.localization.timezone", message: /IANA/ },
        { field: "input.notifications.delivery.enabledEmails[0]", message: /notify_billing/ },
        { field: "input.categories.ui.theme", message: /string or a boolean/ },
      ],
    ],
  ];

  it.each(cases)("rejects %s", async (_name, input, expected) => {
    const { body } = await patch(input);
    expect(body.data).toBeNull();
    expect(body.errors).toHaveLength(1);
    const extensions = body.errors![0]!.extensions as {
      code: string;
      fieldErrors: { field: string; message: string }[];
    };
    expect(extensions.code).toBe("BAD_USER_INPUT");
    expect(extensions.fieldErrors).toHaveLength(expected.length);
    for (const { field, message } of expected) {
      const hit = extensions.fieldErrors.find(error => error.field === field);
      expect(hit?.message).toMatch(message);
    }
    expect(hostup().calls).toHaveLength(0);
  });
});

describe("Hostup errors", () => {
  it("maps a missing write:billing scope to FORBIDDEN with Hostup's detail", async () => {
    const { body } = await patch(
      { billing: { separateInvoices: { enabled: true } } },
      key(HOSTUP_DEMO_KEYS.accountOnly),
    );
    expect(body.data).toBeNull();
    const [error] = body.errors!;
    expect(error!.extensions).toMatchObject({
      code: "FORBIDDEN",
      provider: "HOSTUP",
      upstreamStatus: 403,
      upstreamCode: "forbidden",
      upstreamRequestId: expect.stringMatching(/^req_[0-9a-z]{26}$/),
      retryable: false,
    });
    expect(error!.message).toContain("write:billing");
    expect(calls("PATCH", PREFS)).toHaveLength(1);
    const stored = server.sims.hostup.state.clients.get(HOSTUP_DEMO_CLIENTS.main)!.preferences;
    expect(stored.billing.separateInvoices).toBe(false);
  });

  it("maps a key without read:account to FORBIDDEN on the read", async () => {
    const { body } = await server.gql(
      HostupPreferencesWithoutIdDocument,
      {},
      key(HOSTUP_DEMO_KEYS.noAccountScope),
    );
    expect(body.data?.account).toBeNull();
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", upstreamStatus: 403 });
    expect(body.errors?.[0]?.message).toContain("read:account");
  });

  it("maps an unknown key to UNAUTHENTICATED", async () => {
    const unknown = key("hostup_not_a_key");
    const { body } = await server.gql(HostupPreferencesWithoutIdDocument, {}, unknown);
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: "UNAUTHENTICATED",
      provider: "HOSTUP",
      upstreamStatus: 401,
      upstreamCode: "unauthorized",
    });
  });

  it("maps Hostup's field errors (JSON Pointers) to paths into the GraphQL input", async () => {
    hostup().failNext({
      status: 400,
      match: `PATCH ${PREFS}`,
      headers: { "content-type": "application/problem+json", "x-request-id": "req_header" },
      body: {
        type: "https://developer.hostup.se/errors/invalid_request",
        title: "Validation failed",
        status: 400,
        detail: "The request body failed validation.",
        code: "invalid_request",
        instance: PREFS,
        requestId: "req_01hxa3b4c5d6e7f8g9h0j1k2m3",
        errors: [
          {
            pointer: "/notifications/delivery/enabledEmails/1",
            detail: "Each email category must be one of: notify_billing, notify_support.",
            code: "invalid_value",
          },
          { pointer: "/categories/ui~1x/theme~0y", detail: "Too long.", code: "invalid_value" },
          { pointer: "", detail: "The request body is not valid JSON.", code: "invalid_json" },
        ],
      },
    });
    const { body } = await patch({
      notifications: {
        delivery: { overrideEnabled: true, enabledEmails: ["notify_billing", "notify_services"] },
      },
      categories: { "ui/x": { "theme~y": "dark" } },
    });
    expect(body.errors?.[0]?.message).toBe(
      "Hostup rejected the input (HTTP 400): The request body failed validation.",
    );
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      provider: "HOSTUP",
      upstreamStatus: 400,
      upstreamCode: "invalid_request",
      upstreamRequestId: "req_01hxa3b4c5d6e7f8g9h0j1k2m3",
      fieldErrors: [
        {
          field: "input.notifications.delivery.enabledEmails[1]",
          message: "Each email category must be one of: notify_billing, notify_support.",
        },
        { field: "input.categories.ui/x.theme~y", message: "Too long." },
        { field: "input", message: "The request body is not valid JSON." },
      ],
    });
  });

  it("falls back to `title` and the X-Request-Id header when the body lacks them", async () => {
    hostup().failNext({
      status: 409,
      headers: { "x-request-id": "req_from_header" },
      body: { title: "Conflict", status: 409, code: "conflict" },
    });
    const { body } = await patch({ security: { bankIdOnlyLogin: true } });
    expect(body.errors?.[0]?.message).toBe("Hostup reported a conflict (HTTP 409): Conflict");
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: "CONFLICT",
      upstreamRequestId: "req_from_header",
    });
  });

  it("maps 429 to RATE_LIMITED with retryAfterSeconds when beyond the retry cap", async () => {
    const state = server.sims.hostup.state;
    // The provider's clock stands still, so the wait it asks for is the whole window, however long
    // the two requests take.
    const clock = Date.now();
    state.now = () => clock;
    try {
      state.rateLimit = { limit: 1, windowMs: 60_000 };
      const first = await server.gql(HostupPreferencesWithoutIdDocument);
      expect(first.body.errors).toBeUndefined();
      const { body } = await server.gql(HostupPreferencesWithoutIdDocument);
      expect(body.data?.account).toBeNull();
      expect(body.errors?.[0]?.extensions).toMatchObject({
        code: "RATE_LIMITED",
        provider: "HOSTUP",
        upstreamStatus: 429,
        upstreamCode: "rate_limited",
        retryable: true,
        retryAfterSeconds: 60,
      });
      // No retry: the wait is far above the retry cap.
      expect(calls("GET", PREFS)).toHaveLength(2);
    } finally {
      state.now = Date.now;
    }
  });
});

describe("Hostup live mode", () => {
  it("works against a Hostup at any base URL with the caller's key, and needs a key", async () => {
    const upstream = await startHostupSimulator();
    const live = await startTestServer({
      PROVIDERS_MODE: "live",
      HOSTUP_BASE_URL: `${upstream.url}/`,
    });
    try {
      const read = await live.gql(HostupAccountFullDocument, {}, key(HOSTUP_DEMO_KEYS.noCard));
      expect(read.body.errors).toBeUndefined();
      expect(read.body.data?.account).toMatchObject({
        id: HOSTUP_DEMO_CLIENTS.noCard,
        localization: { languageCode: "SV" },
      });
      const patched = await live.gql(
        HostupPatchPreferencesDocument,
        { input: { localization: { timezone: "Europe/Helsinki" } } },
        key(HOSTUP_DEMO_KEYS.noCard),
      );
      expect(patched.body.data?.patchPreferences.localization?.timezone).toBe("Europe/Helsinki");
      expect(upstream.control.calls.map(c => `${c.method} ${c.path}`).sort()).toEqual(
        [`GET ${ME}`, `GET ${PREFS}`, `PATCH ${PREFS}`].sort(),
      );
      for (const call of upstream.control.calls) {
        expect(call.headers.authorization).toBe(`Bearer ${HOSTUP_DEMO_KEYS.noCard}`);
      }

      const bare = await live.gql(HostupPreferencesWithoutIdDocument);
      expect(bare.body.errors?.[0]?.extensions).toMatchObject({
        code: "UNAUTHENTICATED",
        provider: "HOSTUP",
      });
      expect(bare.body.errors?.[0]?.message).toContain("X-Hostup-Api-Key");
      expect(upstream.control.calls).toHaveLength(3);
    } finally {
      await live.stop();
      await upstream.close();
    }
  });
});

describe("Hostup secrets", () => {
  it("never puts the credential in responses or logs, even when Hostup echoes it", async () => {
    const secret = "hostup_live_secret_4e5f6a7b8c9d";
    server.sims.hostup.state.keys.set(secret, {
      clientId: HOSTUP_DEMO_CLIENTS.main,
      scopes: ["read:account", "write:account"],
    });
    hostup().failNext({
      status: 401,
      body: {
        title: "Unauthorized",
        detail: `The API key ${secret} is invalid.`,
        code: "unauthorized",
      },
    });
    const failed = await server.gql(HostupPreferencesWithoutIdDocument, {}, key(secret));
    const read = await server.gql(HostupAccountFullDocument, {}, key(secret));
    const denied = await patch({ billing: { cardAutoCharge: { configured: false } } }, key(secret));
    const done = await patch({ security: { bankIdOnlyLogin: true } }, key(secret));
    expect(failed.body.errors?.[0]?.message).toContain("[REDACTED]");
    expect(read.body.data?.account?.id).toBe(HOSTUP_DEMO_CLIENTS.main);
    expect(denied.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(done.body.errors).toBeUndefined();
    const texts = [failed, read, denied, done].map(r => JSON.stringify(r.body));
    for (const text of [...texts, server.logs.text]) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(HOSTUP_DEMO_KEYS.full);
    }
    expect(server.logs.lines.length).toBeGreaterThan(0);
  });
});
