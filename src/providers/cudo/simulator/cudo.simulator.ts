import { type ProviderSimulator } from "../../../contract/provider-simulator.js";
import { isObject } from "../../../json/is-object.js";
import { cudoFaults } from "./cudo.faults.js";
import { errorInfo, fail, matchRoute } from "./cudo.errors.js";
import { CUDO_DEMO_KEYS } from "./cudo.sim-state.js";
import { Decimal } from "decimal.js";
import {
  bearerToken,
  INVALID_JSON,
  startSimServer,
  type RunningSim,
  type SimCall,
  type SimReply,
} from "../../../simulators/sim-server.js";
import {
  CudoSimState,
  type CudoErrorDetail,
  type CudoSimBillingAccount,
  type CudoSimKey,
} from "./cudo.sim-state.js";
import { type CudoBillingAddressDto, type CudoDecimalDto } from "../cudo.dto.js";

export * from "./cudo.sim-state.js";

/**
 * Cudo Compute billing-accounts simulator, following `providers/cudo.md` and the PATCH reference
 * page: `GET /v1/billing-accounts` (paged), `GET` and `PATCH /v1/billing-accounts/{id}`, keys in
 * `Authorization: Bearer`, proto3 JSON bodies (camelCase, empty fields omitted), Decimals as
 * `{value}` strings that are never turned into floats, and google.rpc error details.
 */

type Violation = { field: string; description: string };
type Json = Record<string, unknown>;

const ADDRESS_FIELDS = [
  "name",
  "phone",
  "city",
  "line1",
  "line2",
  "state",
  "postalCode",
  "country",
] as const;
const UPDATABLE_PATHS = new Set<string>([
  "displayName",
  "billingAddress",
  ...ADDRESS_FIELDS.map(f => `billingAddress.${f}`),
  "taxId",
  "taxId.type",
  "taxId.value",
  "creditBalanceRecharge",
]);
const READ_ONLY_FIELDS = new Set([
  "id",
  "createTime",
  "createBy",
  "monthlySpend",
  "invoiceTime",
  "deleteTime",
  "purgeTime",
  "hourlySpendRate",
  "billingThreshold",
  "monthlySpendLimit",
  "hourlySpendLimit",
  "nextInvoiceTotal",
  "creditBalance",
  "taxId.id",
  "creditBalanceRecharge.transaction",
]);
const ADMIN_ONLY_FIELDS = new Set(["stripeRef", "state", "paymentTerms"]);
const ENUM_FIELDS = new Set(["state", "paymentTerms"]);
// Optional sign, digits, optional fraction, optional exponent (google.type.Decimal grammar).
const DECIMAL_RE = /^([+-])?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;
const INT32_MAX = 2 ** 31 - 1;

const badRequest = (violations: Violation[]): CudoErrorDetail => ({
  "@type": "type.googleapis.com/google.rpc.BadRequest",
  fieldViolations: violations,
});
const invalid = (state: CudoSimState, violations: Violation[]): SimReply =>
  fail(state, 400, "INVALID_ARGUMENT", "Invalid fields in request.", [badRequest(violations)]);

/** Build the request handler for a Cudo simulator over `state`. */
export function cudoHandler(state: CudoSimState) {
  return (call: SimCall): SimReply => {
    const route = matchRoute(call.path);
    if (!route) return fail(state, 404, "NOT_FOUND", "Not Found");
    // [I] grpc-gateway's default routing error: a known path with another method is 501.
    if (!route.methods.includes(call.method)) {
      return fail(state, 501, "UNIMPLEMENTED", "Method Not Allowed");
    }

    const secret = bearerToken(call);
    if (!secret) {
      const message = "Missing API key: send Authorization: Bearer <key>.";
      return fail(state, 401, "UNAUTHENTICATED", message, [errorInfo("API_KEY_MISSING")]);
    }
    const key = state.keys.get(secret);
    if (!key) {
      const message = "API key is not valid.";
      return fail(state, 401, "UNAUTHENTICATED", message, [errorInfo("API_KEY_INVALID")]);
    }
    const limited = rateLimited(state, key);
    if (limited) return limited;

    if (route.id === undefined) return listAccounts(state, key, call.query);
    const account = state.accounts.get(route.id);
    if (!account) {
      return fail(state, 404, "NOT_FOUND", `Billing account ${route.id} not found.`, [
        errorInfo("BILLING_ACCOUNT_NOT_FOUND", { billingAccountId: route.id }),
      ]);
    }
    const role = key.roles.get(account.id);
    const denied = (reason: string) =>
      fail(state, 403, "PERMISSION_DENIED", `Permission denied on billing account ${account.id}.`, [
        errorInfo(reason, { billingAccountId: account.id }),
      ]);
    if (!role) return denied("BILLING_ACCOUNT_ACCESS_DENIED");
    if (call.method === "GET") return { status: 200, body: serialize(account) };

    if (role !== "admin") return denied("BILLING_ACCOUNT_ADMIN_REQUIRED");
    if (account.state === "STATE_DELETED") {
      return fail(state, 409, "FAILED_PRECONDITION", `Billing account ${account.id} is deleted.`, [
        errorInfo("BILLING_ACCOUNT_DELETED", { billingAccountId: account.id }),
      ]);
    }
    return updateAccount(state, account, call.body);
  };
}

