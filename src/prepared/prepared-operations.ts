import { type ApolloServerPlugin } from "@apollo/server";
import { BREAK, visit, type DocumentNode, type OperationDefinitionNode } from "graphql";
import { ByteBudgetLru } from "../caches/byte-budget-lru.js";
import { documentBytes } from "../caches/document-size.js";
import { type Context } from "../context.js";

/** An operation Apollo has parsed, validated and let through every plugin once. */
export interface PreparedOperation {
  readonly document: DocumentNode;
  readonly operation: OperationDefinitionNode;
  /** The operation's own name (what the log line and metrics use), null when anonymous. */
  readonly operationName: string | null;
}

/** How much {@link PreparedOperations} holds. */
export interface PreparedOperationsOptions {
  /**
   * Budget of estimated heap over all entries: the key (a copy of the query text) plus the
   * parsed document ({@link documentBytes}). `DOCUMENT_CACHE_BYTES`.
   */
  bytes: number;
}

// Typical operations are 100–2,000 characters (~100 KB parsed): thousands fit. A flood of
// distinct or huge documents only evicts (those requests then take Apollo's path).
const DEFAULT_OPTIONS: PreparedOperationsOptions = { bytes: 16 * 1024 * 1024 };

/**
 * The operations the prepared path may run: filled by {@link PreparedOperations.plugin} from
 * requests that reached execution through Apollo, i.e. whose text parsed, passed every validation
 * rule (graphql-armor's limits, no introspection in production, ...) and every plugin's
 * `didResolveOperation` (trusted documents, list limits). Keyed by query text and requested
 * operation name, exactly what decided that outcome; the schema never changes while the process
 * runs. Bounded by bytes, least recently used out first. Never keyed by hash: which hashes name a
 * text is Apollo's persisted-query store's to say (`prepared-path.ts` asks it on every request).
 */
export class PreparedOperations {
  private readonly entries: ByteBudgetLru<string, PreparedOperation>;
  private readonly options: PreparedOperationsOptions;

  constructor(options: Partial<PreparedOperationsOptions> = {}) {
    this.options = { ...DEFAULT_OPTIONS, ...options };
    this.entries = new ByteBudgetLru(this.options.bytes);
  }

  get size(): number {
    return this.entries.size;
  }

  /** Estimated bytes held; at most the `bytes` option. */
  get bytes(): number {
    return this.entries.bytes;
  }

  /** The operation for this exact text and requested operation name. */
  get(query: string, operationName: string | undefined): PreparedOperation | undefined {
    return this.entries.get(key(query, operationName));
  }

  /** The Apollo plugin that records operations as they reach execution. */
  plugin(): ApolloServerPlugin<Context> {
    return {
      requestDidStart: async () => ({
        // Reached only once parsing, validation and every didResolveOperation passed.
        executionDidStart: async ({ source, document, operation, operationName, request }) => {
          if (source === undefined || !operation) return;
          this.remember(source, request.operationName, { document, operation, operationName });
        },
      }),
    };
  }

  /** Record an operation Apollo has vetted for this text and requested name (the plugin calls it). */
  remember(query: string, requestedName: string | undefined, prepared: PreparedOperation): void {
    const id = key(query, requestedName);
    // The cheap test first: a text over the whole budget is never stored, so never parsed for size.
    if (this.entries.has(id) || 2 * id.length > this.options.bytes || usesIncrementalDelivery(prepared.document)) return;
    this.entries.set(id, prepared, 2 * id.length + documentBytes(prepared.document));
  }
}

// Unambiguous: a name's length prefixes it (no name and "" differ; no name/text split collides).
function key(query: string, operationName: string | undefined | null): string {
  return operationName == null ? `-\n${query}` : `${operationName.length}:${operationName}\n${query}`;
}

// @defer/@stream answers are multipart streams; only Apollo writes those.
function usesIncrementalDelivery(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Directive(node) {
      if (node.name.value === "defer" || node.name.value === "stream") {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
}
