import { loadConfig as loadConfigFor, providerVariables, type Config } from "../../src/config.js";
import { credentialHeaders } from "../../src/context.js";
import { CUDO } from "../../src/providers/cudo/cudo.facts.js";
import { DEPICTA } from "../../src/providers/depicta/depicta.facts.js";
import { DIFFIO } from "../../src/providers/diffio/diffio.facts.js";
import { HOSTUP } from "../../src/providers/hostup/hostup.facts.js";
import { PROVIDER_MODULES } from "../../src/providers/index.js";
import { CUDO_DEMO_KEYS, type RunningCudoSim } from "../../src/providers/cudo/simulator/cudo.simulator.js";
import { DEPICTA_DEMO_KEYS, type RunningDepictaSim } from "../../src/providers/depicta/simulator/depicta.simulator.js";
import { DIFFIO_DEMO_KEYS, type RunningDiffioSim } from "../../src/providers/diffio/simulator/diffio.simulator.js";
import { HOSTUP_DEMO_KEYS, type RunningHostupSim } from "../../src/providers/hostup/simulator/hostup.simulator.js";
import { startSimulators, type Simulators } from "../../src/simulators/index.js";

/** The four providers' ids, for tests that name them (`Provider.CUDO`). */
export const Provider = {
  DIFFIO: DIFFIO.id,
  HOSTUP: HOSTUP.id,
  CUDO: CUDO.id,
  DEPICTA: DEPICTA.id,
} as const;
export type Provider = (typeof Provider)[keyof typeof Provider];

/** Each provider's credential header, lower case, by provider id. */
export const CREDENTIAL_HEADERS = credentialHeaders(PROVIDER_MODULES) as Record<Provider, string>;

/** The demo key the server uses in simulated mode, by provider id. */
export const DEFAULT_DEMO_KEYS: Record<Provider, string> = {
  DIFFIO: DIFFIO_DEMO_KEYS.admin,
  HOSTUP: HOSTUP_DEMO_KEYS.full,
  CUDO: CUDO_DEMO_KEYS.owner,
  DEPICTA: DEPICTA_DEMO_KEYS.main,
};

/** The configuration the server reads from `env`, for the module list it serves. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  return loadConfigFor(env, PROVIDER_MODULES);
}

/** The simulators with each one's typed state and controls, for assertions. */
export interface TestSims extends Simulators {
  diffio: RunningDiffioSim;
  hostup: RunningHostupSim;
  cudo: RunningCudoSim;
  depicta: RunningDepictaSim;
}

/** A typed view of running simulators. */
export function typedSims(sims: Simulators): TestSims {
  return {
    ...sims,
    diffio: sims.running.DIFFIO as RunningDiffioSim,
    hostup: sims.running.HOSTUP as RunningHostupSim,
    cudo: sims.running.CUDO as RunningCudoSim,
    depicta: sims.running.DEPICTA as RunningDepictaSim,
  };
}

/** Start every module's simulator (as simulated mode does), typed for assertions. */
export async function startTestSimulators(): Promise<TestSims> {
  return typedSims(await startSimulators(PROVIDER_MODULES));
}

/**
 * The environment of a server in live mode whose providers are these simulators: each module's
 * `<ID>_BASE_URL` pointing at its simulator (what an operator sets, with the real providers' URLs).
 */
export function liveEnvFor(sims: Simulators): Record<string, string> {
  const env: Record<string, string> = { PROVIDERS_MODE: "live" };
  for (const { id } of PROVIDER_MODULES) env[providerVariables(id).baseUrl] = sims.running[id].url;
  return env;
}
