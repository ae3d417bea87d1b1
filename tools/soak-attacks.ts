import "reflect-metadata";
import { type ProviderId } from "../src/contract/provider-facts.js";
import { PROVIDER_MODULES } from "../src/providers/index.js";
import { SOAK_ENTITY_TARGET } from "./scenarios.js";

/*
 * The two request-cost attacks for `npm run soak`: distinct large documents (memory)
 * and long lists / entity fan-out (upstream calls). Each carries what the server must answer, so
 * the soak tells an attack handled as designed from a failure.
 */

/** What an answer is checked against; see {@link checkAttack}. */
export interface AttackOutcome {
  status: number;
  /** `CODE@PROVIDER` (or `CODE`) of each error. */
  errors: string[];
  /** Upstream calls per provider, from `extensions.upstreamCalls` (absent: none listed). */
  calls: Partial<Record<ProviderId, number>>;
}

/** One attack request and the answer it must get. */
export interface Attack {
  name: string;
  body(i: number): { query: string; variables?: Record<string, unknown> };
  /** The HTTP status the attack is answered with. */
  status: number;
  /** Error codes the attack is answered with by design, and how many of each (undefined: any number). */
  expected: Record<string, number | undefined>;
  /** Upstream calls the attack makes per provider, exactly. */
  calls: Partial<Record<ProviderId, number>>;
}

/** The budget the soak gives the server (`UPSTREAM_CALL_BUDGET`): small, so the fan-out attack stays cheap. */
export const SOAK_CALL_BUDGET = 20;
/** `DOCUMENT_CACHE_BYTES` for the soak: caches fill during warm-up, so a bound shows as flat RSS. */
export const SOAK_DOCUMENT_CACHE_BYTES = 4 * 1024 * 1024;

const FAN_OUT = SOAK_CALL_BUDGET + 10;
const LONG = 10_000;
// Just under MAX_QUERY_BYTES (64 KiB): accepted, parsed and cached, each one new.
const LARGE_COMMENT = "x".repeat(60_000);
// Far over MAX_QUERY_BYTES, under MAX_BODY_BYTES: refused before parsing.
const HUGE_COMMENT = "x".repeat(900_000);

// The list and fan-out attacks aim at the scenario provider with several accounts per caller.
const target = SOAK_ENTITY_TARGET;

export const ATTACKS: Attack[] = [
  {
    name: "distinct 60 KB document",
    body: i => ({ query: `query Large${i} { __typename } # ${LARGE_COMMENT}` }),
    status: 200,
    expected: {},
    calls: {},
  },
  {
    name: "distinct 900 KB document",
    body: i => ({ query: `query Huge${i} { __typename } # ${HUGE_COMMENT}` }),
    status: 400,
    expected: { GRAPHQL_PARSE_FAILED: 1 },
    calls: {},
  },
  {
    name: `_entities of ${LONG} representations`,
    body: i => ({
      query: target.entitiesQuery,
      variables: { r: target.unknownRefs(i, LONG) },
    }),
    status: 400,
    expected: { BAD_USER_INPUT: 1 },
    calls: {},
  },
  {
    name: `accounts(providers:) of ${LONG}`,
    body: () => ({
      query: "query A($p: [Provider!]) { accounts(providers: $p) { id } }",
      variables: { p: Array(LONG).fill(target.provider) },
    }),
    status: 400,
    expected: { BAD_USER_INPUT: 1 },
    calls: {},
  },
  {
    // Within MAX_LIST_ITEMS and MAX_COST, over the budget: the first SOAK_CALL_BUDGET references
    // are looked up (unknown ids: NOT_FOUND each), the rest are refused unsent.
    name: `_entities of ${FAN_OUT} distinct ${target.label} ids`,
    body: i => ({
      query: target.entitiesQuery,
      variables: { r: target.unknownRefs(i, FAN_OUT) },
    }),
    status: 200,
    expected: {
      [`NOT_FOUND@${target.provider}`]: undefined,
      [`UPSTREAM_BUDGET_EXCEEDED@${target.provider}`]: FAN_OUT - SOAK_CALL_BUDGET,
    },
    calls: { [target.provider]: SOAK_CALL_BUDGET },
  },
];

/**
 * What is wrong with an attack's answer (undefined: as designed), and the errors left once the
 * designed ones are removed, which the soak explains by injected faults like any other request's.
 * A fault may turn one of the designed NOT_FOUNDs into a fault's code, so only the budget's count
 * is exact.
 */
export function checkAttack(attack: Attack, outcome: AttackOutcome): { problem?: string; rest: string[] } {
  const rest: string[] = [];
  const seen = new Map<string, number>();
  for (const error of outcome.errors) {
    if (error in attack.expected) seen.set(error, (seen.get(error) ?? 0) + 1);
    else rest.push(error);
  }
  const problems: string[] = [];
  if (outcome.status !== attack.status) problems.push(`HTTP ${outcome.status}, not ${attack.status}`);
  for (const [code, count] of Object.entries(attack.expected)) {
    if (count !== undefined && (seen.get(code) ?? 0) !== count) problems.push(`${seen.get(code) ?? 0} × ${code}, not ${count}`);
  }
  for (const { id: provider } of PROVIDER_MODULES) {
    const made = outcome.calls[provider] ?? 0;
    const want = attack.calls[provider] ?? 0;
    if (made !== want) problems.push(`${made} ${provider} call(s), not ${want}`);
  }
  return { problem: problems.length > 0 ? `${attack.name}: ${problems.join("; ")}` : undefined, rest };
}
