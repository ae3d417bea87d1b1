import { type ProviderSimulator } from "../../../contract/provider-simulator.js";
import { diffioFaults } from "./diffio.faults.js";
import {
  INVALID_JSON,
  startSimServer,
  type RunningSim,
  type SimCall,
  type SimReply,
} from "../../../simulators/sim-server.js";

/**
 * Diffio simulator, following `providers/diffio.md` and the two settings pages:
 * every `/v1` endpoint is POST (OPTIONS → 204, others → 405), the key may come in
 * `Authorization: Bearer`, `X-Api-Key` or `Xi-Api-Key` (Authorization first), keys are admin or
 * scoped with `account:read` / `account:write`, inactive keys get 403, errors are `{error[, code]}`.
 */

interface SimKey {
  keyId: string;
  userId: string;
  role: "admin" | "scoped";
  scopes: string[];
  status: "active" | "revoked";
}

interface SimAccount {
  userId: string;
  billingMode?: string;
  billingStatus?: string;
  billingPolicy?: { type: string; reason?: string; updatedAt?: string; updatedByKeyId?: string };
  currency: string;
  updatedAt?: string;
}

/** Demo keys seeded in every Diffio simulator; the server uses `admin` by default in simulated mode. */
export const DIFFIO_DEMO_KEYS = {
  /** Admin key with account:read and account:write: reads and updates. */
  admin: "diffio_live_demo_admin_4f9c2a",
  /** Scoped key with account:read only. */
  reader: "diffio_live_demo_reader_7b1e3d",
  /** Scoped key with account:write: still refused by update (admin required). */
  scopedWriter: "diffio_live_demo_scoped_writer_2c8d",
  /** Scoped key without any account scope. */
  noScope: "diffio_live_demo_noscope_9a0f",
  /** Revoked admin key: 403 "API key is not active". */
  revoked: "diffio_live_demo_revoked_5e6b",
  /** Admin key of a second account whose billing policy was never set. */
  otherAdmin: "diffio_live_demo_other_admin_1d2e",
} as const;

/** In-memory Diffio state: keys by plaintext and accounts by userId. */
export class DiffioSimState {
  readonly keys = new Map<string, SimKey>();
  readonly accounts = new Map<string, SimAccount>();

  constructor() {
    this.seed();
  }

  /** Restore the demo data (keys and accounts). */
  seed(): void {
    this.keys.clear();
    this.accounts.clear();
    const k = DIFFIO_DEMO_KEYS;
    const rw = ["account:read", "account:write"];
    this.keys.set(k.admin, { keyId: "key_demo_admin", userId: "user_demo_1", role: "admin", scopes: rw, status: "active" });
    this.keys.set(k.reader, { keyId: "key_demo_reader", userId: "user_demo_1", role: "scoped", scopes: ["account:read"], status: "active" });
    this.keys.set(k.scopedWriter, { keyId: "key_demo_scoped_writer", userId: "user_demo_1", role: "scoped", scopes: rw, status: "active" });
    this.keys.set(k.noScope, { keyId: "key_demo_noscope", userId: "user_demo_1", role: "scoped", scopes: ["usage:read"], status: "active" });
    this.keys.set(k.revoked, { keyId: "key_demo_revoked", userId: "user_demo_1", role: "admin", scopes: rw, status: "revoked" });
    this.keys.set(k.otherAdmin, { keyId: "key_demo_other", userId: "user_demo_2", role: "admin", scopes: rw, status: "active" });
    this.accounts.set("user_demo_1", {
      userId: "user_demo_1",
      billingMode: "developerProgressive",
      billingStatus: "active",
      billingPolicy: { type: "customerStripe" },
      currency: "usd",
      updatedAt: "2026-05-09T12:00:00Z",
    });
    // Second account: billingMode/billingStatus/policy/updatedAt never set (documented defaults apply).
    this.accounts.set("user_demo_2", { userId: "user_demo_2", currency: "eur" });
  }
}

const err = (status: number, error: string, extra: Record<string, unknown> = {}): SimReply => ({
  status,
  body: { error, ...extra },
});

