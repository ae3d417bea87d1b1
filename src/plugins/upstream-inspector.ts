import { type FinishedRequest } from "./finished-request.js";

/**
 * Adds `extensions.upstreamCalls` (provider, method, path, status, durationMs, attempts, outcome,
 * fromLoader; for a read the read cache answered: outcome `fresh` or `stale`, ageSeconds and
 * `fromCache: true`) to a response. The caller decides when: always in development, for callers
 * with an API token when `INSPECT_UPSTREAM=true`, never in production otherwise. No secrets: no
 * URLs with hosts, no headers, no bodies.
 */
export function attachUpstreamCalls({ contextValue, response }: FinishedRequest): void {
  if (response.body.kind !== "single") return;
  const result = response.body.singleResult;
  result.extensions = { ...result.extensions, upstreamCalls: contextValue.upstream.toJSON() };
}
