import { accessSync, constants, statSync } from "node:fs";
import { ConfigError } from "./config-error.js";
import { BUNDLED_MANIFEST_PATH, manifestName } from "./persisted/manifest.js";
import { type EnvReader, type ProviderFacts, type ProviderId } from "./contract/provider-facts.js";
import { type BreakerOptions } from "./rest/circuit-breaker.js";
import { MAX_RETRY_AFTER_SECONDS, type RetryPolicy } from "./rest/retry-policy.js";

/** Where and how one provider is reached. */
export interface ProviderEndpoint {
  /** Base URL without trailing slash; paths such as `/v1/...` are appended. */
  baseUrl: string;
  /** Server-side credential used when a request brings none. */
  apiKey?: string;
}

/** The server's configuration, read once from the environment at start (see `loadConfig`). */
export interface Config {
  nodeEnv: "production" | "development" | "test";
  production: boolean;
  port: number;
  host: string;
  providersMode: "simulated" | "live";
  /** Each provider's endpoint from `<ID>_BASE_URL` and `<ID>_API_KEY`, by provider id. */
  providers: Record<ProviderId, ProviderEndpoint>;
  /** Each provider's own variables (`readSettings` of its facts), by provider id. */
  providerSettings: Record<ProviderId, Readonly<Record<string, unknown>>>;
  /** Deadline for one upstream operation, retries included. */
  upstreamTimeoutMs: number;
  /** How reads are retried (`UPSTREAM_RETRY_*`); writes never are. */
  retry: RetryPolicy;
  /** When each provider's circuit opens, and for how long (`BREAKER_*`). */
  breaker: BreakerOptions;
  /** Caller tokens; empty means `/graphql` is open. */
  apiTokens: string[];
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  /** Browser origins allowed by CORS (Sandbox's origin is added in development). */
  corsOrigins: string[];
  introspection: boolean;
  /** `apq`: automatic persisted queries; `only`: trusted documents from the manifest; `off`. */
  persistedQueries: "apq" | "only" | "off";
  /** The manifest file `only` serves (checked at start); the bundled one unless `PERSISTED_QUERY_MANIFEST`. */
  persistedQueryManifest: string;
  /** Add `extensions.upstreamCalls` for callers with an API token (always on in development). */
  inspectUpstream: boolean;
  /** Shared state for replicas (persisted queries, concurrency budgets); memory when unset. */
  redisUrl?: string;
  /**
   * Longest one Redis command may take before it fails and Redis counts as not answering: a fifth
   * of `upstreamTimeoutMs`, at most 1 s (Redis answers in about a millisecond). A stalled Redis
   * thus costs a request that long, never its whole deadline.
   */
  redisCommandTimeoutMs: number;
  limits: OperationLimits;
  http: HttpLimits;
  /** `max-age` of the private cache hint on reads. */
  cacheMaxAgeSeconds: number;
  /** The read cache of provider answers (contract §5); off when both of its durations are 0. */
  readCache: ReadCacheConfig;
  /** Bytes (estimated heap) Apollo's parsed-document cache may hold. */
  documentCacheBytes: number;
  /**
   * Upstream calls one GraphQL request may make to each provider; further calls are not sent and
   * their fields fail with `UPSTREAM_BUDGET_EXCEEDED`.
   */
  upstreamCallBudget: number;
  /** The HTTP client for provider calls (see rest/transport.ts and docs/performance.md). */
  upstreamClient: "undici" | "got";
  /** OpenTelemetry tracing; undefined (off, and the SDK never loaded) when no OTLP endpoint is set. */
  tracing?: TracingConfig;
  /** Answers kept for `Idempotency-Key` retries of mutations (contract §6). */
  idempotency: IdempotencyConfig;
  /**
   * Key of the keyed hashes (HMAC-SHA-256) that stand for callers' tokens and credentials in what
   * replicas share (`CREDENTIAL_HASH_SECRET`); undefined: a random key per process without
   * `REDIS_URL`, a built-in one with it (start-up warning).
   */
  credentialHashSecret?: string;
}

