import { type ProviderId } from "../src/contract/provider-facts.js";
import { CUDO_DEMO_ACCOUNTS } from "../src/providers/cudo/simulator/cudo.sim-state.js";

/*
 * The provider-specific scenarios the measurement tools drive: what `npm run bench` and
 * `npm run soak` send, and the upstream wire facts the bench's reference servers replicate. This
 * is the one file in tools/ that names providers; everything else in tools/ derives its provider
 * lists, headers, variables and simulators from `PROVIDER_MODULES` or takes them from here.
 *
 * Imports stay light (no module list, no simulators): bare-proxy and plain-apollo load this file,
 * and they should carry nothing beyond what they measure.
 */

/** A request the soak sends: a label for its output and the GraphQL body of request `i`. */
export interface Scenario {
  name: string;
  body(i: number): { query: string; variables?: Record<string, unknown> };
}

// ---------------------------------------------------------------- bench: one provider's account read

/** What the reference servers answer for the bench's read: `data.account`. */
export interface ScenarioAccount {
  id: string;
  billingPolicy: { type: string };
}

/**
 * The read the bench measures (throughput at 0 ms, latency at 20 ms, tracing cost): `account` of
 * one provider, one upstream call per request. account-graph, the bare proxy (`bare-proxy.ts`) and
 * the plain stack (`plain-apollo.ts`) all answer it from the same simulator, so the figures compare
 * code paths; the two reference servers replicate the upstream call and the schema from here.
 */
export const BENCH_READ = {
  /** The provider read (its simulator's URL and demo key come from bench-upstream). */
  provider: "DIFFIO" as ProviderId,
  /** The GraphQL document every bench request sends. */
  query: "{ account(provider: DIFFIO) { id ... on DiffioAccount { billingPolicy { type } } } }",
  /** How the bench's log lines name the read. */
  label: "account(DIFFIO)",
  /** Whether an answer's `data` is a real answer to {@link BENCH_READ.query} (checked before measuring). */
  answered: (data: any): boolean =>
    typeof data.account?.id === "string" && typeof data.account.billingPolicy?.type === "string",

  /** The upstream call behind the read, as the reference servers make it. */
  upstream: {
    method: "POST",
    /** Appended to the simulator's base URL (`UPSTREAM_BASE_URL`). */
    path: "/v1/account/settings/get",
    body: "{}",
    /** The request header the caller's key arrives in (lower case, as node:http reads it). */
    credentialHeader: "x-diffio-api-key",
    /** The upstream `Authorization` header for the caller's key. */
    authorization: (key: unknown): string => `Bearer ${key}`,
    /** The GraphQL answer from the upstream's parsed JSON body (throws when the body lacks it). */
    account: (body: any): ScenarioAccount => ({
      id: body.account.userId,
      billingPolicy: { type: body.account.billingPolicy.type },
    }),
  },

  /** GraphQL names plain-apollo declares, so the query above validates against it unchanged. */
  schema: {
    /** The values of its `Provider` enum. */
    providerValues: ["DIFFIO"] as readonly string[],
    accountType: "DiffioAccount",
    billingPolicyType: "DiffioBillingPolicy",
  },
} as const;

// ---------------------------------------------------------------- soak: the request mix

/**
 * The soak's reads, one per provider: each selects enough to touch every upstream call its
 * provider needs. The soak's mix is these, then `accounts`, then {@link SOAK_MUTATIONS}.
 */
export const SOAK_READS: Scenario[] = [
  {
    name: "account DIFFIO",
    body: () => ({
      query:
        "{ account(provider: DIFFIO) { id ... on DiffioAccount { billingPolicy { type } currency } } }",
    }),
  },
  {
    name: "account HOSTUP",
    body: () => ({
      query:
        "{ account(provider: HOSTUP) { id ... on HostupAccount { localization { timezone } billing { peppol { optedOut } } } } }",
    }),
  },
  {
    name: "account CUDO",
    body: () => ({
      query:
        "{ account(provider: CUDO) { id ... on CudoBillingAccount { displayName creditBalance } } }",
    }),
  },
  {
    name: "account DEPICTA",
    body: () => ({
      query: "{ account(provider: DEPICTA) { id ... on DepictaAccount { balanceEur name } } }",
    }),
  },
];

/**
 * The soak's mutations, one per provider: they set values, so repeating them is safe, and
 * alternate on `i` so each one really changes something.
 */
export const SOAK_MUTATIONS: Scenario[] = [
  {
    name: "updateBillingPolicy",
    body: i => ({
      query:
        "mutation M($input: UpdateBillingPolicyInput!) { updateBillingPolicy(input: $input) { id billingPolicy { type } } }",
      variables: {
        input: { type: i % 2 ? "INTERNAL_DIFFIO" : "CUSTOMER_STRIPE", reason: `soak ${i}` },
      },
    }),
  },
  {
    name: "patchPreferences",
    body: i => ({
      query:
        "mutation M($input: PatchPreferencesInput!) { patchPreferences(input: $input) { id localization { timezone } } }",
      variables: {
        input: { localization: { timezone: i % 2 ? "Europe/Berlin" : "Europe/Stockholm" } },
      },
    }),
  },
  {
    name: "updateBillingAccount",
    body: i => ({
      query:
        "mutation M($input: UpdateBillingAccountInput!) { updateBillingAccount(input: $input) { id displayName } }",
      variables: { input: { id: CUDO_DEMO_ACCOUNTS.main, displayName: `Soak ${i}` } },
    }),
  },
  {
    name: "updateProfileName",
    body: i => ({
      query:
        "mutation M($input: UpdateProfileNameInput!) { updateProfileName(input: $input) { id name } }",
      variables: { input: { name: `Soak ${i}` } },
    }),
  },
];

// ---------------------------------------------------------------- soak: the attacks' target

/**
 * The provider the soak's list and fan-out attacks (`soak-attacks.ts`) aim at: one with several
 * accounts per caller, each an entity looked up by id, so every distinct unknown id in
 * `_entities` costs one upstream call (answered NOT_FOUND) until the call budget refuses the rest.
 */
export const SOAK_ENTITY_TARGET = {
  provider: "CUDO" as ProviderId,
  /** How the attack names read in the soak's output (`_entities of 30 distinct <label> ids`). */
  label: "Cudo",
  /** `_entities` over representations `$r`, selecting the target's account type. */
  entitiesQuery: "query E($r: [_Any!]!) { _entities(representations: $r) { ... on CudoBillingAccount { id } } }",
  /** `count` representations of distinct accounts that do not exist, unique to request `i`. */
  unknownRefs: (i: number, count: number) =>
    Array.from({ length: count }, (_, k) => ({ __typename: "CudoBillingAccount", id: `ba-soak-${i}-${k}` })),
} as const;
