import { createHmac, randomBytes } from "node:crypto";

/**
 * A keyed hash (HMAC-SHA-256, base64url) of several parts, standing for secrets such as API tokens
 * and provider credentials wherever state is kept: equal parts give equal hashes under one key,
 * and without the key a hash tells nothing about the parts, not even whether a guess is right.
 */
export type CredentialHash = (...parts: readonly string[]) => string;

// Used only with REDIS_URL and no CREDENTIAL_HASH_SECRET, so that replicas still agree (with a
// start-up warning): the hash then hides a credential as a plain SHA-256 would, no better.
const BUILT_IN_KEY = "account-graph: CREDENTIAL_HASH_SECRET not set";

/**
 * The hash for this deployment: keyed with `secret` (`CREDENTIAL_HASH_SECRET`, the same on every
 * replica); without one, with a random key of this process when nothing outside it keeps the
 * hashes (`shared` false), else with a built-in key. Build once per process.
 */
export function credentialHash(secret: string | undefined, shared: boolean): CredentialHash {
  const key = secret ?? (shared ? BUILT_IN_KEY : randomBytes(32));
  return (...parts) => {
    const hmac = createHmac("sha256", key);
    // Each part with its byte length first: ("ab", "c") and ("a", "bc") must not hash alike.
    for (const part of parts) hmac.update(`${Buffer.byteLength(part)}:`).update(part);
    return hmac.digest("base64url");
  };
}
