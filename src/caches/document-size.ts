import { type DocumentNode, type Token } from "graphql";

// Measured with graphql 16 on Node 20: a parsed operation takes ~320 bytes of heap per lexical
// token (the AST plus the token list its `loc` keeps); rounded up.
const BYTES_PER_TOKEN = 400;

/**
 * An estimate of the heap a parsed document keeps alive: its source text (which every node's
 * `loc` retains, however much of it is comments or whitespace) at two bytes a character, plus its
 * tokens. Apollo's own cache measures `JSON.stringify(document)`, which leaves out the source
 * text: a one-field document with a 900 KB comment counted as ~200 bytes and kept 900 KB.
 */
export function documentBytes(document: DocumentNode): number {
  const loc = document.loc;
  if (!loc) return 4 * JSON.stringify(document).length;
  let tokens = 0;
  for (let token: Token | null = loc.startToken; token; token = token.next) tokens += 1;
  return 2 * loc.source.body.length + BYTES_PER_TOKEN * tokens;
}

/** The UTF-8 length of `text`, without encoding it when its length alone decides `limit`. */
export function exceedsBytes(text: string, limit: number): boolean {
  // A UTF-16 code unit is 1 to 3 UTF-8 bytes.
  if (text.length > limit) return true;
  if (text.length * 3 <= limit) return false;
  return Buffer.byteLength(text, "utf8") > limit;
}