/** How answers to mutations sent with an `Idempotency-Key` are kept. */
export interface IdempotencyConfig {
  /** How long an answer is replayed for its key (`IDEMPOTENCY_TTL_SECONDS`). */
  ttlSeconds: number;
  /** Without `REDIS_URL`: bytes the kept answers may take in memory; the oldest go first (`IDEMPOTENCY_CACHE_BYTES`). */
  cacheBytes: number;
}

/**
 * OpenTelemetry trace export, from the standard `OTEL_*` variables. The SDK reads the endpoint,
 * headers, sampler, batch and resource variables itself; these are checked here so that a typo
 * stops the start instead of silently exporting nothing.
 */
export interface TracingConfig {
  /** Where spans go: `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`, else `OTEL_EXPORTER_OTLP_ENDPOINT` + `/v1/traces`. */
  endpoint: string;
  /** OTLP over HTTP, protobuf (the OpenTelemetry default) or JSON. gRPC is not bundled. */
  protocol: "http/protobuf" | "http/json";
  /** The sampler named by `OTEL_TRACES_SAMPLER` (default `parentbased_always_on`). */
  sampler: string;
  /** Send `traceparent`/`tracestate` to the providers too (`OTEL_PROPAGATE_TO_PROVIDERS`, default false). */
  propagateToProviders: boolean;
}

/** The read cache (`caches/read-cache.ts`): how long answers are fresh, stale-usable, and where they live. */
export interface ReadCacheConfig {
  /** `READ_CACHE_TTL_SECONDS`: answers are served without a provider call this long; 0 for never. */
  ttlSeconds: number;
  /** `STALE_IF_ERROR_SECONDS`: past the TTL, an answer stands in for an unavailable provider this long. */
  staleIfErrorSeconds: number;
  /** `READ_CACHE_BYTES`: what the in-memory cache may hold (without `REDIS_URL`). */
  maxBytes: number;
}

/** Per-operation limits (graphql-armor), sized so a gateway in front still passes real operations. */
export interface OperationLimits {
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
  maxDirectives: number;
  maxCost: number;
  /** UTF-8 bytes of query text, refused before it is hashed, parsed or kept. */
  maxQueryBytes: number;
  /** Items of any one list in an operation's arguments, variables included. */
  maxListItems: number;
}

/** Socket and body limits so slow or large clients cannot hold the server. */
export interface HttpLimits {
  maxBodyBytes: number;
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  maxUpstreamResponseBytes: number;
}

export { ConfigError } from "./config-error.js";

/** The variables every provider has, named after its id: `<ID>_BASE_URL` and `<ID>_API_KEY`. */
export function providerVariables(provider: ProviderId): { baseUrl: string; apiKey: string } {
  return { baseUrl: `${provider}_BASE_URL`, apiKey: `${provider}_API_KEY` };
}

/** Apollo Sandbox's origin, allowed by CORS in development so Sandbox can call a local server. */
export const SANDBOX_ORIGIN = "https://studio.apollographql.com";

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

/**
 * Read and validate the configuration (contract §1) for `providers` (the module list). Collects
 * every problem and throws one {@link ConfigError} listing them, so a bad deployment fails at
 * start with a clear message.
 *
 * Written here rather than with envalid or zod: every variable needs a rule of ours (blank as
 * unset, integer ranges, URL schemes, defaults that follow NODE_ENV, rules across variables, the
 * provider modules' own variables) and a message naming the variable and the value, so a library
 * would keep only the loop that collects the problems.
 */
