import { type Config } from "./config.js";

/**
 * What an operator must hear at start about a configuration that runs but is probably not what
 * they meant: one line each, naming the variable that changes it.
 */
export function startupWarnings(config: Config): string[] {
  const warnings: string[] = [];
  if (config.production && config.apiTokens.length === 0) {
    warnings.push(
      "/graphql and /metrics are open to anyone who can reach this port: set API_TOKENS " +
        "(comma-separated bearer tokens) to require a token",
    );
  }
  if (config.redisUrl && !config.credentialHashSecret) {
    warnings.push(
      "REDIS_URL is set without CREDENTIAL_HASH_SECRET: the hashes that stand for callers' tokens and " +
        "credentials in Redis (Idempotency-Key answers, the read cache) use a built-in key; set it to one random secret " +
        "of at least 32 characters on every replica",
    );
  }
  return warnings;
}

const LISTEN_PROBLEMS: Record<string, (where: string, config: Config) => string> = {
  EADDRINUSE: (where, config) => `cannot listen on ${where}: the port is already in use (set PORT to another, e.g. PORT=${config.port === 4000 ? 4001 : 4000})`,
  EACCES: where => `cannot listen on ${where}: permission denied (ports below 1024 need privileges; set PORT)`,
  EADDRNOTAVAIL: where => `cannot listen on ${where}: HOST is not an address of this machine (set HOST, e.g. HOST=0.0.0.0)`,
  ENOTFOUND: (where, config) => `cannot listen on ${where}: HOST "${config.host}" does not resolve (set HOST to an address or a resolvable name)`,
  EAI_AGAIN: (where, config) => `cannot listen on ${where}: HOST "${config.host}" could not be resolved right now (set HOST to an address)`,
};

/**
 * The one line for a start that failed on listening (port in use, HOST not resolvable, ...),
 * like the configuration errors; undefined for any other error (a bug: let it show its stack).
 */
export function listenFailure(error: unknown, config: Config): string | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  const syscall = (error as { syscall?: unknown } | undefined)?.syscall;
  if (typeof code !== "string") return undefined;
  const describe = LISTEN_PROBLEMS[code];
  if (!describe || (syscall !== "listen" && syscall !== "getaddrinfo")) return undefined;
  return describe(`${config.host}:${config.port}`, config);
}
