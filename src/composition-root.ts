import { type AddressInfo } from "node:net";
import { type Logger } from "pino";
import { type Clock } from "./clock.js";
import { type Config } from "./config.js";
import { credentialHeaders, type AppDeps } from "./context.js";
import { createHttpServer, GRAPHQL_PATH } from "./http/http-server.js";
import { EXPLORER_PATH, explorerAssets } from "./explorer/explorer-assets.js";
import { createMetrics, observeDocumentStore, observeIdempotencyStore } from "./observability/metrics.js";
import { observeSharedState } from "./observability/shared-state-metrics.js";
import { type Tracing } from "./observability/trace-context.js";
import { loadManifest } from "./persisted/manifest.js";
import { createSharedState } from "./shared-state/index.js";
import { credentialHash } from "./shared-state/credential-hash.js";
import { createIdempotency } from "./idempotency/idempotency.js";
import { providerLimiters } from "./shared-state/measured-limiter.js";
import { type ProviderId } from "./contract/provider-facts.js";
import { type ProviderModule } from "./contract/provider-module.js";
import { ProviderCircuit } from "./rest/circuit-breaker.js";
import { type Transport } from "./rest/transport.js";
import { buildSubgraph } from "./schema.js";
import { createApolloServer } from "./apollo-server.js";
import { type Simulators } from "./simulators/index.js";
import { createReadCache } from "./caches/create-read-cache.js";

/** How long the drain outlasts the upstream deadline: time to write the answer after it. */
export const DRAIN_MARGIN_MS = 2000;
/**
 * How long an `Idempotency-Key` claim in Redis outlives `UPSTREAM_TIMEOUT_MS`. A running request
 * renews its claim, so this is how soon after a replica died mid-request a retry runs again.
 */
const IDEMPOTENCY_LEASE_MARGIN_MS = 2000;

/**
 * What the process hands the root: the providers it serves and its ties to the world outside it
 * (log, time, network, traces, and the simulators standing in for the providers), as
 * `processParts` builds them from the configuration; the root builds everything else from them
 * and `config`.
 */
export interface StartParts {
  /** The provider modules to serve (`PROVIDER_MODULES`); `config` is loaded for the same list. */
  modules: readonly ProviderModule[];
  logger: Logger;
  /** Time for the circuit breakers and the in-memory read cache. */
  clock: Clock;
  /** Provider calls go out through it; `stop()` closes it. */
  transport: Transport;
  /** OpenTelemetry tracing (`observability/tracing.ts`), when on; `stop()` shuts it down. */
  tracing?: Tracing;
  /**
   * The built-in provider simulators (`startSimulators`), with `PROVIDERS_MODE=simulated`: calls go
   * to them instead of the providers' base URLs, and Sandbox opens with their demo keys. `stop()`
   * closes them.
   */
  simulators?: Simulators;
}

