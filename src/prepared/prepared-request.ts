/** What identifies a request's operation, and its inputs, in a form the prepared path takes. */
export interface PreparedLookup {
  /** The query text, or else… */
  query?: string;
  /** …the SHA-256 of a persisted query (hash-only APQ or trusted-document request). */
  sha256?: string;
  operationName: string | undefined;
  variables: Record<string, unknown> | undefined;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;
const GET_PARAMS = new Set(["query", "operationName", "variables", "extensions"]);

/**
 * The GraphQL request in a POST body or a GET query string, when it is one the prepared path can
 * answer exactly as Apollo would: a plain request (`query`, `operationName`, `variables`) or a
 * hash-only persisted query (`extensions.persistedQuery` version 1, no `query`). Anything Apollo
 * answers differently or refuses (registrations, other extensions, repeated or malformed
 * parameters, GETs that CSRF prevention or the landing page would take) is `undefined`: Apollo's.
 */
export function preparedLookup(
  method: string,
  search: string,
  body: unknown,
  header: (name: string) => string | undefined,
): PreparedLookup | undefined {
  if (method === "POST") return fromFields(body);
  if (method !== "GET" || !getPassesApollosChecks(header)) return undefined;
  const params = new URLSearchParams(search);
  const fields: Record<string, unknown> = {};
  for (const [name, value] of params) {
    if (!GET_PARAMS.has(name) || name in fields) return undefined;
    fields[name] = name === "variables" || name === "extensions" ? parseJsonObject(value) : value;
    if (fields[name] === undefined) return undefined;
  }
  return fromFields(fields);
}

function fromFields(body: unknown): PreparedLookup | undefined {
  if (!isRecord(body)) return undefined;
  let query: string | undefined;
  let sha256: string | undefined;
  let operationName: string | undefined;
  let variables: Record<string, unknown> | undefined;
  for (const [name, value] of Object.entries(body)) {
    if (name === "query" && typeof value === "string" && value !== "") query = value;
    else if (name === "operationName" && (typeof value === "string" || value === null)) operationName = value ?? undefined;
    else if (name === "variables" && value === null) variables = undefined;
    else if (name === "variables" && isRecord(value)) variables = value;
    else if (name === "extensions") {
      sha256 = persistedQueryHash(value);
      if (sha256 === undefined) return undefined;
    } else return undefined;
  }
  // Both: a registration, which Apollo checks and stores.
  if ((query === undefined) === (sha256 === undefined)) return undefined;
  return { query, sha256, operationName, variables };
}

function persistedQueryHash(extensions: unknown): string | undefined {
  if (!isRecord(extensions) || Object.keys(extensions).length !== 1) return undefined;
  const persisted = extensions.persistedQuery;
  if (!isRecord(persisted) || Object.keys(persisted).length !== 2 || persisted.version !== 1) return undefined;
  const hash = persisted.sha256Hash;
  return typeof hash === "string" && SHA256_HEX.test(hash) ? hash : undefined;
}

// Apollo serves Sandbox to a GET that prefers HTML (in development), refuses a GET whose
// content-type is not JSON, and, without a JSON content-type, wants a CSRF-preflight header.
function getPassesApollosChecks(header: (name: string) => string | undefined): boolean {
  if (header("accept")?.toLowerCase().includes("html")) return false;
  const contentType = header("content-type");
  if (contentType !== undefined) return contentType.split(";")[0]!.trim().toLowerCase() === "application/json";
  return !!header("x-apollo-operation-name") || !!header("apollo-require-preflight");
}

function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
