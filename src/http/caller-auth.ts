import { createHash, timingSafeEqual } from "node:crypto";

const digest = (value: string) => createHash("sha256").update(value).digest();

/** Result of checking a request's `Authorization` against `API_TOKENS`. */
export interface CallerCheck {
  /** The request may proceed (no tokens configured, or a valid token presented). */
  allowed: boolean;
  /** A configured token was presented (enables the upstream inspector when asked for). */
  authenticated: boolean;
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** The token of `Authorization: Bearer <token>`; undefined for any other header or none. */
export function bearerToken(authorization: string | undefined): string | undefined {
  return BEARER.exec(authorization ?? "")?.[1];
}

/**
 * A check of `Authorization: Bearer <token>` against `API_TOKENS`. Comparison is constant-time
 * (SHA-256 digests of equal length, every token compared); with no tokens configured, all pass.
 */
export function tokenMatcher(tokens: readonly string[]): (authorization: string | undefined) => CallerCheck {
  const expected = tokens.map(digest);
  return authorization => {
    if (expected.length === 0) return { allowed: true, authenticated: false };
    const token = bearerToken(authorization);
    const presented = digest(token ?? "");
    let ok = false;
    for (const candidate of expected) ok = timingSafeEqual(candidate, presented) || ok;
    const valid = ok && token !== undefined;
    return { allowed: valid, authenticated: valid };
  };
}
