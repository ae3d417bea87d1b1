import { type Logger } from "pino";
import { SYSTEM_CLOCK } from "./clock.js";
import { type StartParts } from "./composition-root.js";
import { type Config } from "./config.js";
import { type ProviderModule } from "./contract/provider-module.js";
import { type Tracing } from "./observability/trace-context.js";
import { configuredTransport } from "./rest/configured-transport.js";

/**
 * The parts a process hands `startAccountGraph` for `config` and `modules`, around the logger and
 * tracing it made first: the wall clock, the transport `UPSTREAM_CLIENT` names, and with
 * `PROVIDERS_MODE=simulated` the started simulators.
 */
export async function processParts(
  config: Config,
  modules: readonly ProviderModule[],
  logger: Logger,
  tracing?: Tracing,
): Promise<StartParts> {
  const transport = await configuredTransport(config);
  // Simulator code is imported only here, in simulated mode: a live process never loads it.
  const simulators =
    config.providersMode === "simulated" ? await (await import("./simulators/index.js")).startSimulators(modules) : undefined;
  return { modules, logger, clock: SYSTEM_CLOCK, transport, tracing, simulators };
}
