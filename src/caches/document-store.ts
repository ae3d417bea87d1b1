import { type KeyValueCache } from "@apollo/utils.keyvaluecache";
import { type DocumentNode } from "graphql";
import { LRUCache } from "lru-cache";
import { documentBytes } from "./document-size.js";

/** Apollo's parsed-and-validated document cache, with what it holds visible to metrics. */
export interface DocumentStore extends KeyValueCache<DocumentNode> {
  /** Estimated bytes held; at most `DOCUMENT_CACHE_BYTES`. */
  readonly bytes: number;
  /** Documents held. */
  readonly size: number;
}

/**
 * Apollo Server's `documentStore` (query hash → parsed, validated document): lru-cache bounded
 * by the bytes its documents keep alive ({@link documentBytes}). Apollo's default measures
 * `JSON.stringify(document)`, which leaves out the source text every node's `loc` retains, so
 * distinct large documents would outgrow the bound it names. `DOCUMENT_CACHE_BYTES`; with 0, undefined
 * (Apollo then caches nothing).
 */
export function createDocumentStore(maxBytes: number): DocumentStore | undefined {
  if (maxBytes <= 0) return undefined;
  // A document over the whole budget is not stored (lru-cache's maxEntrySize defaults to maxSize).
  const lru = new LRUCache<string, DocumentNode>({ maxSize: maxBytes, sizeCalculation: documentBytes });
  return {
    get bytes() {
      return lru.calculatedSize;
    },
    get size() {
      return lru.size;
    },
    async get(key) {
      return lru.get(key);
    },
    async set(key, value) {
      lru.set(key, value);
    },
    async delete(key) {
      return lru.delete(key);
    },
  };
}
