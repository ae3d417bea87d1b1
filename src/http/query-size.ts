import { exceedsBytes } from "../caches/document-size.js";

/**
 * The refusal message when a request's query text is over `maxBytes` (`MAX_QUERY_BYTES`), else
 * undefined. Checked before Apollo sees the request, so an oversized text is never hashed,
 * parsed or kept: graphql-js's token limit cannot stand in for this, as it does not count
 * comments (a 900 KB comment is no token at all) and runs only once the text is held for parsing.
 */
export function queryTooLarge(method: string, search: string, body: unknown, maxBytes: number): string | undefined {
  let query: unknown;
  if (method === "POST") {
    query = body !== null && typeof body === "object" ? (body as { query?: unknown }).query : undefined;
  } else if (search.length > maxBytes) {
    // A GET's text is in the URL, which Node already bounds (16 KB of headers); decode only when it could matter.
    query = new URLSearchParams(search).get("query");
  }
  if (typeof query !== "string" || !exceedsBytes(query, maxBytes)) return undefined;
  return `The query text is larger than ${maxBytes} bytes (MAX_QUERY_BYTES); it was not parsed.`;
}
