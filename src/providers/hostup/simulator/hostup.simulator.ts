import { type ProviderSimulator } from "../../../contract/provider-simulator.js";
import { HOSTUP_DEMO_KEYS as DEMO_KEYS } from "./hostup.sim-state.js";
import {
  INVALID_JSON,
  bearerToken,
  startSimServer,
  type RunningSim,
  type SimCall,
  type SimReply,
} from "../../../simulators/sim-server.js";
import {
  HOSTUP_EMAIL_CATEGORIES,
  HostupSimState,
  accountMeView,
  applyPreferencesPatch,
  preferencesView,
  type HostupPreferencesPatch,
  type HostupSimClient,
  type HostupSimKey,
} from "./hostup.sim-state.js";
import { isObject } from "../../../json/is-object.js";
import { hostupFaults } from "./hostup.faults.js";
import { newRequestId, problem, type Ctx, type HostupFieldError } from "./hostup.problem.js";

export {
  HOSTUP_ALL_SCOPES,
  HOSTUP_DEMO_CLIENTS,
  HOSTUP_DEMO_KEYS,
  HOSTUP_EMAIL_CATEGORIES,
  HOSTUP_PEPPOL_OPT_OUT_REASON,
  HostupSimState,
  accountMeView,
  applyPreferencesPatch,
  cardAutoChargeStatus,
  preferencesView,
  type HostupEmailCategory,
  type HostupPreferencesPatch,
  type HostupSimClient,
  type HostupSimKey,
  type HostupSimPreferences,
  type HostupSimProfile,
} from "./hostup.sim-state.js";

/**
 * Hostup simulator, following `providers/hostup.md` and the PATCH preferences page (its 200
 * example wins where the fact sheet is [I]): `GET /api/v2/me`, `GET` and `PATCH
 * /api/v2/me/preferences`, `Authorization: Bearer` keys with scopes, no success envelope, and
 * RFC 7807 problems (`application/problem+json`) for every error, with `X-Request-Id` [I].
 */

type RouteHandler = (ctx: Ctx, client: HostupSimClient, key: HostupSimKey) => SimReply;

const ok = (body: unknown): SimReply => ({ status: 200, body });

/** Build the request handler for a Hostup simulator over `state`. */
export function hostupHandler(state: HostupSimState) {
  const routes: Record<string, Record<string, RouteHandler>> = {
    "/api/v2/me": {
      GET: (ctx, client, key) =>
        needScopes(ctx, key, ["read:account"]) ?? ok(accountMeView(client)),
    },
    "/api/v2/me/preferences": {
      GET: (ctx, client, key) =>
        needScopes(ctx, key, ["read:account"]) ?? ok(preferencesView(client)),
      PATCH: patchPreferences,
    },
  };

  function route(ctx: Ctx): SimReply {
    const { call } = ctx;
    const methods = routes[call.path];
    if (!methods) {
      return problem(ctx, 404, "not_found", "Not found", `No endpoint matches ${call.path}.`);
    }
    const handler = methods[call.method];
    if (!handler) {
      const allow = Object.keys(methods).join(", ");
      const reply = problem(
        ctx,
        405,
        "method_not_allowed",
        "Method not allowed",
        `${call.method} is not supported on ${call.path}; use ${allow}.`,
      );
      return { ...reply, headers: { ...reply.headers, allow } };
    }
    const token = bearerToken(call);
    const key = token === undefined ? undefined : state.keys.get(token);
    const client = key && state.clients.get(key.clientId);
    if (!token || !key || !client) {
      const detail = token
        ? "The API key is invalid, expired or revoked."
        : "Authentication is required.";
      return problem(ctx, 401, "unauthorized", "Unauthorized", detail);
    }
    const limit = countRequest(state, token);
    if (limit?.exceeded) {
      const reply = problem(
        ctx,
        429,
        "rate_limited",
        "Rate limit exceeded",
        "Rate limit exceeded. Please try again later.",
      );
      const retryAfter = String(limit.retryAfterSeconds);
      const headers = { ...reply.headers, ...limit.headers, "retry-after": retryAfter };
      return { ...reply, headers };
    }
    const reply = handler(ctx, client, key);
    return limit ? { ...reply, headers: { ...reply.headers, ...limit.headers } } : reply;
  }

  return (call: SimCall): SimReply => {
    const ctx: Ctx = { call, requestId: newRequestId() };
    const reply = route(ctx);
    return { ...reply, headers: { ...reply.headers, "x-request-id": ctx.requestId } };
  };
}

