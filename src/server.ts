import { ApolloServer, type ApolloServerOptions, type ApolloServerPlugin } from "@apollo/server";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import { type KeyValueCache } from "@apollo/utils.keyvaluecache";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import { GraphQLError, type GraphQLSchema, type ValidationRule } from "graphql";
import { type Logger } from "pino";
import { type Config } from "./config.js";
import { type Context } from "./context.js";
import { createFormatError } from "./errors/format-error.js";
import { type Metrics } from "./observability/metrics.js";
import { federatedTracePlugins } from "./plugins/federated-trace.plugin.js";
import { developmentLandingPage } from "./plugins/landing-page.plugin.js";
import { requestLogger } from "./plugins/request-log.js";
import { responseFinisher, responsePlugin } from "./plugins/response.plugin.js";
import { manifestCache, trustedDocumentsPlugin } from "./plugins/trusted-documents.plugin.js";
import { type PersistedQueryManifest } from "./persisted/manifest.js";
import { preparedExecutor } from "./prepared/prepared-executor.js";
import { type PreparedPath } from "./prepared/prepared-path.js";
import { createDocumentStore, type DocumentStore } from "./caches/document-store.js";
import { listLimitsPlugin } from "./plugins/list-limits.plugin.js";
import { PreparedOperations } from "./prepared/prepared-operations.js";
import { providerNames } from "./http/production-page.js";
import { SIMULATE_FAULT_HEADER } from "./http/simulated-faults.js";
import { apqReader } from "./persisted/apq-store.js";
import { type ProviderFacts } from "./providers/provider-facts.js";
import { preparedPathBlockers } from "./prepared/prepared-eligibility.js";

/** Options for {@link createGraphQLServer}. */
export interface ApolloOptions {
  config: Config;
  logger: Logger;
  metrics: Metrics;
  /** The providers served (the Sandbox example's fragments). */
  providers: readonly ProviderFacts[];
  /** Headers pre-filled in Sandbox (the simulators' demo keys in simulated mode). */
  sandboxHeaders?: Record<string, string>;
  /** The GraphQL URL once the server listens (shown on the development landing page). */
  endpoint: () => string;
  /** Where the offline explorer's files are served, when installed (development landing page). */
  explorerAssets?: string;
  /** Cache for automatic persisted queries (memory by default, Redis with REDIS_URL). */
  apqCache?: KeyValueCache<string>;
  /** The trusted operations, required when `PERSISTED_QUERIES=only`. */
  manifest?: PersistedQueryManifest;
  /** Operation names that always get their own metrics label (the manifest's, in every mode). */
  knownOperations?: readonly string[];
  /** Further Apollo plugins; the prepared path runs none of them, so any turns it off. */
  plugins?: ApolloServerPlugin<Context>[];
}

/** Apollo, and the prepared path that answers operations it has already vetted (`prepared/`). */
export interface GraphQLServer {
  apollo: ApolloServer<Context>;
  /** Undefined when off: `PREPARED_PATH=false`, or Apollo is configured beyond what it reproduces. */
  prepared?: PreparedPath;
  /** Apollo's parsed-document cache (bounded by `DOCUMENT_CACHE_BYTES`). */
  documents: DocumentStore;
}

/** The operation Sandbox opens with in development: every provider, with a few of each one's fields. */
export function sandboxExample(providers: readonly ProviderFacts[]): string {
  const fragments = providers
    .filter(p => p.exampleFields)
    .map(p => `    ... on ${p.accountTypeName} { ${p.exampleFields} }\n`)
    .join("");
  return `# Every provider at once; each failing provider is a null item with an error at its index.
query AllAccounts {
  accounts {
    provider
    id
${fragments}  }
}
`;
}

/**
 * The Apollo Server (no listening: see `http/app.ts`): operation limits (graphql-armor), error
 * formatting, Sandbox in development, CSRF prevention, private cache hints, request logs and
 * metrics, the upstream inspector, and no stack traces in responses. Beside it, the prepared path
 * with the same schema, error formatting and response steps, fed by Apollo's vetted operations.
 */
