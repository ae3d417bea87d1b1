import { type ApolloServerPlugin } from "@apollo/server";
import { BREAK, visit, type DocumentNode, type OperationDefinitionNode } from "graphql";
import { type Context } from "../context.js";

/** An operation Apollo has parsed, validated and let through every plugin once. */
export interface PreparedOperation {
  readonly document: DocumentNode;
  readonly operation: OperationDefinitionNode;
  /** The operation's own name (what the log line and metrics use), null when anonymous. */
  readonly operationName: string | null;
}

/** How much {@link PreparedOperations} holds, and whether it answers persisted-query hashes. */
export interface PreparedOperationsOptions {
  entries: number;
  /** Budget of query text, summed over entries. */
  characters: number;
  /**
   * Also find operations by the SHA-256 of their text, as persisted-query clients send them
   * (`PERSISTED_QUERIES` `apq` or `only`; with `off`, Apollo refuses hashes, so must this).
   */
  byHash: boolean;
}

// Enough for every operation a fleet of clients sends (typical operations are 100–2,000
// characters). A flood of distinct or huge documents only evicts (those requests then take
// Apollo's path). A parsed document takes ~50 bytes of heap per character of text, so the text
// is what is budgeted: at most ~15 MB.
const DEFAULT_OPTIONS: PreparedOperationsOptions = { entries: 500, characters: 300_000, byHash: true };

interface Entry {
  prepared: PreparedOperation;
  hashKey?: string;
}

/**
 * The operations the prepared path may run: filled by {@link PreparedOperations.plugin} from
 * requests that reached execution through Apollo, i.e. whose text parsed, passed every validation
 * rule (graphql-armor's limits, no introspection in production, ...) and every plugin's
 * `didResolveOperation` (trusted documents). Keyed by query text (or its SHA-256, which names
 * the same text) and requested operation name, exactly what decided that outcome; the schema never
 * changes while the process runs.
 */
export class PreparedOperations {
  private readonly entries = new Map<string, Entry>();
  /** Hash key → text key of the same entry. */
  private readonly hashes = new Map<string, string>();
  private characters = 0;
  private readonly options: PreparedOperationsOptions;

  constructor(options: Partial<PreparedOperationsOptions> = {}) {
    this.options = { ...DEFAULT_OPTIONS, ...options };
  }

  get size(): number {
    return this.entries.size;
  }

  /** The operation for this exact text and requested operation name. */
  get(query: string, operationName: string | undefined): PreparedOperation | undefined {
    return this.entries.get(key(query, operationName))?.prepared;
  }

  /** The operation whose text has this SHA-256 (hex), for this requested operation name. */
  getByHash(sha256: string, operationName: string | undefined): PreparedOperation | undefined {
    const textKey = this.hashes.get(key(sha256, operationName));
    return textKey === undefined ? undefined : this.entries.get(textKey)?.prepared;
  }

  /** The Apollo plugin that records operations as they reach execution. */
  plugin(): ApolloServerPlugin<Context> {
    return {
      requestDidStart: async () => ({
        // Reached only once parsing, validation and every didResolveOperation passed.
        executionDidStart: async ({ source, queryHash, document, operation, operationName, request }) => {
          if (source === undefined || !operation) return;
          this.remember(source, request.operationName, { document, operation, operationName }, queryHash);
        },
      }),
    };
  }

  /**
   * Record an operation Apollo has vetted for this text and requested name (the plugin calls it),
   * with the SHA-256 of the text Apollo computed or was given and checked.
   */
  remember(query: string, requestedName: string | undefined, prepared: PreparedOperation, sha256?: string): void {
    const id = key(query, requestedName);
    const { entries, characters } = this.options;
    if (this.entries.has(id) || id.length > characters || usesIncrementalDelivery(prepared.document)) return;
    while (this.entries.size >= entries || this.characters + id.length > characters) this.evictOldest();
    const hashKey = this.options.byHash && sha256 ? key(sha256, requestedName) : undefined;
    this.entries.set(id, { prepared, hashKey });
    if (hashKey) this.hashes.set(hashKey, id);
    this.characters += id.length;
  }

  private evictOldest() {
    const [id, entry] = this.entries.entries().next().value!;
    this.entries.delete(id);
    if (entry.hashKey) this.hashes.delete(entry.hashKey);
    this.characters -= id.length;
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
