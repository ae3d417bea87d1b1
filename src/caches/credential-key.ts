import { createHmac, randomBytes } from "node:crypto";
import { type CredentialKeyer } from "./read-cache.js";

/**
 * The part of a read-cache key that stands for a credential: HMAC-SHA-256 of it under `secret`
 * (`READ_CACHE_SECRET`), 192 bits in base64url. Keyed rather than a plain digest, so that whoever
 * reads the store (a Redis dump, a backup) cannot tell whether a key they hold was ever used here.
 * Replicas sharing Redis need the same secret to find each other's entries and to forget them
 * after a write; a single process without one gets a random key of its own (its cache dies with
 * it anyway).
 */
export function credentialKeyer(secret: string | undefined): CredentialKeyer {
  const key = secret === undefined ? randomBytes(32) : Buffer.from(secret, "utf8");
  return credential => createHmac("sha256", key).update(credential).digest("base64url").slice(0, 32);
}
