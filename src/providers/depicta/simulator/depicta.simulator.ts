import { type ProviderSimulator } from "../../../contract/provider-simulator.js";
import { depictaErrorReply } from "./depicta.error-body.js";
import { depictaFaults } from "./depicta.faults.js";
import { randomUUID } from "node:crypto";

import {
  INVALID_JSON,
  bearerToken,
  startSimServer,
  type RunningSim,
  type SimCall,
  type SimReply,
} from "../../../simulators/sim-server.js";
import { type DepictaUserDto } from "../depicta.dto.js";

/**
 * Depicta simulator, following `providers/depicta.md` and the profile operation pages:
 * `GET` and `PATCH /v1/account/profile` answer `{ user }`, keys are
 * `Authorization: Bearer dpct_…`, errors are `{ error, message, details, request_id }`, and at
 * most {@link DEPICTA_MAX_CONCURRENT} requests per key may be in flight (excess → 429
 * `rate_limited` with `Retry-After`).
 * Behaviour the docs leave open is marked [I] (invented here).
 */

export { depictaErrorBody, type DepictaErrorBody } from "./depicta.error-body.js";

/**
 * Documented limit of concurrent requests per API key; the next one gets 429 `rate_limited`.
 * Written from Depicta's docs, not read from `DEPICTA.maxConcurrencyPerCredential`: the simulator
 * stands for the provider, so a wrong fact of ours shows up against it instead of agreeing with it.
 */
export const DEPICTA_MAX_CONCURRENT = 10;

/** Maximum display-name length after trimming, in Unicode code points. [I] not documented. */
const NAME_MAX_LENGTH = 100;

// Documented example key: "dpct_" followed by 43 letters and digits.
const KEY_PATTERN = /^dpct_[A-Za-z0-9]{43}$/;

/**
 * Demo keys seeded in every Depicta simulator; the server uses `main` by default in simulated mode.
 */
export const DEPICTA_DEMO_KEYS = {
  /** Verified user with a name, balance, credit expiry and OAuth providers: reads and renames. */
  main: "dpct_DemoMainQbORlmALwLblP7aa9msi7X36rP7V522cucT",
  /**
   * Free-trial user whose email is not verified: has `free_trial_pending_eur`; reads work,
   * PATCH gets 403 `auth_email_not_verified`.
   */
  unverified: "dpct_DemoUnverifiedyxIPCkisQMjpvulzvkLsNvaE3Zl8i",
  /** Suspended account: 403 `account_suspended` on every profile call. */
  suspended: "dpct_DemoSuspendedTHCHdHKrn9pF4FLriVxEgvZi4nPtqT",
  /**
   * Verified user with the sparsest profile: `name`, `providers` and `credits_expire_at` are null
   * and `free_trial_pending_eur` is absent. Reads and renames.
   */
  sparse: "dpct_DemoSparsezC06nRbf3cjd8hHNz4w8iHnSgehEH3mPK",
  /**
   * Verified user mid-generation: balance below EUR 0.01, a non-zero `held_eur`, an unseen
   * credit notice and 2FA on. Reads and renames.
   */
  lowBalance: "dpct_DemoLowBalanceWMzzCEB334rzM3DSnt7MeI0PeVhaG",
} as const;

/** A simulated Depicta user: the wire fields of `user` (`depicta.dto.ts`) plus a simulator flag. */
export interface DepictaSimUser extends DepictaUserDto {
  /** Not on the wire: every authenticated call answers 403 `account_suspended`. */
  suspended: boolean;
}

/** In-memory Depicta state: API keys (plaintext → user id) and users by id. */
export class DepictaSimState {
  readonly keys = new Map<string, string>();
  readonly users = new Map<string, DepictaSimUser>();

  constructor() {
    this.seed();
  }

