import { createHash } from "node:crypto";

/**
 * What makes two requests "the same operation" for an `Idempotency-Key`: the document's hash
 * (Apollo's `queryHash`: the SHA-256 of the text, so a text and its persisted hash — APQ or a
 * trusted document — are the same), the operation chosen in it, and the variables with their keys
 * sorted (two clients serializing one input differently are still sending one input). SHA-256,
 * base64url.
 */
export function operationFingerprint(
  queryHash: string,
  operationName: string | null | undefined,
  variables: Readonly<Record<string, unknown>> | undefined,
): string {
  return createHash("sha256")
    .update(queryHash)
    .update("\0")
    .update(operationName ?? "")
    .update("\0")
    .update(canonicalJson(variables ?? {}))
    .digest("base64url");
}

/** JSON with every object's keys sorted, so that equal values print alike. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.keys(value)
      .filter(key => (value as Record<string, unknown>)[key] !== undefined)
      .sort()
      .map(key => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}
