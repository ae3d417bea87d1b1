import { type KeyValueCache } from "@apollo/utils.keyvaluecache";
import { type DocumentNode } from "graphql";
import { ByteBudgetLru } from "./byte-budget-lru.js";
import { documentBytes } from "./document-size.js";

/** Apollo's parsed-and-validated document cache, with what it holds visible (tests, metrics). */
export interface DocumentStore extends KeyValueCache<DocumentNode> {
  /** Estimated bytes held; at most `maxBytes`. */
  readonly bytes: number;
  readonly size: number;
  readonly maxBytes: number;
}

/**
 * Apollo Server's `documentStore` (query hash → parsed, validated document), bounded by the
 * bytes its documents keep alive ({@link documentBytes}) rather than Apollo's default, which
 * measures documents without their source text and so let distinct large documents grow memory
 * without bound. `DOCUMENT_CACHE_BYTES`; 0 caches nothing.
 */
export function createDocumentStore(maxBytes: number): DocumentStore {
  const lru = new ByteBudgetLru<string, DocumentNode>(maxBytes);
  return {
    get bytes() {
      return lru.bytes;
    },
    get size() {
      return lru.size;
    },
    maxBytes,
    async get(key) {
      return lru.get(key);
    },
    async set(key, value) {
      lru.set(key, value, documentBytes(value));
    },
    async delete(key) {
      return lru.delete(key) !== undefined;
    },
  };
}
