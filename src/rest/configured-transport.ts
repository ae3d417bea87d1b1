import { type Config } from "../config.js";
import { createUndiciTransport, type Transport } from "./transport.js";

/**
 * The transport `UPSTREAM_CLIENT` names, with the response limit of `MAX_UPSTREAM_RESPONSE_BYTES`.
 * got stays available for comparison but is only loaded when chosen.
 */
export async function configuredTransport(config: Config): Promise<Transport> {
  const options = { maxResponseBytes: config.http.maxUpstreamResponseBytes };
  if (config.upstreamClient === "got") return (await import("./got-transport.js")).createGotTransport(options);
  return createUndiciTransport(options);
}