// [I] Fixed window per API key, counted after authentication; the real limits are unpublished.
function countRequest(state: HostupSimState, token: string) {
  const limit = state.rateLimit;
  if (!limit) return undefined;
  const now = state.now();
  let window = state.rateWindows.get(token);
  if (!window || now >= window.startedAt + limit.windowMs) {
    window = { startedAt: now, count: 0 };
    state.rateWindows.set(token, window);
  }
  window.count += 1;
  const resetAt = window.startedAt + limit.windowMs;
  return {
    exceeded: window.count > limit.limit,
    retryAfterSeconds: Math.max(1, Math.ceil((resetAt - now) / 1000)),
    headers: {
      "x-ratelimit-limit": String(limit.limit),
      "x-ratelimit-remaining": String(Math.max(0, limit.limit - window.count)),
      // Documented as an ISO timestamp, not epoch seconds.
      "x-ratelimit-reset": new Date(resetAt).toISOString(),
    },
  };
}

function needScopes(ctx: Ctx, key: HostupSimKey, scopes: string[]): SimReply | undefined {
  const missing = scopes.filter(scope => !key.scopes.includes(scope));
  if (missing.length === 0) return undefined;
  const detail =
    missing.length === 1
      ? `This API key lacks the required scope ${missing[0]}.`
      : `This API key lacks the required scopes ${missing.join(", ")}.`;
  // [I] no dedicated missing-scope code is documented.
  return problem(ctx, 403, "forbidden", "Forbidden", detail);
}

function patchPreferences(ctx: Ctx, client: HostupSimClient, key: HostupSimKey): SimReply {
  const { body } = ctx.call;
  // [I] a body needing a scope the key lacks is refused whole, before validation.
  const denied = needScopes(ctx, key, patchScopes(body));
  if (denied) return denied;
  const errors: HostupFieldError[] =
    body === INVALID_JSON
      ? [{ pointer: "", detail: "The request body is not valid JSON.", code: "invalid_json" }]
      : validatePatch(body, client);
  if (errors.length > 0) {
    const detail = "The request body failed validation.";
    return problem(ctx, 400, "invalid_request", "Validation failed", detail, errors);
  }
  applyPreferencesPatch(client, body as HostupPreferencesPatch);
  return ok(preferencesView(client));
}

// Members that need write:billing, by top-level part; everything else needs write:account.
const BILLING_SCOPED: Record<string, string[]> = {
  notifications: ["delivery"],
  billing: ["cardAutoCharge", "separateInvoices"],
};

/** The write scopes a PATCH preferences body needs (write:account when it touches nothing). */
function patchScopes(body: unknown): string[] {
  let account = false;
  let billing = false;
  if (isObject(body)) {
    for (const [part, value] of Object.entries(body)) {
      const billingMembers = BILLING_SCOPED[part];
      if (!billingMembers || !isObject(value)) {
        account = true;
        continue;
      }
      for (const member of Object.keys(value)) {
        if (billingMembers.includes(member)) billing = true;
        else account = true;
      }
    }
  }
  return [...(account || !billing ? ["write:account"] : []), ...(billing ? ["write:billing"] : [])];
}

type Check = (value: unknown, pointer: string, errors: HostupFieldError[]) => void;