// [I] Fixed window per key, counted after authentication (unknown keys get 401, not 429).
function rateLimited(state: CudoSimState, key: CudoSimKey): SimReply | undefined {
  const limit = state.rateLimit;
  if (!limit) {
    state.rateWindows.clear();
    return undefined;
  }
  const now = state.now();
  let window = state.rateWindows.get(key.keyId);
  if (!window || now - window.start >= limit.windowMs) {
    window = { start: now, count: 0 };
    state.rateWindows.set(key.keyId, window);
  }
  window.count += 1;
  if (window.count <= limit.limit) return undefined;
  const seconds = Math.max(1, Math.ceil((window.start + limit.windowMs - now) / 1000));
  const details = [
    errorInfo("RATE_LIMIT_EXCEEDED", {
      limit: String(limit.limit),
      windowMs: String(limit.windowMs),
    }),
    { "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay: `${seconds}s` },
  ];
  const message = "Too many requests; retry later.";
  return fail(state, 429, "RESOURCE_EXHAUSTED", message, details, {
    "Retry-After": String(seconds),
  });
}

// [I] Page tokens are opaque base64url of {key id, offset}; a token from another key is invalid.
function listAccounts(state: CudoSimState, key: CudoSimKey, query: URLSearchParams): SimReply {
  const violations: Violation[] = [];
  let size = state.defaultPageSize;
  const rawSize = query.get("pageSize");
  if (rawSize !== null && rawSize !== "") {
    const n = /^-?\d+$/.test(rawSize) ? Number(rawSize) : NaN;
    if (!Number.isInteger(n) || Math.abs(n) > INT32_MAX) {
      violations.push({ field: "page_size", description: `"${rawSize}" is not an int32.` });
    } else if (n < 0) {
      violations.push({ field: "page_size", description: "page_size must not be negative." });
    } else if (n > 0) {
      size = Math.min(n, state.maxPageSize);
    }
  }
  let offset = 0;
  const token = query.get("pageToken");
  if (token) {
    const decoded = decodePageToken(token, key);
    if (decoded === undefined) {
      const description = "page_token is not valid for this request.";
      violations.push({ field: "page_token", description });
    } else {
      offset = decoded;
    }
  }
  if (violations.length > 0) return invalid(state, violations);

  const visible = [...state.accounts.values()].filter(a => key.roles.has(a.id));
  const page = visible.slice(offset, offset + size);
  const next = offset + size < visible.length ? encodePageToken(key, offset + size) : "";
  return {
    status: 200,
    body: { billingAccounts: page.map(serialize), pageToken: next, pageSize: size },
  };
}

function encodePageToken(key: CudoSimKey, offset: number): string {
  return Buffer.from(JSON.stringify({ k: key.keyId, o: offset })).toString("base64url");
}

function decodePageToken(token: string, key: CudoSimKey): number | undefined {
  try {
    const { k, o } = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as Json;
    return k === key.keyId && Number.isInteger(o) && (o as number) >= 0 ? (o as number) : undefined;
  } catch {
    return undefined;
  }
}

function updateAccount(
  state: CudoSimState,
  account: CudoSimBillingAccount,
  body: unknown,
): SimReply {
  if (body === INVALID_JSON) {
    return fail(state, 400, "INVALID_ARGUMENT", "Request body is not valid JSON.");
  }
  if (!isObject(body)) {
    return fail(state, 400, "INVALID_ARGUMENT", "Request body must be a JSON object.");
  }
  const mask = body.updateMask;
  const maskError = (description: string) =>
    invalid(state, [{ field: "update_mask", description }]);
  if (mask === undefined || mask === null || mask === "") {
    return maskError("update_mask is required.");
  }
  if (typeof mask !== "string") {
    return maskError("update_mask must be a string of comma-separated paths.");
  }
  const input = body.billingAccount ?? {};
  if (!isObject(input)) {
    const description = "billing_account must be an object.";
    return invalid(state, [{ field: "billing_account", description }]);
  }
  const { paths, violations: maskViolations } = parseMask(mask);
  if (maskViolations.length > 0) return invalid(state, maskViolations);

  const draft = structuredClone(account);
  const violations = applyMask(state, draft, input, paths);
  if (violations.length > 0) return invalid(state, violations);
  state.accounts.set(account.id, draft);
  return { status: 200, body: serialize(draft) };
}

// FieldMask in proto3 JSON: comma-separated lowerCamelCase paths relative to billingAccount.
function parseMask(mask: string): { paths: Set<string>; violations: Violation[] } {
  const paths = new Set<string>();
  const violations: Violation[] = [];
  const reject = (description: string) => violations.push({ field: "update_mask", description });
  for (const raw of mask.split(",")) {
    // [I] Whitespace around a path is tolerated; protojson itself would refuse it.
    const path = raw.trim();
    const root = path.split(".")[0]!;
    if (path === "") reject("update_mask contains an empty path.");
    else if (UPDATABLE_PATHS.has(path)) paths.add(path);
    else if (path.includes("_")) reject(`"${path}" must be a lowerCamelCase path in JSON.`);
    else if (READ_ONLY_FIELDS.has(path) || READ_ONLY_FIELDS.has(root)) {
      reject(`"${path}" is read-only.`);
    } else if (ADMIN_ONLY_FIELDS.has(root)) {
      reject(`"${path}" cannot be updated with an API key.`);
    } else if (root === "creditBalanceRecharge") {
      reject(`"${path}": creditBalanceRecharge is updated as a whole (low, high, autoRecharge).`);
    } else {
      reject(`"${path}" is not an updatable field of BillingAccount.`);
    }
  }
  return { paths, violations };
}

/** Field violations of one PATCH body, named by snake_case proto path under `billing_account`. */
class BodyViolations {
  readonly list: Violation[] = [];

  add(field: string, description: string): void {
    this.list.push({ field: `billing_account.${field}`, description });
  }

  /** A string field: absent or null reads as undefined; any other type is a violation. */
  string(field: string, value: unknown): string | undefined {
    if (value == null) return undefined;
    if (typeof value === "string") return value;
    this.add(field, "must be a string.");
    return undefined;
  }

  /** A message field: absent or null reads as undefined; a non-object is a violation. */
  object(field: string, value: unknown): Json | undefined | false {
    if (value == null) return undefined;
    if (isObject(value)) return value;
    this.add(field, "must be an object.");
    return false;
  }
}

// Masked fields absent from the body are cleared (FieldMask semantics); unmasked ones are ignored.
function applyMask(
  state: CudoSimState,
  draft: CudoSimBillingAccount,
  input: Json,
  paths: Set<string>,
): Violation[] {
  const errors = new BodyViolations();
  const masked = (root: string) => [...paths].some(p => p === root || p.startsWith(`${root}.`));

  if (paths.has("displayName")) {
    const raw = input.displayName;
    // A non-string display name already got its own violation from errors.string.
    const name = errors.string("display_name", raw);
    if (name?.trim()) draft.displayName = name;
    else if (name !== undefined || raw == null) errors.add("display_name", "must not be blank.");
  }

  const addressIn =
    masked("billingAddress") && errors.object("billing_address", input.billingAddress);
  if (addressIn !== false) {
    const whole = paths.has("billingAddress");
    const next: CudoBillingAddressDto = whole ? {} : { ...draft.billingAddress };
    for (const f of ADDRESS_FIELDS) {
      if (!whole && !paths.has(`billingAddress.${f}`)) continue;
      next[f] = errors.string(`billing_address.${snake(f)}`, addressIn?.[f]);
    }
    if (next.country) {
      if (/^[A-Za-z]{2}$/.test(next.country)) {
        // [I] Stored upper-case, as ISO 3166-1 writes it.
        next.country = next.country.toUpperCase();
      } else {
        const description = `"${next.country}" is not an ISO 3166-1 alpha-2 code.`;
        errors.add("billing_address.country", description);
      }
    }
    draft.billingAddress = next;
  }

  const taxIn = masked("taxId") && errors.object("tax_id", input.taxId);
  if (taxIn !== false) {
    const before = draft.taxId ?? {};
    const pick = (f: "type" | "value") =>
      paths.has("taxId") || paths.has(`taxId.${f}`)
        ? errors.string(`tax_id.${f}`, taxIn?.[f])
        : before[f];
    const type = pick("type");
    const value = pick("value");
    if (value && !type) errors.add("tax_id.type", "type is required when value is set.");
    if (type && !value) errors.add("tax_id.value", "value is required when type is set.");
    // [I] The read-only id comes from Stripe: a changed tax id gets a new one.
    const id = type !== before.type || value !== before.value ? state.nextTaxIdId() : before.id;
    draft.taxId = type || value ? { id, type, value } : undefined;
  }

  const rechargeIn =
    paths.has("creditBalanceRecharge") &&
    errors.object("credit_balance_recharge", input.creditBalanceRecharge);
  if (rechargeIn === undefined) draft.creditBalanceRecharge = undefined;
  if (rechargeIn) {
    const low = decimalField("credit_balance_recharge.low", rechargeIn.low, errors);
    const high = decimalField("credit_balance_recharge.high", rechargeIn.high, errors);
    // [I] The OpenAPI lists autoRecharge as required, so even `false` must be sent.
    const auto = rechargeIn.autoRecharge;
    if (typeof auto !== "boolean") {
      errors.add("credit_balance_recharge.auto_recharge", "auto_recharge is required.");
    }
    if (low && high && new Decimal(low.value).gt(new Decimal(high.value))) {
      const description = `high (${high.value}) must be >= low (${low.value}).`;
      errors.add("credit_balance_recharge.high", description);
    }
    if (low && high && typeof auto === "boolean") {
      // The transaction is server-owned history, kept across updates of the settings.
      const transaction = draft.creditBalanceRecharge?.transaction;
      draft.creditBalanceRecharge = { low, high, autoRecharge: auto, transaction };
    }
  }
  return errors.list;
}

function decimalField(
  field: string,
  raw: unknown,
  errors: BodyViolations,
): Required<CudoDecimalDto> | undefined {
  if (raw == null) {
    errors.add(field, `${field.split(".").pop()} is required.`);
    return undefined;
  }
  if (!isObject(raw) || typeof raw.value !== "string") {
    errors.add(field, 'must be a Decimal object {"value": "<decimal>"}.');
    return undefined;
  }
  const normalized = normalizeDecimal(raw.value);
  if (normalized === undefined) errors.add(field, `"${raw.value}" is not a valid decimal.`);
  else if (normalized === "out of range") errors.add(field, `"${raw.value}" is out of range.`);
  else return { value: normalized };
  return undefined;
}

// google.type.Decimal normalisation: drop a `+` sign, `.5` -> `0.5`, lower-case `e`, drop a zero
// exponent; every other character is kept as sent (no float round trip, trailing zeros stay).
// [I] Nothing else is normalised: "2." and "2.5e+8" stay as sent.
function normalizeDecimal(raw: string): string | "out of range" | undefined {
  const match = DECIMAL_RE.exec(raw);
  if (!match) return undefined;
  const [, sign, int = "", fraction, exponent] = match;
  if (int === "" && !fraction) return undefined;
  // [I] Limits (not documented): 100 significant digits, exponent within ±1000.
  const digits = (int + (fraction ?? "")).replace(/^0+/, "");
  if (digits.length > 100 || (exponent !== undefined && Math.abs(Number(exponent)) > 1000)) {
    return "out of range";
  }
  return (
    (sign === "-" ? "-" : "") +
    (int === "" ? "0" : int) +
    (fraction === undefined ? "" : `.${fraction}`) +
    (exponent === undefined || /^[+-]?0+$/.test(exponent) ? "" : `e${exponent}`)
  );
}

// proto3 JSON omits zero values: "", false, 0, *_UNSPECIFIED enums and empty messages.
function serialize(account: CudoSimBillingAccount): Json {
  return prune(account) as Json;
}

function prune(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(prune);
  if (!isObject(value)) return value;
  const out: Json = {};
  for (const [k, v] of Object.entries(value)) {
    const p = prune(v);
    const empty = isObject(p) && Object.keys(p).length === 0;
    if (p == null || p === "" || p === false || p === 0 || empty) continue;
    if (ENUM_FIELDS.has(k) && typeof p === "string" && p.endsWith("_UNSPECIFIED")) continue;
    out[k] = p;
  }
  return out;
}


const snake = (camel: string) => camel.replace(/[A-Z]/g, c => `_${c.toLowerCase()}`);

/** A running Cudo simulator with its state (for seeding, error shape, rate limit, assertions). */
export interface RunningCudoSim extends RunningSim {
  state: CudoSimState;
}

/** Start a Cudo simulator on loopback (port 0 = any free port), seeded with the demo data. */
export async function startCudoSimulator(options: { port?: number } = {}): Promise<RunningCudoSim> {
  const state = new CudoSimState();
  const sim = await startSimServer(cudoHandler(state), { ...options, faults: cudoFaults(state) });
  return { ...sim, state };
}

/** The simulator as the module offers it to the core: started on demand, with the server's demo key. */
export const cudoSimulator: ProviderSimulator = {
  demoKey: CUDO_DEMO_KEYS.owner,
  start: () => startCudoSimulator(),
};
