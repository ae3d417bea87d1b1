import { Provider } from "./providers/provider.js";

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
  providers: Record<Provider, ProviderEndpoint>;
  cudoBillingAccountId?: string;
  /** Deadline for one upstream operation, retries included. */
  upstreamTimeoutMs: number;
  /** Caller tokens; empty means `/graphql` is open. */
  apiTokens: string[];
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
}

/** Thrown by {@link loadConfig} with every problem found, one per line. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join("\n  - ")}`);
    this.name = "ConfigError";
  }
}

/** Env var prefix per provider: `DIFFIO_BASE_URL`, `DIFFIO_API_KEY`, ... */
export const PROVIDER_ENV: Record<Provider, { prefix: string; defaultBaseUrl: string }> = {
  [Provider.DIFFIO]: { prefix: "DIFFIO", defaultBaseUrl: "https://api.diffio.ai" },
  [Provider.HOSTUP]: { prefix: "HOSTUP", defaultBaseUrl: "https://cloud.hostup.se" },
  [Provider.CUDO]: { prefix: "CUDO", defaultBaseUrl: "https://rest.compute.cudo.org" },
  [Provider.DEPICTA]: { prefix: "DEPICTA", defaultBaseUrl: "https://api.depicta.ai" },
};

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

/**
 * Read and validate the configuration (contract §1). Collects every problem and throws one
 * {@link ConfigError} listing them, so a bad deployment fails at start with a clear message.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const str = (name: string) => {
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

  const rawEnv = str("NODE_ENV");
  const nodeEnv = rawEnv === "production" || rawEnv === "test" ? rawEnv : "development";
  const production = nodeEnv === "production";
  const providersMode = oneOf("PROVIDERS_MODE", ["simulated", "live"], production ? "live" : "simulated");

  const providers = {} as Record<Provider, ProviderEndpoint>;
  for (const provider of Object.values(Provider)) {
    const { prefix, defaultBaseUrl } = PROVIDER_ENV[provider];
    const name = `${prefix}_BASE_URL`;
    const raw = str(name) ?? defaultBaseUrl;
    if (!isHttpUrl(raw)) problems.push(`${name} must be an http(s) URL (got "${raw}")`);
    providers[provider] = { baseUrl: raw.replace(/\/+$/, ""), apiKey: str(`${prefix}_API_KEY`) };
  }

  const apiTokens = (str("API_TOKENS") ?? "")
    .split(",")
    .map(t => t.trim())
    .filter(Boolean);

  const config: Config = {
    nodeEnv,
    production,
    port: int("PORT", 4000, 0, 65535),
    host: str("HOST") ?? "0.0.0.0",
    providersMode,
    providers,
    cudoBillingAccountId: str("CUDO_BILLING_ACCOUNT_ID"),
    upstreamTimeoutMs: int("UPSTREAM_TIMEOUT_MS", 10000, 1, 600000),
    apiTokens,
    logLevel: oneOf("LOG_LEVEL", LOG_LEVELS, production ? "info" : nodeEnv === "test" ? "silent" : "info"),
  };

  const serverKeys = Object.values(providers).some(p => p.apiKey);
  if (providersMode === "live" && serverKeys && apiTokens.length === 0) {
    problems.push(
      "API_TOKENS is required in live mode when server-side provider keys (*_API_KEY) are set, " +
        "so that those keys are not open to anyone who can reach the port",
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}