  /** Restore the demo data (keys and users). */
  seed(): void {
    this.keys.clear();
    this.users.clear();
    const k = DEPICTA_DEMO_KEYS;
    const base = {
      email_verified: true,
      held_eur: "0.000000",
      credit_limit_cents: 2500,
      pending_credit_notice: false,
      prompt_analysis_opt_in: false,
      two_factor_enabled: false,
      suspended: false,
    };
    this.addUser(k.main, {
      ...base,
      id: "6eb15ef1-9de7-4971-b55e-babbe35b7544",
      email: "ada@example.com",
      name: "Ada Lovelace",
      created_at: "2025-03-14T09:26:53.589Z",
      balance_eur: "9.955000",
      // Credits expire 12 months after the last paid top-up (documented).
      credits_expire_at: "2027-02-01T10:00:00.000Z",
      prompt_analysis_opt_in: true,
      providers: ["google", "github"],
    });
    this.addUser(k.unverified, {
      ...base,
      id: "ee77b943-38a4-491b-8cfe-018bb82a37bf",
      email: "trial@example.com",
      email_verified: false,
      name: "Trial User",
      created_at: "2026-05-01T08:00:00.000Z",
      balance_eur: "0.000000",
      credits_expire_at: null,
      free_trial_pending_eur: "1.000000",
      providers: [],
    });
    this.addUser(k.suspended, {
      ...base,
      id: "2b2d35d8-316b-46a0-ad3e-3486724c0a60",
      email: "suspended@example.com",
      name: "Suspended User",
      created_at: "2024-12-24T18:30:00.000Z",
      balance_eur: "3.500000",
      credits_expire_at: "2026-12-24T18:30:00.000Z",
      providers: ["github"],
      suspended: true,
    });
    this.addUser(k.sparse, {
      ...base,
      id: "d9cb508d-3921-4af0-b01c-b63542d63ed2",
      email: "sparse@example.com",
      name: null,
      created_at: "2025-09-30T23:59:59.000Z",
      balance_eur: "0.000000",
      credit_limit_cents: 0,
      credits_expire_at: null,
      providers: null,
    });
    this.addUser(k.lowBalance, {
      ...base,
      id: "1b9a0cf5-9a23-40ea-b506-9a3e727cdd59",
      email: "busy@example.com",
      name: "Busy Generator",
      created_at: "2025-06-01T12:00:00.000Z",
      balance_eur: "0.004000",
      held_eur: "0.120000",
      credit_limit_cents: 500,
      credits_expire_at: "2026-11-15T00:00:00.000Z",
      pending_credit_notice: true,
      providers: ["google"],
      two_factor_enabled: true,
    });
  }

  /** The user an API key belongs to, or undefined for an unknown key. */
  userForKey(key: string): DepictaSimUser | undefined {
    const id = this.keys.get(key);
    return id === undefined ? undefined : this.users.get(id);
  }

  private addUser(key: string, user: DepictaSimUser): void {
    this.keys.set(key, user.id);
    this.users.set(user.id, user);
  }
}

function okReply(body: unknown): SimReply {
  return { status: 200, body, headers: { "x-request-id": randomUUID() } };
}

function serialize(user: DepictaSimUser) {
  return {
    user: {
      id: user.id,
      email: user.email,
      email_verified: user.email_verified,
      name: user.name,
      created_at: user.created_at,
      balance_eur: user.balance_eur,
      held_eur: user.held_eur,
      credit_limit_cents: user.credit_limit_cents,
      credits_expire_at: user.credits_expire_at,
      // Documented as "present only when" the user is an unverified free-trial user.
      ...(user.free_trial_pending_eur !== undefined
        ? { free_trial_pending_eur: user.free_trial_pending_eur }
        : {}),
      pending_credit_notice: user.pending_credit_notice,
      prompt_analysis_opt_in: user.prompt_analysis_opt_in,
      providers: user.providers === null ? null : [...user.providers],
      two_factor_enabled: user.two_factor_enabled,
    },
  };
}

type Route = Partial<Record<string, (user: DepictaSimUser, call: SimCall) => SimReply>>;

/** Build the request handler for a Depicta simulator over `state`. */
export function depictaHandler(state: DepictaSimState) {
  const profileRoute: Route = {
    GET: user => okReply(serialize(user)),
    PATCH: (user, call) => updateProfile(user, call.body),
  };

  return (call: SimCall): SimReply => {
    // Documented as unauthenticated.
    if (call.path === "/health") {
      if (call.method !== "GET") return methodNotAllowed(["GET"]);
      return okReply({ status: "ok" });
    }
    // [I] an unknown path is 404 before authentication, so it says nothing about the key.
    if (call.path !== "/v1/account/profile") {
      return depictaErrorReply(404, "not_found", `No route for ${call.method} ${call.path}.`);
    }
    const handle = profileRoute[call.method];
    if (!handle) return methodNotAllowed(Object.keys(profileRoute));

    const key = bearerToken(call);
    if (key === undefined) {
      return depictaErrorReply(401, "auth_invalid", "Missing API key. Send Authorization: Bearer dpct_…");
    }
    const user = KEY_PATTERN.test(key) ? state.userForKey(key) : undefined;
    if (!user) return depictaErrorReply(401, "auth_invalid", "Invalid API key.");
    if (user.suspended) {
      return depictaErrorReply(403, "account_suspended", "This account is suspended. Contact support.");
    }
    return handle(user, call);
  };
}

