import { createRequire } from "node:module";
import { pino, type Logger, type LoggerOptions } from "pino";
import { type Config } from "./config.js";
import { isoTime } from "./observability/iso-time.js";
import { processLogStream } from "./observability/log-stream.js";

/**
 * Log paths that may carry a credential, given the providers' credential headers (lower case);
 * pino replaces them with `[REDACTED]` in every line. Error messages are redacted where they are
 * built (`RestClient`), and unexpected errors' credential-shaped text wherever they are logged
 * (`loggableError` in `errors/redact.ts`), so no secret reaches a log.
 */
export function redactPaths(credentialHeaders: readonly string[]): string[] {
  const headers = credentialHeaders.map(h => `["${h.toLowerCase()}"]`);
  return [
    "req.headers.authorization",
    ...headers.map(h => `req.headers${h}`),
    "headers.authorization",
    ...headers.map(h => `headers${h}`),
    "*.apiKey",
    "*.credential",
    "*.token",
  ];
}

/** What {@link createLogger} needs besides the configuration. */
export interface LoggerSettings {
  /** Every provider's credential header: redacted wherever a request's headers are logged. */
  credentialHeaders: readonly string[];
  /** Merged into every line (tracing's `trace_id` / `span_id`); without it pino runs no mixin. */
  fields?: () => Record<string, string>;
}

/**
 * What every line of the process logger is made with: level, service, credentials redacted, ISO
 * time, the tracing fields. {@link createLogger} sends such lines to stdout; whatever must write
 * lines the process logger would write elsewhere builds its pino from the same options.
 */
export function loggerOptions(config: Config, { credentialHeaders, fields }: LoggerSettings): LoggerOptions {
  return {
    ...(fields ? { mixin: fields } : {}),
    level: config.logLevel,
    base: { service: "account-graph" },
    redact: { paths: redactPaths(credentialHeaders), censor: "[REDACTED]" },
    timestamp: isoTime,
  };
}

/**
 * The process logger: JSON lines (pino) on stdout, made with {@link loggerOptions}; human-readable
 * output when developing in a terminal.
 */
export function createLogger(config: Config, settings: LoggerSettings): Logger {
  const options = loggerOptions(config, settings);
  // pino-pretty is a development dependency: an image without it logs JSON in any terminal.
  if (!config.production && process.stdout.isTTY && resolvable("pino-pretty")) {
    return pino({
      ...options,
      transport: { target: "pino-pretty", options: { translateTime: "SYS:HH:MM:ss", ignore: "service" } },
    });
  }
  // One write(2) per event-loop turn rather than per line: see log-stream.ts.
  return pino(options, processLogStream(1));
}

function resolvable(name: string): boolean {
  try {
    createRequire(import.meta.url).resolve(name);
    return true;
  } catch {
    return false;
  }
}
