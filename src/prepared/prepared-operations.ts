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

// Enough for every operation a fleet of clients sends (typical operations are 100–2,000
// characters). A flood of distinct or huge documents only evicts (those requests then take
// Apollo's path). A parsed document takes ~50 bytes of heap per character of text, so the text
// is what is budgeted: at most ~15 MB.
const DEFAULT_LIMITS = { entries: 500, characters: 300_000 };

/**
 * The operations the prepared path may run: filled by {@link PreparedOperations.plugin} from
 * requests that reached execution through Apollo, i.e. whose text parsed, passed every validation
 * rule (graphql-armor's limits, no introspection in production, ...) and every plugin's
 * `didResolveOperation` (trusted documents). Keyed by query text and requested operation name,
 * exactly what decided that outcome; the schema never changes while the process runs.
 */
export class PreparedOperations {
  private readonly entries = new Map<string, PreparedOperation>();
  private characters = 0;

  constructor(private readonly limits: { entries: number; characters: number } = DEFAULT_LIMITS) {}

  get size(): number {
    return this.entries.size;
  }

  get(query: string, operationName: string | undefined): PreparedOperation | undefined {
    return this.entries.get(key(query, operationName));
  }

  /** The Apollo plugin that records operations as they reach execution. */
  plugin(): ApolloServerPlugin<Context> {
    return {
      requestDidStart: async () => ({
        // Reached only once parsing, validation and every didResolveOperation passed.
        executionDidStart: async ({ source, document, operation, operationName, request }) => {
          if (source !== undefined && operation) this.remember(source, request.operationName, { document, operation, operationName });
        },
      }),
    };
  }

  /** Record an operation Apollo has vetted for this text and requested name (the plugin calls it). */
  remember(query: string, requestedName: string | undefined, prepared: PreparedOperation): void {
    const id = key(query, requestedName);
    if (this.entries.has(id) || id.length > this.limits.characters || usesIncrementalDelivery(prepared.document)) return;
    while (this.entries.size >= this.limits.entries || this.characters + id.length > this.limits.characters) {
      const oldest = this.entries.keys().next().value!;
      this.entries.delete(oldest);
      this.characters -= oldest.length;
    }
    this.entries.set(id, prepared);
    this.characters += id.length;
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
