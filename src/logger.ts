import pinoModule, { pino, type DestinationStream, type Logger } from "pino";
import { type Config } from "./config.js";

/**
 * Log paths that may carry a credential; pino replaces them with `[REDACTED]` in every line.
 * Error messages are redacted where they are built (`RestClient`), and unexpected errors'
 * credential-shaped text wherever they are logged (`loggableError` in `errors/redact.ts`), so no
 * secret reaches a log.
 */
export const REDACT_PATHS = [
  "req.headers.authorization",
  'req.headers["x-diffio-api-key"]',
  'req.headers["x-hostup-api-key"]',
  'req.headers["x-cudo-api-key"]',
  'req.headers["x-depicta-api-key"]',
  "headers.authorization",
  'headers["x-diffio-api-key"]',
  'headers["x-hostup-api-key"]',
  'headers["x-cudo-api-key"]',
  'headers["x-depicta-api-key"]',
  "*.apiKey",
  "*.credential",
  "*.token",
];

/**
 * The process logger: JSON lines (pino) with credentials redacted; human-readable output when
 * developing in a terminal. Tests pass their own `destination` to capture lines. `fields`, when
 * given, is merged into every line (tracing's `trace_id` / `span_id` of the active span); without
 * it pino runs no mixin at all.
 */
export function createLogger(
  config: Config,
  destination?: DestinationStream,
  fields?: () => Record<string, string>,
): Logger {
  const options = {
    ...(fields ? { mixin: fields } : {}),
    level: config.logLevel,
    base: { service: "account-graph" },
    redact: { paths: REDACT_PATHS, censor: "[REDACTED]" },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  if (destination) return pino(options, destination);
  if (!config.production && process.stdout.isTTY) {
    return pino({
      ...options,
      transport: { target: "pino-pretty", options: { translateTime: "SYS:HH:MM:ss", ignore: "service" } },
    });
  }
  // One write(2) per log line is a measurable share of a request; buffer lines so a busy server
  // writes in 4 KiB batches, and flush every second so a quiet one's lines are not held back.
  const stream = pinoModule.destination({ dest: 1, sync: false, minLength: 4096 });
  setInterval(() => stream.flush(), 1000).unref();
  return pino(options, stream);
}