export function createGraphQLServer(schema: GraphQLSchema, options: ApolloOptions): GraphQLServer {
  const { config, logger, metrics } = options;
  const { limits } = config;
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth },
    maxAliases: { n: limits.maxAliases },
    // Armor's token check throws from parsingDidStart, which Apollo answers with a 500; graphql-js's
    // own parser limit (parseOptions below) rejects the same documents as a 400 parse failure.
    maxTokens: { enabled: false },
    maxDirectives: { n: limits.maxDirectives },
    costLimit: { maxCost: limits.maxCost },
    // Suggestions ("Did you mean ...?") would describe the schema to someone without introspection;
    // formatError removes them all (armor's plugin only removes field names, at a listener per request).
    blockFieldSuggestion: { enabled: false },
  }).protect();
  const formatError = createFormatError({ production: config.production, hideSuggestions: !config.introspection, logger });
  const finish = responseFinisher({
    providers: options.providers,
    varyAlso: config.providersMode === "simulated" ? [SIMULATE_FAULT_HEADER] : [],
    cacheMaxAgeSeconds: config.cacheMaxAgeSeconds,
    inspect: (ctx: Context) => !config.production || (config.inspectUpstream && ctx.callerAuthenticated),
    logRequest: requestLogger(metrics, logger, options.knownOperations),
  });
  const documents = createDocumentStore(config.documentCacheBytes);
  const listLimits = { maxListItems: limits.maxListItems, maxCost: limits.maxCost };

  const persisted = persistedQueries(config, options);
  // Every plugin here is reproduced by the prepared path, or acts only on requests it leaves to
  // Apollo (the landing page, ftv1 traces); `prepared/prepared-eligibility.ts` checks the rest.
  const reproduced: ApolloServerPlugin<Context>[] = [
    config.production
      ? ApolloServerPluginLandingPageDisabled()
      : developmentLandingPage({
          document: sandboxExample(options.providers),
          providerNames: providerNames(options.providers),
          headers: options.sandboxHeaders,
          endpoint: options.endpoint,
          explorerAssets: options.explorerAssets,
          faultProviders: config.providersMode === "simulated" ? options.providers.map(p => p.id) : undefined,
        }),
    ApolloServerPluginCacheControlDisabled(),
    ...federatedTracePlugins(),
    responsePlugin(finish),
    ...(config.persistedQueries === "only" ? [trustedDocumentsPlugin(options.manifest!)] : []),
    listLimitsPlugin(listLimits),
  ];
  const apolloOptions: ApolloServerOptions<Context> = {
    schema,
    logger,
    csrfPrevention: true,
    // index.ts owns SIGTERM/SIGINT (drain HTTP first); a second concurrent stop() never resolves.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    introspection: config.introspection,
    persistedQueries: persisted,
    // Apollo's default measures documents without their source text (see caches/document-size.ts).
    documentStore: documents,
    validationRules: [...armor.validationRules, noSubscriptions],
    parseOptions: { maxTokens: limits.maxTokens },
    formatError,
    // Armor's plugins (both off above) and any others would turn the prepared path off.
    plugins: [...reproduced, ...(armor.plugins as ApolloServerPlugin<Context>[]), ...(options.plugins ?? [])],
  };
  const blockers = config.preparedPath ? preparedPathBlockers(apolloOptions, new Set(reproduced)) : [];
  if (!config.preparedPath) logger.info("prepared path off (PREPARED_PATH=false): every request goes through Apollo's pipeline");
  else if (blockers.length > 0) logger.warn(`prepared path off: ${blockers.join("; ")}; every request goes through Apollo's pipeline`);
  if (!config.preparedPath || blockers.length > 0) return { apollo: new ApolloServer<Context>(apolloOptions), documents };

  const operations = new PreparedOperations({ bytes: config.documentCacheBytes });
  // Last: it records operations that got through all of the above.
  const apollo = new ApolloServer<Context>({ ...apolloOptions, plugins: [...apolloOptions.plugins!, operations.plugin()] });
  const run = preparedExecutor({ schema, formatError, finish });
  // The store Apollo's pipeline reads hashes from (its own cache when none is given), so a hash is
  // answered on the prepared path exactly when Apollo would answer it.
  const persistedReader = persisted ? apqReader(persisted.cache ?? apollo.cache) : undefined;
  return { apollo, prepared: { operations, run, listLimits, persistedQueries: persistedReader }, documents };
}

// The schema has no subscriptions; graphql-js would only notice at execution (an internal error).
const noSubscriptions: ValidationRule = context => ({
  OperationDefinition(node) {
    if (node.operation === "subscription") {
      context.reportError(new GraphQLError("Subscriptions are not supported by this API.", { nodes: node }));
    }
  },
});

// APQ (hash → query, registered by clients), trusted documents (hash → manifest only), or off.
function persistedQueries(config: Config, options: ApolloOptions) {
  if (config.persistedQueries === "off") return false as const;
  if (config.persistedQueries === "only") {
    if (!options.manifest) throw new Error("PERSISTED_QUERIES=only needs the persisted query manifest");
    return { cache: manifestCache(options.manifest) };
  }
  // A day: long enough for clients' hot operations, bounded so the cache (Redis) cannot only grow.
  return { cache: options.apqCache, ttl: 86_400 };
}