/** A started account-graph: its URL, its shared-state line and `stop()`. */
export interface RunningAccountGraph {
  url: string;
  /** Where replica-shared state lives (memory, or Redis) and whether it is reachable now, for the start-up line. */
  sharedStateLine(): string;
  /**
   * Graceful stop: refuse new requests, finish in-flight ones, close upstream pools and simulators.
   * In-flight requests get `graceMs` (default: the upstream deadline plus {@link DRAIN_MARGIN_MS},
   * so a request to a hung provider is still answered UPSTREAM_TIMEOUT), then are cut.
   */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Start the whole server from its parts: schema, Apollo, shared state, HTTP.
 * Used by `index.ts` and by the end-to-end tests, which hand it the same parts (their log lines
 * captured, and a clock they move where a test steps through time).
 * Throws a `ConfigError` for a persisted-query manifest it cannot serve, before starting anything.
 */
export async function startAccountGraph(config: Config, parts: StartParts): Promise<RunningAccountGraph> {
  const { modules: providers, logger, clock, transport, tracing, simulators } = parts;
  // First, before anything starts: a manifest it cannot serve stops the start (a ConfigError). The
  // shipped operations: trusted documents with PERSISTED_QUERIES=only, and in every mode the names
  // that keep their own metrics label (a deployment without the file only loses those labels).
  const manifest = loadManifest(config);
  const endpoints = simulators ? simulators.endpoints(config) : config.providers;
  const metrics = createMetrics();
  const shared = await createSharedState(config, logger);
  // One keyed hash of credentials for everything replicas keep (limiter keys, read cache,
  // idempotency answers).
  const hash = credentialHash(config.credentialHashSecret, shared.kind === "redis");
  const limiters = providerLimiters(
    providers,
    (provider, max) => shared.limiter(provider, max),
    observeSharedState(metrics.registry, shared, providers),
    credential => hash("limiter", credential),
  );
  const circuits: Record<ProviderId, ProviderCircuit> = {};
  for (const { id: provider } of providers) {
    metrics.circuitState.set({ provider }, 0);
    circuits[provider] = new ProviderCircuit(provider, transport, config.breaker, clock, state => {
      metrics.circuitState.set({ provider }, state === "closed" ? 0 : state === "half-open" ? 1 : 2);
      logger.warn({ provider, state }, `circuit ${state}`);
    });
  }
  const readCache = createReadCache(config.readCache, { shared, hash, registry: metrics.registry, providers, logger, clock });
  const deps: AppDeps = {
    config,
    logger,
    transport,
    credentialHeaders: credentialHeaders(providers),
    endpoints,
    retry: config.retry,
    circuits,
    limiters,
    tracing,
    readCache,
    upstreamListeners: {
      onCall: call => {
        metrics.upstreamCalls.inc({ provider: call.provider, status: String(call.status ?? "none"), outcome: call.outcome });
        metrics.upstreamDuration.observe({ provider: call.provider }, call.durationMs / 1000);
      },
      onLoaderHit: () => metrics.cacheHits.inc({ cache: "loader" }),
    },
  };

  const schema = await buildSubgraph(providers);
  let url = "";
  // GraphiQL's files for the development landing page, when Apollo Sandbox cannot load.
  const explorer = config.production ? undefined : explorerAssets();
  const { apollo, documents } = createApolloServer(schema, {
    endpoint: () => `${url}${GRAPHQL_PATH}`,
    explorerAssets: explorer && EXPLORER_PATH,
    config,
    logger,
    metrics,
    providers,
    sandboxHeaders: simulators ? sandboxHeaders(providers, simulators) : undefined,
    apqCache: shared.apqCache,
    manifest,
    knownOperations: manifest?.operations.map(op => op.name),
  });
  observeDocumentStore(metrics.registry, documents);
  await apollo.start();
  let ready = false;
  const idempotencyStore = shared.idempotencyStore({
    ttlSeconds: config.idempotency.ttlSeconds,
    maxBytes: config.idempotency.cacheBytes,
    leaseMs: config.upstreamTimeoutMs + IDEMPOTENCY_LEASE_MARGIN_MS,
  });
  observeIdempotencyStore(metrics.registry, idempotencyStore);
  const idempotency = createIdempotency({
    store: idempotencyStore,
    tokensOn: config.apiTokens.length > 0,
    credentialHeaders: providers.map(p => p.credentialHeader),
    hash,
    metrics,
    logger,
  });
  const app = createHttpServer({
    deps,
    providers,
    apollo,
    metrics,
    idempotency,
    explorer,
    notReadyBecause: () =>
      !ready ? "starting" : shared.ready() ? undefined : (shared.unreadyReason?.() ?? "shared state unavailable"),
  });
  await new Promise<void>((resolve, reject) => {
    app.server.once("error", reject);
    app.server.listen(config.port, config.host, () => resolve());
  });
  ready = true;
  const { port } = app.server.address() as AddressInfo;
  const host = config.host === "0.0.0.0" || config.host === "::" ? "localhost" : config.host;
  url = `http://${host}:${port}`;

  return {
    url,
    sharedStateLine: () => shared.describe(),
    async stop(graceMs = config.upstreamTimeoutMs + DRAIN_MARGIN_MS) {
      ready = false;
      await app.drain(graceMs);
      await apollo.stop();
      for (const circuit of Object.values(circuits)) circuit.shutdown();
      readCache?.close();
      await shared.close();
      logger.flush();
      transport.close();
      await simulators?.close();
      // Last: the drained requests' spans are exported before the process ends.
      await tracing?.shutdown();
    },
  };
}

// Sandbox opens with each provider's demo key in its credential header, so every query works.
function sandboxHeaders(providers: readonly ProviderModule[], simulators: Simulators): Record<string, string> {
  return Object.fromEntries(providers.map(p => [p.credentialHeader, simulators.demoKeys[p.id]!]));
}