export function loadConfig(env: NodeJS.ProcessEnv, providers: readonly ProviderFacts[]): Config {
  const problems: string[] = [];
  const str: EnvReader = (name: string) => {
    const value = env[name]?.trim();
    return value ? value : undefined;
  };
  const int = (name: string, fallback: number, min: number, max: number) => {
    const raw = str(name);
    if (raw === undefined) return fallback;
    if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
      problems.push(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return Number(raw);
  };
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const raw = str(name);
    if (raw === undefined) return fallback;
    if (!(allowed as readonly string[]).includes(raw)) {
      problems.push(`${name} must be one of ${allowed.join(", ")} (got "${raw}")`);
      return fallback;
    }
    return raw as T;
  };

  const bool = (name: string, fallback: boolean) => {
    const raw = str(name)?.toLowerCase();
    if (raw === undefined) return fallback;
    if (["true", "1", "yes"].includes(raw)) return true;
    if (["false", "0", "no"].includes(raw)) return false;
    problems.push(`${name} must be true or false (got "${raw}")`);
    return fallback;
  };
  const list = (name: string) =>
    (str(name) ?? "")
      .split(",")
      .map(t => t.trim())
      .filter(Boolean);

  // A typo ("prod") must not silently run development mode: simulators, Sandbox and demo keys.
  const nodeEnv = oneOf("NODE_ENV", ["development", "production", "test"], "development");
  const production = nodeEnv === "production";
  const providersMode = oneOf("PROVIDERS_MODE", ["simulated", "live"], production ? "live" : "simulated");

  const endpoints: Record<ProviderId, ProviderEndpoint> = {};
  const providerSettings: Record<ProviderId, Readonly<Record<string, unknown>>> = {};
  for (const provider of providers) {
    const names = providerVariables(provider.id);
    const raw = str(names.baseUrl) ?? provider.defaultBaseUrl;
    if (!isHttpUrl(raw)) problems.push(`${names.baseUrl} must be an http(s) URL (got "${raw}")`);
    endpoints[provider.id] = { baseUrl: raw.replace(/\/+$/, ""), apiKey: str(names.apiKey) };
    providerSettings[provider.id] = provider.readSettings?.(str, problems) ?? {};
  }

  const apiTokens = list("API_TOKENS");
  const redisUrl = str("REDIS_URL");
  if (redisUrl && !/^rediss?:\/\/./.test(redisUrl)) {
    problems.push("REDIS_URL must be a redis:// or rediss:// URL");
  }
  const corsOrigins = list("CORS_ORIGINS");
  for (const origin of corsOrigins) {
    if (origin !== "*" && !isHttpUrl(origin)) problems.push(`CORS_ORIGINS entries must be origins such as https://app.example.com (got "${origin}")`);
  }

  const upstreamTimeoutMs = int("UPSTREAM_TIMEOUT_MS", 10000, 1, 600000);
  const problemsBeforeDelays = problems.length;
  const baseDelayMs = int("UPSTREAM_RETRY_BASE_DELAY_MS", 100, 0, 60_000);
  const maxDelayMs = int("UPSTREAM_RETRY_MAX_DELAY_MS", 1000, 0, 60_000);
  // Compared only when both were read: a refused value's stand-in proves nothing.
  if (problems.length === problemsBeforeDelays && maxDelayMs < baseDelayMs) {
    problems.push(`UPSTREAM_RETRY_MAX_DELAY_MS must be at least UPSTREAM_RETRY_BASE_DELAY_MS (got ${maxDelayMs} and ${baseDelayMs})`);
  }
  const retry: RetryPolicy = {
    maxAttempts: int("UPSTREAM_RETRY_ATTEMPTS", 3, 1, 10),
    baseDelayMs,
    maxDelayMs,
    // Never longer than the longest wait a caller is ever told.
    maxRetryAfterMs: int("UPSTREAM_RETRY_AFTER_MAX_MS", 5000, 0, MAX_RETRY_AFTER_SECONDS * 1000),
  };
  const config: Config = {
    nodeEnv,
    production,
    port: int("PORT", 4000, 0, 65535),
    host: str("HOST") ?? "0.0.0.0",
    providersMode,
    providers: endpoints,
    providerSettings,
    upstreamTimeoutMs,
    retry,
    breaker: {
      volumeThreshold: int("BREAKER_VOLUME_THRESHOLD", 20, 1, 1_000_000),
      errorThresholdPercentage: int("BREAKER_ERROR_PERCENT", 50, 1, 100),
      windowMs: int("BREAKER_WINDOW_MS", 10_000, 100, 3_600_000),
      resetTimeoutMs: int("BREAKER_RESET_TIMEOUT_MS", 10_000, 100, 3_600_000),
    },
    apiTokens,
    logLevel: oneOf("LOG_LEVEL", LOG_LEVELS, production ? "info" : nodeEnv === "test" ? "silent" : "info"),
    corsOrigins: production ? corsOrigins : [...corsOrigins, SANDBOX_ORIGIN],
    introspection: bool("INTROSPECTION", !production),
    persistedQueries: oneOf("PERSISTED_QUERIES", ["apq", "only", "off"], "apq"),
    persistedQueryManifest: str("PERSISTED_QUERY_MANIFEST") ?? BUNDLED_MANIFEST_PATH,
    inspectUpstream: bool("INSPECT_UPSTREAM", false),
    redisUrl,
    redisCommandTimeoutMs: Math.min(1000, Math.max(10, Math.floor(upstreamTimeoutMs / 5))),
    limits: {
      maxDepth: int("MAX_DEPTH", 12, 1, 1000),
      maxAliases: int("MAX_ALIASES", 30, 0, 10000),
      maxTokens: int("MAX_TOKENS", 5000, 10, 1_000_000),
      maxDirectives: int("MAX_DIRECTIVES", 50, 0, 10000),
      maxCost: int("MAX_COST", 50_000, 10, 10_000_000),
      maxQueryBytes: int("MAX_QUERY_BYTES", 64 * 1024, 100, 100 * 1024 * 1024),
      maxListItems: int("MAX_LIST_ITEMS", 100, 1, 1_000_000),
    },
    http: {
      maxBodyBytes: int("MAX_BODY_BYTES", 1024 * 1024, 1024, 100 * 1024 * 1024),
      headersTimeoutMs: int("HTTP_HEADERS_TIMEOUT_MS", 10_000, 100, 600_000),
      requestTimeoutMs: int("HTTP_REQUEST_TIMEOUT_MS", 30_000, 100, 600_000),
      keepAliveTimeoutMs: int("HTTP_KEEP_ALIVE_TIMEOUT_MS", 5_000, 100, 600_000),
      maxUpstreamResponseBytes: int("MAX_UPSTREAM_RESPONSE_BYTES", 1024 * 1024, 1024, 100 * 1024 * 1024),
    },
    cacheMaxAgeSeconds: int("CACHE_MAX_AGE_SECONDS", 10, 0, 86_400),
    readCache: {
      ttlSeconds: int("READ_CACHE_TTL_SECONDS", 0, 0, 86_400),
      staleIfErrorSeconds: int("STALE_IF_ERROR_SECONDS", 0, 0, 7 * 86_400),
      maxBytes: int("READ_CACHE_BYTES", 32 * 1024 * 1024, 64 * 1024, 4 * 1024 * 1024 * 1024),
    },
    documentCacheBytes: int("DOCUMENT_CACHE_BYTES", 16 * 1024 * 1024, 0, 1024 * 1024 * 1024),
    upstreamCallBudget: int("UPSTREAM_CALL_BUDGET", 100, 1, 1_000_000),
    upstreamClient: oneOf("UPSTREAM_CLIENT", ["undici", "got"], "undici"),
    tracing: tracingConfig(str, bool, problems),
    idempotency: {
      ttlSeconds: int("IDEMPOTENCY_TTL_SECONDS", 86_400, 1, 30 * 86_400),
      cacheBytes: int("IDEMPOTENCY_CACHE_BYTES", 32 * 1024 * 1024, 64 * 1024, 1024 * 1024 * 1024),
    },
    credentialHashSecret: str("CREDENTIAL_HASH_SECRET"),
  };
  if (config.credentialHashSecret !== undefined && config.credentialHashSecret.length < 32) {
    problems.push("CREDENTIAL_HASH_SECRET must be at least 32 characters (a random secret, e.g. from `openssl rand -hex 32`)");
  }

  const serverKeys = Object.values(endpoints).some(p => p.apiKey);
  if (providersMode === "live" && serverKeys && apiTokens.length === 0) {
    problems.push(
      "API_TOKENS is required in live mode when server-side provider keys (*_API_KEY) are set, " +
        "so that those keys are not open to anyone who can reach the port",
    );
  }
  problems.push(...manifestProblems(config, str("PERSISTED_QUERY_MANIFEST") !== undefined));
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

// The trusted-documents manifest must be a readable file, checked with the other variables; its
// content is read once, at start, by the persisted-query module (`loadManifest`).
function manifestProblems(config: Config, custom: boolean): string[] {
  if (config.persistedQueries !== "only") {
    return custom ? [`PERSISTED_QUERY_MANIFEST is only used with PERSISTED_QUERIES=only (got "${config.persistedQueries}")`] : [];
  }
  const which = manifestName(config.persistedQueryManifest);
  try {
    accessSync(config.persistedQueryManifest, constants.R_OK);
    if (!statSync(config.persistedQueryManifest).isFile()) return [`${which} cannot be read (EISDIR)`];
    return [];
  } catch (error) {
    return [`${which} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`];
  }
}

const SAMPLERS = [
  "always_on",
  "always_off",
  "traceidratio",
  "parentbased_always_on",
  "parentbased_always_off",
  "parentbased_traceidratio",
] as const;

// Tracing is on only when an endpoint is named (and OTEL_SDK_DISABLED is not true): without one
// there is nowhere to send spans, and the SDK is not even loaded.
function tracingConfig(
  str: (name: string) => string | undefined,
  bool: (name: string, fallback: boolean) => boolean,
  problems: string[],
): TracingConfig | undefined {
  const propagateToProviders = bool("OTEL_PROPAGATE_TO_PROVIDERS", false);
  const tracesEndpoint = str("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");
  const baseEndpoint = str("OTEL_EXPORTER_OTLP_ENDPOINT");
  if (bool("OTEL_SDK_DISABLED", false) || (!tracesEndpoint && !baseEndpoint)) return undefined;
  const endpoint = tracesEndpoint ?? `${baseEndpoint!.replace(/\/+$/, "")}/v1/traces`;
  const which = tracesEndpoint ? "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT" : "OTEL_EXPORTER_OTLP_ENDPOINT";
  if (!isHttpUrl(tracesEndpoint ?? baseEndpoint!)) {
    problems.push(`${which} must be an http(s) URL such as http://localhost:4318 (got "${tracesEndpoint ?? baseEndpoint}")`);
  }
  const protocolName = str("OTEL_EXPORTER_OTLP_TRACES_PROTOCOL") ? "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL" : "OTEL_EXPORTER_OTLP_PROTOCOL";
  const protocol = str(protocolName) ?? "http/protobuf";
  if (protocol !== "http/protobuf" && protocol !== "http/json") {
    problems.push(
      `${protocolName} must be http/protobuf or http/json (got "${protocol}"; gRPC is not bundled: use the collector's OTLP/HTTP port, usually 4318)`,
    );
  }
  const sampler = str("OTEL_TRACES_SAMPLER") ?? "parentbased_always_on";
  if (!(SAMPLERS as readonly string[]).includes(sampler)) {
    problems.push(`OTEL_TRACES_SAMPLER must be one of ${SAMPLERS.join(", ")} (got "${sampler}")`);
  }
  const arg = str("OTEL_TRACES_SAMPLER_ARG");
  if (arg !== undefined && sampler.endsWith("traceidratio") && !(/^(0(\.\d+)?|1(\.0+)?|\.\d+)$/.test(arg))) {
    problems.push(`OTEL_TRACES_SAMPLER_ARG must be a ratio from 0 to 1 (got "${arg}")`);
  }
  return { endpoint, protocol: protocol as TracingConfig["protocol"], sampler, propagateToProviders };
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}
