import { type FinishedRequest } from "./finished-request.js";

/** The `Vary` value of every answer: authorization and the request headers that change it (the credentials). */
export function varyHeader(requestHeaders: readonly string[]): string {
  return ["authorization", ...requestHeaders.map(h => h.toLowerCase())].join(", ");
}

/**
 * Cache hints for reads: account data belongs to the caller's credential, so a successful query
 * gets `Cache-Control: max-age=N, private` (never a shared cache) and `Vary` on the credential
 * headers; mutations and answers with errors get no cache header. Every field of this schema has
 * the same freshness, so the policy is decided once per response instead of per field (Apollo's
 * cache-control plugin instruments every resolver to compute the same result). With the read
 * cache on, `N` is at most what is left of the data's freshness (`upstream.freshForSeconds`), and
 * an answer holding stale data, or data a provider marked `no-store`, is `no-store`.
 */
export function setCacheHeaders(request: FinishedRequest, maxAgeSeconds: number, vary: string): void {
  const { operation, response, errors, contextValue } = request;
  response.http.headers.set("vary", vary);
  const { noStore, freshForSeconds } = contextValue.upstream;
  if (noStore) {
    response.http.headers.set("cache-control", "no-store");
    return;
  }
  if (maxAgeSeconds <= 0 || operation?.operation !== "query" || errors?.length) return;
  const body = response.body.kind === "single" ? response.body.singleResult : undefined;
  if (body?.errors?.length) return;
  const maxAge = freshForSeconds !== undefined && freshForSeconds < maxAgeSeconds ? freshForSeconds : maxAgeSeconds;
  response.http.headers.set("cache-control", `max-age=${maxAge}, private`);
}
