import { createHash, timingSafeEqual } from "node:crypto";

const digest = (value: string) => createHash("sha256").update(value).digest();

/**
 * A check of `Authorization: Bearer <token>` against `API_TOKENS`. Comparison is constant-time
 * (SHA-256 digests of equal length, every token compared); with no tokens configured, all pass.
 */
export function tokenMatcher(tokens: readonly string[]): (authorization: string | undefined) => boolean {
  if (tokens.length === 0) return () => true;
  const expected = tokens.map(digest);
  return authorization => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
    const presented = digest(match?.[1] ?? "");
    let ok = false;
    for (const candidate of expected) ok = timingSafeEqual(candidate, presented) || ok;
    return ok && match !== null;
  };
}
