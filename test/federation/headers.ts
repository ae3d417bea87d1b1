import { CREDENTIAL_HEADERS } from "../helpers/providers.js";

// Kept apart from helpers.ts (which loads the gateway and composition) so that the manifest test
// can check the router config against these names without loading either.

/** Our subgraph's name in the supergraph (as in `deploy/supergraph.yaml` and `router.yaml`). */
export const ACCOUNT_GRAPH = "account-graph";

/**
 * The request headers a gateway or router must pass from the caller to account-graph: the four
 * provider credential headers (contract §1), `x-request-id` (so logs correlate across hops) and
 * `idempotency-key` (so a retried mutation is not written twice, contract §6).
 * `deploy/router.yaml` propagates exactly these; `test/deploy/manifests.test.ts` checks it.
 */
export const ACCOUNT_GRAPH_FORWARDED_HEADERS: readonly string[] = [
  ...Object.values(CREDENTIAL_HEADERS),
  "x-request-id",
  "idempotency-key",
];
