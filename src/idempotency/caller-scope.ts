import { bearerToken } from "../http/caller-auth.js";
import { type CredentialHash } from "../shared-state/credential-hash.js";

/** Reads a request header (lower-case name), as Apollo's `HeaderMap` does. */
export interface HeaderReader {
  get(name: string): string | undefined;
}

/** Who a request is, for {@link idempotencyEntryId}. Build once per server. */
export interface CallerScope {
  /** Whether `API_TOKENS` is set: then the bearer token is part of who the caller is. */
  tokensOn: boolean;
  /** Every provider's credential header, lower case, in a fixed order. */
  credentialHeaders: readonly string[];
  hash: CredentialHash;
}

/**
 * The store's entry for this caller's `key`: one keyed hash of the caller — its `API_TOKENS`
 * token when tokens are on, and each provider credential the request carries, by header (a
 * request that carries none uses the server-side keys, the same for everyone) — and the key.
 * Another caller's same key is another entry, so no caller can read another's answer; and no
 * token, credential or key is kept in clear.
 */
export function idempotencyEntryId(scope: CallerScope, headers: HeaderReader, key: string): string {
  const parts: string[] = ["idempotency"];
  if (scope.tokensOn) parts.push(bearerToken(headers.get("authorization")) ?? "");
  for (const header of scope.credentialHeaders) parts.push(headers.get(header)?.trim() ?? "");
  parts.push(key);
  return scope.hash(...parts);
}
