import { readFileSync } from "node:fs";
import { type Config } from "../config.js";
import { type Tracing } from "./trace-context.js";

/**
 * Start OpenTelemetry tracing when `config.tracing` is set (an OTLP endpoint is configured), else
 * resolve `undefined`. The SDK is imported here, dynamically, so a server without an endpoint never
 * loads it, and the request path's `if (trace)` checks are all that tracing costs it.
 */
export async function startTracing(config: Config): Promise<Tracing | undefined> {
  if (!config.tracing) return undefined;
  const { startOtel } = await import("./otel-sdk.js");
  return startOtel(config.tracing, packageVersion());
}

// `service.version`: the package's version (build/ sits next to package.json, as in the image).
function packageVersion(): string {
  try {
    const text = readFileSync(new URL("../../package.json", import.meta.url), "utf8");
    return String((JSON.parse(text) as { version?: unknown }).version ?? "unknown");
  } catch {
    return "unknown";
  }
}
