import { type Config, type ProviderEndpoint } from "../config.js";
import { Provider } from "../providers/provider.js";
import { DIFFIO_DEMO_KEYS, startDiffioSimulator, type RunningDiffioSim } from "../providers/diffio/simulator/diffio.simulator.js";
import { HOSTUP_DEMO_KEYS, startHostupSimulator, type RunningHostupSim } from "../providers/hostup/simulator/hostup.simulator.js";
import { CUDO_DEMO_KEYS, startCudoSimulator, type RunningCudoSim } from "../providers/cudo/simulator/cudo.simulator.js";
import { DEPICTA_DEMO_KEYS, startDepictaSimulator, type RunningDepictaSim } from "../providers/depicta/simulator/depicta.simulator.js";

/** The four running simulators, by provider. */
export interface Simulators {
  diffio: RunningDiffioSim;
  hostup: RunningHostupSim;
  cudo: RunningCudoSim;
  depicta: RunningDepictaSim;
  /** Endpoints pointing at the simulators; a configured `*_API_KEY` wins over the demo key. */
  endpoints(config: Config): Record<Provider, ProviderEndpoint>;
  close(): Promise<void>;
}

/** The demo key the server uses by default for each provider in simulated mode. */
export const DEFAULT_DEMO_KEYS: Record<Provider, string> = {
  [Provider.DIFFIO]: DIFFIO_DEMO_KEYS.admin,
  [Provider.HOSTUP]: HOSTUP_DEMO_KEYS.full,
  [Provider.CUDO]: CUDO_DEMO_KEYS.owner,
  [Provider.DEPICTA]: DEPICTA_DEMO_KEYS.main,
};

/** Start every provider simulator on loopback (random ports), seeded with demo data. */
export async function startSimulators(): Promise<Simulators> {
  const [diffio, hostup, cudo, depicta] = await Promise.all([
    startDiffioSimulator(),
    startHostupSimulator(),
    startCudoSimulator(),
    startDepictaSimulator(),
  ]);
  const urls: Record<Provider, string> = {
    [Provider.DIFFIO]: diffio.url,
    [Provider.HOSTUP]: hostup.url,
    [Provider.CUDO]: cudo.url,
    [Provider.DEPICTA]: depicta.url,
  };
  return {
    diffio,
    hostup,
    cudo,
    depicta,
    endpoints(config) {
      const out = {} as Record<Provider, ProviderEndpoint>;
      for (const provider of Object.values(Provider)) {
        const configured = config.providers[provider];
        out[provider] = {
          baseUrl: urls[provider],
          apiKey: configured.apiKey ?? DEFAULT_DEMO_KEYS[provider],
        };
      }
      return out;
    },
    async close() {
      await Promise.all([diffio.close(), hostup.close(), cudo.close(), depicta.close()]);
    },
  };
}