const escapePointer = (name: string) => name.replace(/~/g, "~0").replace(/\//g, "~1");

function memberName(pointer: string): string {
  if (pointer === "") return "The request body";
  const last = pointer.slice(pointer.lastIndexOf("/") + 1);
  return `\`${last.replace(/~1/g, "/").replace(/~0/g, "~")}\``;
}

function fail(errors: HostupFieldError[], pointer: string, code: string, detail: string): void {
  errors.push({ pointer, detail, code });
}

/** An object with known members; unknown and read-only members are errors, each at its pointer. */
function object(
  members: Record<string, Check>,
  options: { required?: string[]; readOnly?: string[] } = {},
): Check {
  return (value, pointer, errors) => {
    if (!isObject(value)) {
      return fail(errors, pointer, "invalid_type", `${memberName(pointer)} must be an object.`);
    }
    for (const name of options.required ?? []) {
      if (!(name in value)) {
        fail(errors, `${pointer}/${name}`, "missing_required", `\`${name}\` is required.`);
      }
    }
    for (const [name, member] of Object.entries(value)) {
      const at = `${pointer}/${escapePointer(name)}`;
      if (Object.hasOwn(members, name)) members[name]!(member, at, errors);
      else if (options.readOnly?.includes(name)) {
        fail(errors, at, "read_only", `\`${name}\` is read-only and cannot be changed.`);
      } else fail(errors, at, "unknown_field", `\`${name}\` is not a known field.`);
    }
  };
}

const boolean: Check = (value, pointer, errors) => {
  if (typeof value !== "boolean") {
    fail(errors, pointer, "invalid_type", `${memberName(pointer)} must be a boolean.`);
  }
};

const languageCode: Check = (value, pointer, errors) => {
  if (value !== "sv" && value !== "en") {
    fail(errors, pointer, "invalid_value", "`languageCode` must be one of: sv, en.");
  }
};

// Node 20's list holds canonical zones only, without "UTC" itself.
const TIME_ZONES = new Set([...Intl.supportedValuesOf("timeZone"), "UTC"]);

const timezone: Check = (value, pointer, errors) => {
  if (typeof value !== "string" || !TIME_ZONES.has(value)) {
    const detail = "`timezone` must be an IANA time zone name, e.g. Europe/Stockholm.";
    fail(errors, pointer, "invalid_value", detail);
  }
};

const enabledEmails: Check = (value, pointer, errors) => {
  if (!Array.isArray(value)) {
    return fail(errors, pointer, "invalid_type", "`enabledEmails` must be an array of strings.");
  }
  const allowed: readonly unknown[] = HOSTUP_EMAIL_CATEGORIES;
  value.forEach((item, i) => {
    if (!allowed.includes(item)) {
      const detail = `Each email category must be one of: ${HOSTUP_EMAIL_CATEGORIES.join(", ")}.`;
      fail(errors, `${pointer}/${i}`, "invalid_value", detail);
    }
  });
};

// [I] any category name is accepted; each category is a flat map of string or boolean values.
const categories: Check = (value, pointer, errors) => {
  if (!isObject(value)) {
    return fail(errors, pointer, "invalid_type", "`categories` must be an object.");
  }
  for (const [name, entries] of Object.entries(value)) {
    const at = `${pointer}/${escapePointer(name)}`;
    if (!isObject(entries)) {
      fail(errors, at, "invalid_type", `${memberName(at)} must be an object.`);
      continue;
    }
    for (const [entry, setting] of Object.entries(entries)) {
      if (typeof setting !== "string" && typeof setting !== "boolean") {
        const entryAt = `${at}/${escapePointer(entry)}`;
        const detail = `${memberName(entryAt)} must be a string or a boolean.`;
        fail(errors, entryAt, "invalid_type", detail);
      }
    }
  }
};

const CARD_AUTO_CHARGE_READ_ONLY = [
  "enabled",
  "label",
  "description",
  "reason",
  "actions",
  "method",
  "status",
  "hasPaymentMethod",
];

/**
 * Validate a PATCH preferences body against the client's stored state and return every error
 * (not just the first). Error codes other than `invalid_request`/`missing_required` are [I].
 */
export function validatePatch(body: unknown, client: HostupSimClient): HostupFieldError[] {
  const storedOverride = client.preferences.notifications.delivery.overrideEnabled;
  const deliveryShape = object(
    { overrideEnabled: boolean, enabledEmails },
    { readOnly: ["billing"] },
  );
  const delivery: Check = (value, pointer, errors) => {
    deliveryShape(value, pointer, errors);
    if (!isObject(value) || !("enabledEmails" in value)) return;
    // An allow-list only means something while the override is on (after this PATCH).
    const override = "overrideEnabled" in value ? value.overrideEnabled : storedOverride;
    if (override === false) {
      const detail = "`enabledEmails` can only be set together with `overrideEnabled: true`.";
      fail(errors, `${pointer}/enabledEmails`, "override_required", detail);
    }
  };
  const schema = object({
    localization: object({ languageCode, timezone }),
    notifications: object({ emailEnabled: boolean, smsEnabled: boolean, delivery }),
    security: object({ bankIdOnlyLogin: boolean }, { readOnly: ["twoFactorEnabled"] }),
    billing: object({
      peppol: object(
        { optedOut: boolean },
        { required: ["optedOut"], readOnly: ["optOutReason", "optedOutAt"] },
      ),
      cardAutoCharge: object(
        { configured: boolean },
        { required: ["configured"], readOnly: CARD_AUTO_CHARGE_READ_ONLY },
      ),
      separateInvoices: object(
        { enabled: boolean },
        { required: ["enabled"], readOnly: ["label", "description", "reason", "actions"] },
      ),
    }),
    categories,
  });
  const errors: HostupFieldError[] = [];
  schema(body, "", errors);
  return errors;
}

/** A running Hostup simulator with its state (for seeding and assertions). */
export interface RunningHostupSim extends RunningSim {
  state: HostupSimState;
}

/** Start a Hostup simulator on loopback (port 0 = any free port). */
export async function startHostupSimulator(
  options: { port?: number } = {},
): Promise<RunningHostupSim> {
  const state = new HostupSimState();
  const sim = await startSimServer(hostupHandler(state), { ...options, faults: hostupFaults });
  return { ...sim, state };
}

/** The simulator as the module offers it to the core: started on demand, with the server's demo key. */
export const hostupSimulator: ProviderSimulator = {
  demoKey: DEMO_KEYS.full,
  start: () => startHostupSimulator(),
};
