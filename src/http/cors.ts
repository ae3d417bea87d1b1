import { IDEMPOTENCY_KEY_HEADER, IDEMPOTENT_REPLAYED_HEADER } from "../idempotency/idempotency-key.js";

const BASE_ALLOWED_HEADERS = [
  "content-type",
  "authorization",
  "apollo-require-preflight",
  "x-apollo-operation-name",
  "apollographql-client-name",
  "apollographql-client-version",
  "x-request-id",
  // Retry-safe mutations (contract §6).
  IDEMPOTENCY_KEY_HEADER,
];

// What a browser client may read of an answer: its request id, and for retry-safe mutations
// whether it is a replay and when to retry a key still in use.
const EXPOSED_HEADERS = `x-request-id, ${IDEMPOTENT_REPLAYED_HEADER}, retry-after`;

/** The headers a preflight allows: the base ones and every provider's credential header. */
export function allowedHeaders(credentialHeaders: readonly string[]): string {
  return [...BASE_ALLOWED_HEADERS, ...credentialHeaders.map(h => h.toLowerCase())].join(", ");
}

/**
 * CORS for browser clients: origins from `CORS_ORIGINS` (plus Sandbox's in development) get
 * `Access-Control-Allow-Origin`; others get none, so browsers block them. No cookies are used,
 * so credentials mode is never allowed.
 */
export function corsHeaders(
  origin: string | undefined,
  allowed: readonly string[],
  preflight: boolean,
  allowHeaders: string,
): Record<string, string> | undefined {
  if (!origin || !(allowed.includes("*") || allowed.includes(origin))) return undefined;
  const headers: Record<string, string> = {
    "access-control-allow-origin": origin,
    "access-control-expose-headers": EXPOSED_HEADERS,
    vary: "origin",
  };
  if (preflight) {
    headers["access-control-allow-methods"] = "GET, POST, OPTIONS";
    headers["access-control-allow-headers"] = allowHeaders;
    headers["access-control-max-age"] = "600";
  }
  return headers;
}