// [I] 405 is listed nowhere; the code `method_not_allowed` and the Allow header are ours.
function methodNotAllowed(allowed: string[]): SimReply {
  return depictaErrorReply(
    405,
    "method_not_allowed",
    `Method not allowed. Use ${allowed.join(" or ")}.`,
    { allowed },
    { allow: allowed.join(", ") },
  );
}

function updateProfile(user: DepictaSimUser, body: unknown): SimReply {
  // [I] whether PATCH needs a verified email is undocumented; we require it, checked before
  // the body so an unverified caller learns that first.
  if (!user.email_verified) {
    return depictaErrorReply(
      403,
      "auth_email_not_verified",
      "Verify your email address before updating your profile.",
    );
  }
  if (body === INVALID_JSON) {
    return depictaErrorReply(400, "bad_request", "Request body is not valid JSON.");
  }
  // [I] an empty body reads as an empty object, so it fails on the missing name below.
  const fields = body === undefined ? {} : body;
  if (typeof fields !== "object" || fields === null || Array.isArray(fields)) {
    return depictaErrorReply(400, "bad_request", "Request body must be a JSON object.");
  }
  // [I] unknown fields are ignored; a missing `name` is rejected rather than treated as a no-op.
  if (!("name" in fields)) {
    return depictaErrorReply(400, "bad_request", "name is required (a string, or null to clear it).", {
      field: "name",
    });
  }
  const name = (fields as { name: unknown }).name;
  if (name === null) {
    user.name = null;
    return okReply(serialize(user));
  }
  if (typeof name !== "string") {
    return depictaErrorReply(400, "bad_request", "name must be a string or null.", { field: "name" });
  }
  // [I] trimmed with String.prototype.trim; length counted in code points.
  const trimmed = name.trim();
  if (trimmed.length === 0) {
    return depictaErrorReply(400, "bad_request", "name must not be blank.", { field: "name" });
  }
  if ([...trimmed].length > NAME_MAX_LENGTH) {
    return depictaErrorReply(
      400,
      "bad_request",
      `name must be at most ${NAME_MAX_LENGTH} characters.`,
      { field: "name", max_length: NAME_MAX_LENGTH },
    );
  }
  user.name = trimmed;
  return okReply(serialize(user));
}

/** A running Depicta simulator with its state (for seeding and assertions). */
export interface RunningDepictaSim extends RunningSim {
  state: DepictaSimState;
}

/**
 * Start a Depicta simulator on loopback (port 0 = any free port). The concurrency limit is
 * counted per presented bearer token from arrival to answer, injected latency included.
 */
export async function startDepictaSimulator(
  options: { port?: number } = {},
): Promise<RunningDepictaSim> {
  const state = new DepictaSimState();
  const sim = await startSimServer(depictaHandler(state), {
    ...options,
    faults: depictaFaults(DEPICTA_MAX_CONCURRENT),
    concurrency: {
      // [I] any presented token counts, known or not; requests without one are not limited.
      key: call => bearerToken(call),
      max: DEPICTA_MAX_CONCURRENT,
      reject: () =>
        depictaErrorReply(
          429,
          "rate_limited",
          `too many concurrent requests (max ${DEPICTA_MAX_CONCURRENT})`,
          { max_concurrent: DEPICTA_MAX_CONCURRENT },
          { "retry-after": "1" },
        ),
    },
  });
  return { ...sim, state };
}

/** The simulator as the module offers it to the core: started on demand, with the server's demo key. */
export const depictaSimulator: ProviderSimulator = {
  demoKey: DEPICTA_DEMO_KEYS.main,
  start: () => startDepictaSimulator(),
};
