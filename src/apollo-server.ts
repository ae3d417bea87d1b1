import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
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
import { COST_WEIGHTS } from "./limits/list-limits.js";
import { type Metrics } from "./observability/metrics.js";
import { federatedTracePlugins } from "./plugins/federated-trace.plugin.js";
import { developmentLandingPage } from "./plugins/landing-page.plugin.js";
import { requestLogger } from "./plugins/request-log.js";
import { requestPlugin } from "./plugins/request.plugin.js";
import { responseFinisher } from "./plugins/response-finisher.js";
import { manifestCache, trustedDocumentsPlugin } from "./plugins/trusted-documents.plugin.js";
import { type PersistedQueryManifest } from "./persisted/manifest.js";
import { createDocumentStore, type DocumentStore } from "./caches/document-store.js";
import { providerNames } from "./http/production-page.js";
import { SIMULATE_FAULT_HEADER } from "./http/simulated-faults.js";
import { type ProviderFacts } from "./contract/provider-facts.js";

/** Options for {@link createApolloServer}. */
export interface ApolloSetupOptions {
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
}

/** The Apollo Server and its parsed-document cache. */
export interface ApolloSetup {
  apollo: ApolloServer<Context>;
  /** Apollo's parsed-document cache (bounded by `DOCUMENT_CACHE_BYTES`); undefined when that is 0. */
  documents?: DocumentStore;
}

/** The operation Sandbox opens with in development: every provider, with a few of each one's fields. */
function sandboxExample(providers: readonly ProviderFacts[]): string {
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
 * The Apollo Server (no listening: see `http/http-server.ts`): operation limits (graphql-armor), error
 * formatting, Sandbox in development, CSRF prevention, private cache hints, request logs and
 * metrics, the upstream inspector, and no stack traces in responses. Every request goes through
 * Apollo's pipeline; what account-graph adds to it is one plugin (`plugins/request.plugin.ts`).
 */
export function createApolloServer(schema: GraphQLSchema, options: ApolloSetupOptions): ApolloSetup {
  const { config, logger, metrics } = options;
  const { limits } = config;
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth },
    maxAliases: { n: limits.maxAliases },
    // Armor's token check throws from parsingDidStart, which Apollo answers with a 500; graphql-js's
    // own parser limit (parseOptions below) rejects the same documents as a 400 parse failure.
    maxTokens: { enabled: false },
    maxDirectives: { n: limits.maxDirectives },
    costLimit: { maxCost: limits.maxCost, ...COST_WEIGHTS },
    // Suggestions ("Did you mean ...?") would describe the schema to someone without introspection;
    // formatError removes them all (armor's plugin only removes field names, at a listener per request).
    blockFieldSuggestion: { enabled: false },
  }).protect();
  const formatError = createFormatError({ production: config.production, hideSuggestions: !config.introspection, logger });
  const finish = responseFinisher({
    providers: options.providers,
    // With CORS, the answer's Access-Control-Allow-Origin depends on Origin (cors.ts).
    varyAlso: [...(config.corsOrigins.length > 0 ? ["origin"] : []), ...(config.providersMode === "simulated" ? [SIMULATE_FAULT_HEADER] : [])],
    cacheMaxAgeSeconds: config.cacheMaxAgeSeconds,
    inspect: (ctx: Context) => !config.production || (config.inspectUpstream && ctx.callerAuthenticated),
    logRequest: requestLogger(metrics, logger, options.knownOperations),
  });
  const documents = createDocumentStore(config.documentCacheBytes);

  const apollo = new ApolloServer<Context>({
    schema,
    logger,
    csrfPrevention: true,
    // index.ts owns SIGTERM/SIGINT (drain HTTP first); a second concurrent stop() never resolves.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    introspection: config.introspection,
    persistedQueries: persistedQueries(config, options),
    // Apollo's default measures documents without their source text (see caches/document-size.ts).
    documentStore: documents ?? null,
    validationRules: [...armor.validationRules, noSubscriptions],
    parseOptions: { maxTokens: limits.maxTokens },
    formatError,
    plugins: [
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
      // Every field of this schema has the same freshness: the response steps set the header once.
      ApolloServerPluginCacheControlDisabled(),
      ...federatedTracePlugins(),
      ...(config.persistedQueries === "only" ? [trustedDocumentsPlugin(options.manifest!)] : []),
      requestPlugin({ listLimits: { maxListItems: limits.maxListItems, maxCost: limits.maxCost }, finish }),
      ...(armor.plugins as ApolloServerPlugin<Context>[]),
    ],
  });
  return { apollo, documents };
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
function persistedQueries(config: Config, options: ApolloSetupOptions) {
  if (config.persistedQueries === "off") return false as const;
  if (config.persistedQueries === "only") {
    if (!options.manifest) throw new Error("PERSISTED_QUERIES=only needs the persisted query manifest");
    return { cache: manifestCache(options.manifest) };
  }
  // A day: long enough for clients' hot operations, bounded so the cache (Redis) cannot only grow.
  return { cache: options.apqCache, ttl: 86_400 };
}
