import { type FinishedRequest } from "./finished-request.js";

/** One read a response answered with stale data: `extensions.staleReads[]` (contract §5). */
interface StaleRead {
  /** The provider (`Provider` enum value) that was unavailable. */
  provider: string;
  /** The provider path the data was read from, e.g. `/api/v2/me/preferences`. */
  path: string;
  /** Seconds since the provider gave this answer. */
  ageSeconds: number;
}

/**
 * Tell the caller which data is stale: when a read was answered with a stale answer because its
 * provider was unavailable (`STALE_IF_ERROR_SECONDS`), the response carries
 * `extensions.staleReads: [{ provider, path, ageSeconds }]` whoever the caller is (Apollo Client
 * reads it from the result's `extensions`, or in a link). `Cache-Control: no-store` is set by
 * `cache-headers.ts`.
 */
export function markStaleReads({ contextValue, response }: FinishedRequest): void {
  if (response.body.kind !== "single") return;
  let stale: StaleRead[] | undefined;
  for (const read of contextValue.upstream.cachedReads) {
    if (read.outcome === "stale") (stale ??= []).push({ provider: read.provider, path: read.path, ageSeconds: read.ageSeconds });
  }
  if (!stale) return;
  const result = response.body.singleResult;
  result.extensions = { ...result.extensions, staleReads: stale };
}
