import { type Config, type ProviderEndpoint } from "../config.js";
import { type ProviderId } from "../contract/provider-facts.js";
import { type ProviderModule } from "../contract/provider-module.js";
import { type RunningSim } from "./sim-server.js";

/** The running simulators of a set of provider modules, by provider id. */
export interface Simulators {
  /** Each provider's running simulator (its URL and test controls). */
  readonly running: Readonly<Record<ProviderId, RunningSim>>;
  /** The demo key the server uses for each provider when `<ID>_API_KEY` is unset. */
  readonly demoKeys: Readonly<Record<ProviderId, string>>;
  /** Endpoints pointing at the simulators; a configured `*_API_KEY` wins over the demo key. */
  endpoints(config: Config): Record<ProviderId, ProviderEndpoint>;
  close(): Promise<void>;
}

/**
 * Start every module's simulator on loopback (random ports), seeded with demo data. The
 * simulators' code is imported here, on demand: `PROVIDERS_MODE=simulated` and tests only.
 */
export async function startSimulators(modules: readonly ProviderModule[]): Promise<Simulators> {
  const started = await Promise.all(
    modules.map(async module => {
      const simulator = await module.simulator();
      return { id: module.id, demoKey: simulator.demoKey, sim: await simulator.start() };
    }),
  );
  const running = Object.fromEntries(started.map(s => [s.id, s.sim]));
  const demoKeys = Object.fromEntries(started.map(s => [s.id, s.demoKey]));
  return {
    running,
    demoKeys,
    endpoints(config) {
      return Object.fromEntries(
        started.map(({ id, sim, demoKey }) => [id, { baseUrl: sim.url, apiKey: config.providers[id]?.apiKey ?? demoKey }]),
      );
    },
    async close() {
      await Promise.all(started.map(s => s.sim.close()));
    },
  };
}
