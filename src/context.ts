import { type Logger } from "pino";
import { type Config, type ProviderEndpoint } from "./config.js";
import { type ProviderFacts, type ProviderId } from "./contract/provider-facts.js";
import { type RetryPolicy } from "./rest/retry-policy.js";
import { type ConcurrencyLimiter } from "./rest/concurrency-limiter.js";
import { RestClient, type ProviderProfile } from "./rest/rest-client.js";
import { type ProviderCircuit } from "./rest/circuit-breaker.js";
import { type RequestTrace, type Tracing } from "./observability/trace-context.js";
import { type Transport } from "./rest/transport.js";
import { UpstreamBudget } from "./rest/upstream-budget.js";
import { UpstreamRecorder, type UpstreamListeners } from "./rest/upstream-recorder.js";
import { type RequestedFaults } from "./http/simulated-faults.js";
import { type GraphQLRequestContextResponseForOperation, type GraphQLResponse } from "@apollo/server";
import { type ReadCache } from "./caches/read-cache.js";

/**
 * Request headers carrying a caller's own provider credentials (contract §1), lower case, by
 * provider: each provider's documented header.
 */
export function credentialHeaders(providers: readonly ProviderFacts[]): Readonly<Record<ProviderId, string>> {
  return Object.fromEntries(providers.map(p => [p.id, p.credentialHeader.toLowerCase()]));
}

/** Process-wide dependencies every request shares (built once at start). */
export interface AppDeps {
  config: Config;
  logger: Logger;
  transport: Transport;
  /** Each provider's credential header, lower case ({@link credentialHeaders} of the module list). */
  credentialHeaders: Readonly<Record<ProviderId, string>>;
  /** Effective endpoints: live URLs, or the simulators' loopback URLs and demo keys. */
  endpoints: Record<ProviderId, ProviderEndpoint>;
  retry: RetryPolicy;
  /** Per-provider circuit breakers around the transport. */
  circuits?: Partial<Record<ProviderId, ProviderCircuit>>;
  /** Concurrency limiters of the providers that declare `maxConcurrencyPerCredential`. */
  limiters: Partial<Record<ProviderId, ConcurrencyLimiter>>;
  /** Observers of every request's upstream calls and loader hits (metrics). */
  upstreamListeners?: UpstreamListeners;
  /** OpenTelemetry tracing; undefined when off (no OTLP endpoint). */
  tracing?: Tracing;
  /** The read cache of provider answers; undefined when off (`READ_CACHE_TTL_SECONDS`). */
  readCache?: ReadCache;
}

/** The per-request GraphQL context. Create one per request with {@link createContext}. */
export interface Context {
  readonly config: Config;
  readonly logger: Logger;
  readonly requestId: string;
  /** True when the request presented one of the `API_TOKENS`. */
  readonly callerAuthenticated: boolean;
  /** Upstream calls made so far by this request. */
  readonly upstream: UpstreamRecorder;
  /** This request's span when tracing is on: upstream attempts become its children. */
  readonly trace?: RequestTrace;
  /** The handling of the request's `Idempotency-Key`; undefined when it sent none. */
  readonly idempotency?: OperationGate;
  /** This request's credential for a provider: its header, else the server-side key. */
  credential(provider: ProviderId): string | undefined;
  /** A REST client for the provider bound to this request's credential and deadline policy. */
  rest(profile: ProviderProfile): RestClient;
  /**
   * The request's instance of a per-request kit (clients and loaders), built on first use.
   * Kits are how "one upstream call per resource per request" is kept: never cache them longer.
   */
  use<T>(kit: (ctx: Context) => T): T;
}

/**
 * What decides, once the operation is known, whether it runs (null) or what is answered instead:
 * Apollo's `responseForOperation`. A request's `Idempotency-Key` handling (`idempotency/`) is one.
 */
export interface OperationGate {
  decide(request: GraphQLRequestContextResponseForOperation<Context>): Promise<GraphQLResponse | null>;
}

/** What one request brings to its {@link createContext}. */
export interface RequestFacts {
  /** The request's headers (Apollo's `HeaderMap`: lower-case names, repeated values joined). */
  headers: { get(name: string): string | undefined };
  requestId: string;
  /** Whether the caller presented one of `API_TOKENS`. */
  callerAuthenticated?: boolean;
  /** The request's span when tracing is on. */
  trace?: RequestTrace;
  /** Simulated mode only: faults sent to the simulators on their providers' calls. */
  faults?: RequestedFaults;
  /** The request's `Idempotency-Key` handling, when it sent one. */
  idempotency?: OperationGate;
}

/** Build a request's context from its headers. Cheap: kits are built lazily on first use. */
export function createContext(deps: AppDeps, request: RequestFacts): Context {
  const { headers, requestId, callerAuthenticated = false, trace, faults, idempotency } = request;
  const read = (name: string): string | undefined => headers.get(name)?.trim() || undefined;
  const kits = new Map<unknown, unknown>();
  const upstream = new UpstreamRecorder(deps.upstreamListeners);
  const budget = new UpstreamBudget(deps.config.upstreamCallBudget);
  const ctx: Context = {
    config: deps.config,
    logger: deps.logger,
    requestId,
    callerAuthenticated,
    upstream,
    trace,
    idempotency,
    credential: provider => read(deps.credentialHeaders[provider]!) ?? deps.endpoints[provider]!.apiKey,
    rest: profile =>
      new RestClient({
        profile,
        baseUrl: deps.endpoints[profile.provider.id]!.baseUrl,
        credential: ctx.credential(profile.provider.id),
        transport: deps.transport,
        timeoutMs: deps.config.upstreamTimeoutMs,
        retry: deps.retry,
        recorder: upstream,
        budget,
        limiter: deps.limiters[profile.provider.id],
        circuit: deps.circuits?.[profile.provider.id],
        logger: deps.logger,
        trace,
        simulatedFault: faults?.get(profile.provider.id),
        readCache: deps.readCache,
      }),
    use<T>(kit: (ctx: Context) => T): T {
      let value = kits.get(kit) as T | undefined;
      if (value === undefined) {
        value = kit(ctx);
        kits.set(kit, value);
      }
      return value;
    },
  };
  return ctx;
}
