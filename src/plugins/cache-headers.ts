import { type ProviderFacts } from "../providers/provider-facts.js";
import { type FinishedRequest } from "./finished-request.js";

// `Vary` on authorization and every provider's credential header, joined once per provider list.
const varyValues = new WeakMap<readonly ProviderFacts[], string>();
function vary(providers: readonly ProviderFacts[]): string {
  let value = varyValues.get(providers);
  if (value === undefined) {
    varyValues.set(providers, (value = ["authorization", ...providers.map(p => p.credentialHeader.toLowerCase())].join(", ")));
  }
  return value;
}

/**
 * Cache hints for reads: account data belongs to the caller's credential, so a successful query
 * gets `Cache-Control: max-age=N, private` (never a shared cache) and `Vary` on the credential
 * headers; mutations and answers with errors get no cache header. Every field of this schema has
 * the same freshness, so the policy is decided once per response instead of per field (Apollo's
 * cache-control plugin instruments every resolver to compute the same result).
 */
export function setCacheHeaders(request: FinishedRequest, maxAgeSeconds: number): void {
  const { operation, response, errors } = request;
  response.http.headers.set("vary", vary(request.contextValue.providers));
  if (maxAgeSeconds <= 0 || operation?.operation !== "query" || errors?.length) return;
  const body = response.body.kind === "single" ? response.body.singleResult : undefined;
  if (body?.errors?.length) return;
  response.http.headers.set("cache-control", `max-age=${maxAgeSeconds}, private`);
}
