/**
 * The refusal message when a request names a persisted query by a `sha256Hash` that is not a
 * string, else undefined. Checked before Apollo, which uses the hash as a cache key as it comes: a
 * hash whose conversion to text throws (`{"toString":"x"}`) would be a 500 with a stack in the log,
 * and other non-strings a confusing "not found".
 */
export function badPersistedHash(method: string, search: string, body: unknown): string | undefined {
  let extensions: unknown;
  if (method === "POST") {
    extensions = body !== null && typeof body === "object" ? (body as { extensions?: unknown }).extensions : undefined;
  } else if (search.includes("extensions")) {
    const text = new URLSearchParams(search).get("extensions");
    try {
      extensions = text === null ? undefined : JSON.parse(text);
    } catch {
      // Not JSON: Apollo answers that itself.
      return undefined;
    }
  }
  const persisted = extensions !== null && typeof extensions === "object" ? (extensions as { persistedQuery?: unknown }).persistedQuery : undefined;
  if (persisted === null || typeof persisted !== "object" || !("sha256Hash" in persisted)) return undefined;
  if (typeof (persisted as { sha256Hash: unknown }).sha256Hash === "string") return undefined;
  return "extensions.persistedQuery.sha256Hash must be a string: the hex SHA-256 of the query text.";
}