/** Build the request handler for a Diffio simulator over `state`. */
export function diffioHandler(state: DiffioSimState) {
  return (call: SimCall): SimReply => {
    const routes: Record<string, (key: SimKey) => SimReply> = {
      "/v1/account/settings/get": key => getSettings(state, key),
      "/v1/account/settings/update": key => updateSettings(state, key, call.body),
    };
    const route = routes[call.path];
    if (!route) return err(404, "Not found.");
    if (call.method === "OPTIONS") return { status: 204 };
    if (call.method !== "POST") return err(405, "Method not allowed. Use POST.");

    const apiKey = presentedKey(call);
    if (!apiKey) return err(401, "Missing API key.");
    const key = state.keys.get(apiKey);
    if (!key) return err(401, "Invalid API key.");
    if (key.status !== "active") return err(403, "API key is not active.");
    if (call.body === INVALID_JSON) return err(400, "Invalid JSON body.");
    return route(key);
  };
}

// Authorization wins when several headers are sent (precedence is undocumented; see diffio.md).
function presentedKey(call: SimCall): string | undefined {
  const auth = call.headers.authorization;
  if (typeof auth === "string") {
    const m = /^Bearer\s+(.+)$/i.exec(auth.trim());
    return m ? m[1]!.trim() : undefined;
  }
  for (const name of ["x-api-key", "xi-api-key"]) {
    const value = call.headers[name];
    if (typeof value === "string" && value.trim()) return value.trim();
  }
  return undefined;
}

function serialize(account: SimAccount) {
  return {
    userId: account.userId,
    billingMode: account.billingMode ?? "free",
    billingStatus: account.billingStatus ?? "active",
    // Documented: a missing policy serializes as customerStripe.
    billingPolicy: account.billingPolicy ?? { type: "customerStripe" },
    currency: account.currency,
    ...(account.updatedAt ? { updatedAt: account.updatedAt } : {}),
  };
}

function getSettings(state: DiffioSimState, key: SimKey): SimReply {
  if (!key.scopes.includes("account:read")) return err(403, "Missing account:read permission.");
  const account = state.accounts.get(key.userId);
  if (!account) return err(500, "API key missing userId.");
  return { status: 200, body: { apiKeyId: key.keyId, account: serialize(account) } };
}

function updateSettings(state: DiffioSimState, key: SimKey, body: unknown): SimReply {
  if (key.role !== "admin") return err(403, "Privileged admin API key required.");
  if (!key.scopes.includes("account:write")) return err(403, "Missing account:write permission.");
  const policy = (body as { billingPolicy?: unknown } | undefined)?.billingPolicy;
  if (policy === undefined || policy === null) return err(400, "billingPolicy is required.");
  if (typeof policy !== "object" || Array.isArray(policy)) return err(400, "billingPolicy must be an object.");
  const { type, reason } = policy as { type?: unknown; reason?: unknown };
  if (type !== "customerStripe" && type !== "internalDiffio") {
    return err(400, "billingPolicy.type is not supported.");
  }
  if (reason !== undefined && typeof reason !== "string") {
    return err(400, "billingPolicy.reason must be a string.");
  }
  const account = state.accounts.get(key.userId);
  if (!account) return err(500, "Failed to update account settings.");
  const now = new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
  account.billingPolicy = {
    type,
    updatedAt: now,
    updatedByKeyId: key.keyId,
    ...(typeof reason === "string" ? { reason } : {}),
  };
  account.updatedAt = now;
  return { status: 200, body: { account: serialize(account) } };
}

/** A running Diffio simulator with its state (for seeding and assertions). */
export interface RunningDiffioSim extends RunningSim {
  state: DiffioSimState;
}

/** Start a Diffio simulator on loopback (port 0 = any free port). */
export async function startDiffioSimulator(options: { port?: number } = {}): Promise<RunningDiffioSim> {
  const state = new DiffioSimState();
  const sim = await startSimServer(diffioHandler(state), { ...options, faults: diffioFaults });
  return { ...sim, state };
}

/** The simulator as the module offers it to the core: started on demand, with the server's demo key. */
export const diffioSimulator: ProviderSimulator = {
  demoKey: DIFFIO_DEMO_KEYS.admin,
  start: () => startDiffioSimulator(),
};
